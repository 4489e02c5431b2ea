// `--provider gemini|local` for `npm run eval`: who labels the comments.
// local: the offline models, called directly. gemini: the production
// analysis prompt through the real GeminiProvider, in batches of the
// pipeline's size, a few at once, so the paid path is measured the same way as
// the free one; tokens and an estimated cost are printed. Unpaced: Gemini's
// 429s and their retryDelay are honoured by the provider. Without
// GEMINI_API_KEY in the shell the Gemini run says so and is skipped.
import { analyzeCommentsLocally } from "../../functions/src/ai/local/analyze";
import type { AiProvider, CommentAnalysis, TokenUsage } from "../../functions/src/ai/types";
import { addUsage, noUsage } from "../../functions/src/ai/tokenUsage";

export type ProviderName = "local" | "gemini";

export interface Labeler {
  name: ProviderName;
  /** One analysis per text, in order. */
  analyze(texts: readonly string[], videoTitle: string): Promise<CommentAnalysis[]>;
  usage: TokenUsage;
}

// USD per million tokens, Gemini 2.5 Flash list price (paid tier, text), for the estimate only.
const PRICE_PER_MILLION: Record<string, { input: number; output: number }> = {
  "gemini-2.5-flash": { input: 0.3, output: 2.5 },
  "gemini-2.5-flash-lite": { input: 0.1, output: 0.4 },
  "gemini-2.5-pro": { input: 1.25, output: 10 },
};

export function localLabeler(): Labeler {
  return {
    name: "local",
    usage: noUsage(),
    analyze: (texts) => Promise.resolve(analyzeCommentsLocally(texts.map((text, i) => ({ id: `c${i}`, text })))),
  };
}

export const GEMINI_MODEL = process.env.GEMINI_MODEL || "gemini-2.5-flash";

/** The Gemini labeler, or undefined when no key is in the shell. */
export async function geminiLabeler(): Promise<Labeler | undefined> {
  const apiKey = process.env.GEMINI_API_KEY;
  if (!apiKey) return undefined;
  const { GeminiProvider } = await import("../../functions/src/ai/gemini/provider");
  const provider: AiProvider = new GeminiProvider({
    apiKey,
    model: GEMINI_MODEL,
    baseUrl: process.env.GEMINI_BASE_URL || undefined,
  });
  const batchSize = Number(process.env.ANALYSIS_BATCH_SIZE ?? 50);
  const concurrency = Number(process.env.AI_BATCH_CONCURRENCY ?? 4);
  const labeler: Labeler = {
    name: "gemini",
    usage: noUsage(),
    async analyze(texts, videoTitle) {
      const comments = texts.map((text, i) => ({ id: `c${i}`, text }));
      const results: CommentAnalysis[] = [];
      // `concurrency` batches at a time, results in input order.
      for (let start = 0; start < comments.length; start += batchSize * concurrency) {
        const round = Array.from({ length: concurrency }, (_, k) => comments.slice(start + k * batchSize, start + (k + 1) * batchSize)).filter((b) => b.length > 0);
        for (const result of await Promise.all(round.map((batch) => provider.analyzeComments(batch, { id: "eval", title: videoTitle })))) {
          labeler.usage = addUsage(labeler.usage, result.usage);
          results.push(...result.value);
        }
      }
      return results;
    },
  };
  return labeler;
}

export function usageReport(labeler: Labeler): { calls: number; inputTokens: number; outputTokens: number; model?: string; estimatedUsd?: number } {
  const { calls, inputTokens, outputTokens } = labeler.usage;
  if (labeler.name === "local") return { calls, inputTokens, outputTokens };
  const price = PRICE_PER_MILLION[GEMINI_MODEL];
  const estimatedUsd = price ? Math.round(((inputTokens * price.input + outputTokens * price.output) / 1e6) * 10_000) / 10_000 : undefined;
  return { calls, inputTokens, outputTokens, model: GEMINI_MODEL, estimatedUsd };
}
