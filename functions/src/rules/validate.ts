// A rule as the creator saved it, checked beyond its contract: every pattern
// compiles on RE2 within its bounds, every label value exists, every template
// variable is known. Failures are invalid-argument naming the field.
import type { RuleInput } from "../contracts/rules";
import { invalidArgument } from "../core/errors";
import { compileRule, RuleError, type CompiledRule } from "./match";
import { checkTemplate } from "./template";

export function validateRule(rule: Pick<RuleInput, "condition" | "action">, field = "rule"): CompiledRule {
  try {
    const compiled = compileRule(rule, `${field}.condition`);
    if (rule.action.type === "reply_template") checkTemplate(rule.action.template, `${field}.action.template`);
    return compiled;
  } catch (err) {
    if (err instanceof RuleError) throw invalidArgument(err.field, err.message);
    throw err;
  }
}
