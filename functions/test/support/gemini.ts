// The Gemini stand-in started by tools/stack.ts (tools/standins/gemini.ts):
// its control API, and a GeminiProvider pointed at it with fast retries.
import { GeminiProvider, type GeminiOptions } from "../../src/ai/gemini/provider";
import type { Recorded, Reply, Rule } from "../../../tools/standins/gemini";
import type { TokenUsage } from "../../src/ai/types";

export function standInUrl(): string {
  const url = process.env.LENTLY_GEMINI_STANDIN_URL;
  if (!url) throw new Error("LENTLY_GEMINI_STANDIN_URL is not set: run tests through tools/stack.ts.");
  return url;
}

async function control<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${standInUrl()}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`stand-in ${method} ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const standIn = {
  script: (body: { responses?: Reply[]; rules?: Rule[] }) => control("POST", "/__script", body),
  reset: () => control("POST", "/__reset"),
  requests: async () => (await control<{ requests: Recorded[] }>("GET", "/__requests")).requests,
  stats: () => control<{ requests: number; outcomes: Record<string, number>; inputTokens: number; outputTokens: number; thoughtsTokens: number }>("GET", "/__stats"),
  config: (limits: { latencyMs?: number; requestsPerMinute?: number; tokensPerMinute?: number; requestsPerDay?: number }) => control("POST", "/__config", limits),
};

/** The stand-in's usage totals as a TokenUsage's token fields (thinkingTokens only when some were spent). */
export async function standInTotals(): Promise<{ inputTokens: number; outputTokens: number; thinkingTokens?: number }> {
  const stats = await standIn.stats();
  return { inputTokens: stats.inputTokens, outputTokens: stats.outputTokens, ...(stats.thoughtsTokens > 0 ? { thinkingTokens: stats.thoughtsTokens } : {}) };
}

/** A usage's totals without its per-model breakdown (compared against the stand-in's totals). */
export function totalsOnly(usage: TokenUsage): Omit<TokenUsage, "models"> {
  const { models: _models, ...totals } = usage;
  return totals;
}

/** A key that looks real, so tests can check it never leaks into messages. */
export const TEST_KEY = "AIzaSyTESTKEY0123456789abcdefghijklmnop";

export function testGemini(options: Partial<GeminiOptions> = {}): GeminiProvider {
  return new GeminiProvider({
    apiKey: TEST_KEY,
    model: "gemini-2.5-flash",
    baseUrl: standInUrl(),
    timeoutMs: 10_000,
    ...options,
    retry: { baseDelayMs: 2, maxDelayMs: 20, ...options.retry },
  });
}
