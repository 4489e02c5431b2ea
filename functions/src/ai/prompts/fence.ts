// Untrusted text (comments, titles, questions, history) enters a prompt only
// as JSON inside a named block: <comments>…</comments>. JSON escaping keeps
// quotes and newlines inside strings; on top of that every "<" that could
// start a tag ("</comments>", "<system>", "<!--") is written as \u003c, which
// is still valid JSON for the same text, so nothing in the data can close its
// block or open another. "<3" and "a < b" stay readable.

/** JSON of `value` with every tag-opening "<" escaped. */
export function dataJson(value: unknown): string {
  return JSON.stringify(value).replace(/<(?=[/!?A-Za-z])/g, "\\u003c");
}

/** A fenced data block: `<tag>` on its own line, the JSON, `</tag>`. */
export function fence(tag: string, value: unknown): string {
  return `<${tag}>\n${dataJson(value)}\n</${tag}>`;
}

/**
 * The JSON inside the first `<tag>` block of a prompt, or undefined. The data
 * cannot contain a real closing tag (see above), so the first one found ends it.
 * Used by the Gemini stand-in and by tests to read what a prompt carried.
 */
export function unfence(prompt: string, tag: string): unknown {
  const open = `<${tag}>\n`;
  const start = prompt.indexOf(open);
  if (start < 0) return undefined;
  const end = prompt.indexOf(`\n</${tag}>`, start + open.length);
  if (end < 0) return undefined;
  return JSON.parse(prompt.slice(start + open.length, end)) as unknown;
}

/** Cuts text to `max` characters at a word boundary when one is near, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}
