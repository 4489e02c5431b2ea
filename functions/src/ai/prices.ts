// List prices of the Gemini models Lently may route to, US dollars per 1M
// tokens, standard tier, text, prompts under 200k tokens (Google's Gemini API
// pricing page; Vertex AI's global endpoint lists the same). The one place
// these numbers live: the README's configuration table, each analysis'
// `cost.usd` and the bench's `usdPer1kComments` read them here.
// Thinking tokens are billed as output; cached input (implicit caching of a
// repeated prompt prefix) at the cached rate.
import type { TokenUsage } from "./types";

export interface ModelPrice {
  input: number;
  cachedInput: number;
  output: number;
}

/** The date the table was checked against the pricing page. */
export const PRICES_AS_OF = "2026-12-01";

export const PRICES: Record<string, ModelPrice> = {
  "gemini-3.1-flash-lite": { input: 0.25, cachedInput: 0.025, output: 1.5 },
  "gemini-3.5-flash-lite": { input: 0.3, cachedInput: 0.03, output: 2.5 },
  "gemini-3.6-flash": { input: 0.75, cachedInput: 0.075, output: 3.75 },
  "gemini-3.8-flash": { input: 0.75, cachedInput: 0.075, output: 3.75 },
  "gemini-3.5-flash": { input: 1.5, cachedInput: 0.15, output: 9 },
  "gemini-3.1-pro": { input: 2, cachedInput: 0.2, output: 12 },
  // Shut down 1 Dec 2026 (calls routed to a current model): kept to price the old single-model setup.
  "gemini-2.5-flash": { input: 0.3, cachedInput: 0.03, output: 2.5 },
  "gemini-2.5-flash-lite": { input: 0.1, cachedInput: 0.01, output: 0.4 },
  "gemini-2.5-pro": { input: 1.25, cachedInput: 0.125, output: 10 },
};

/** The price of a model id ("models/" prefix and "-preview…" suffixes allowed); undefined when unlisted. */
export function priceOf(model: string): ModelPrice | undefined {
  const name = model.replace(/^models\//, "");
  return PRICES[name] ?? PRICES[name.replace(/-(preview|exp)\b.*$/, "")];
}

/**
 * US dollars at list price for the usage's per-model entries. A model without
 * a listed price makes the figure unknown (undefined) rather than wrong.
 */
export function usdOf(usage: TokenUsage): number | undefined {
  let usd = 0;
  for (const part of usage.models ?? []) {
    const price = priceOf(part.model);
    if (!price) return undefined;
    const cached = part.cachedTokens ?? 0;
    usd += ((part.inputTokens - cached) * price.input + cached * price.cachedInput + part.outputTokens * price.output) / 1e6;
  }
  return Math.round(usd * 1e6) / 1e6;
}
