// Token estimates without a tokenizer download: Gemini's tokenizer averages
// about four characters of English per token, so ceil(chars / 4) is the
// documented heuristic. The Gemini stand-in computes its `usageMetadata` with
// this same function, so budgets measured against it and estimates made here
// agree; against the real API treat it as a ±20 % guide for English text.

export const CHARS_PER_TOKEN = 4;

/** Estimated tokens of a text (0 for an empty string). */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / CHARS_PER_TOKEN);
}

/**
 * Estimated input tokens of a generateContent request: system instruction,
 * user text and the response schema (Gemini counts the schema as input).
 * The stand-in reports `promptTokenCount` with exactly this formula.
 */
export function estimateRequestTokens(system: string, user: string, schema: unknown): number {
  return estimateTokens(system + user + (schema === undefined ? "" : JSON.stringify(schema)));
}
