// Reply templates: `{author}` and `{videoTitle}` are filled in; any other
// `{name}` is refused when the rule is saved, so a typo never reaches a viewer.
import { TEMPLATE_VARIABLES, type TemplateVariable } from "../domain/ruleLimits";
import { RuleError } from "./match";

const VARIABLE = /\{([^{}\s]{1,40})\}/g;

export function checkTemplate(template: string, field: string): void {
  for (const [, name] of template.matchAll(VARIABLE)) {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) {
      throw new RuleError(field, `has an unknown variable {${name}} (known: ${TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(", ")})`);
    }
  }
}

export function renderTemplate(template: string, values: Record<TemplateVariable, string>): string {
  return template.replace(VARIABLE, (whole, name: string) => ((TEMPLATE_VARIABLES as readonly string[]).includes(name) ? values[name as TemplateVariable] : whole));
}
