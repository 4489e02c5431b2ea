// `--provider gemini|local` for `npm run eval`: who labels the comments.
// local: the offline models, called directly. gemini: the production
// analysis prompt through the real GeminiProvider, in batches of the
// pipeline's size, a few at once, so the paid path is measured the same way as
// the free one; tokens and the cost at list price are printed. Unpaced:
// Gemini's 429s and their retryDelay are honoured by the provider. Either
// backend: GEMINI_API_KEY in the shell (the Gemini API), or AI_BACKEND=vertex
// with GOOGLE_CLOUD_PROJECT (Vertex AI with the shell's application-default
// credentials, GEMINI_LOCATION or "global"). With neither the Gemini run says
// so and is skipped. GEMINI_MODEL_BATCH picks the model (default: the
// per-comment pass's default, functions/src/ai/models.ts).
import { analyzeCommentsLocally } from "../../functions/src/ai/local/analyze";
import type { AiProvider, CommentAnalysis, TokenUsage } from "../../functions/src/ai/types";
import { addUsage, noUsage } from "../../functions/src/ai/tokenUsage";
import { DEFAULT_MODELS } from "../../functions/src/ai/models";
import { usdOf } from "../../functions/src/ai/prices";

export type ProviderName = "local" | "gemini";

export interface Labeler {
  name: ProviderName;
  /** One analysis per text, in order. */
  analyze(texts: readonly string[], videoTitle: string): Promise<CommentAnalysis[]>;
  usage: TokenUsage;
}

export function localLabeler(): Labeler {
  return {
    name: "local",
    usage: noUsage(),
    analyze: (texts) => Promise.resolve(analyzeCommentsLocally(texts.map((text, i) => ({ id: `c${i}`, text })))),
  };
}

export const GEMINI_MODEL = process.env.GEMINI_MODEL_BATCH || DEFAULT_MODELS.batch;

/** The Gemini labeler, or undefined when the shell names no way to reach Gemini. */
export async function geminiLabeler(): Promise<Labeler | undefined> {
  const apiKey = process.env.GEMINI_API_KEY;
  const vertex = process.env.AI_BACKEND === "vertex" && Boolean(process.env.GOOGLE_CLOUD_PROJECT);
  if (!apiKey && !vertex) return undefined;
  const { GeminiProvider } = await import("../../functions/src/ai/gemini/provider");
  const provider: AiProvider = new GeminiProvider({
    ...(vertex
      ? { backend: "vertex" as const, project: process.env.GOOGLE_CLOUD_PROJECT, location: process.env.GEMINI_LOCATION || "global" }
      : { backend: "api-key" as const, apiKey }),
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
  return { calls, inputTokens, outputTokens, model: GEMINI_MODEL, estimatedUsd: usdOf(labeler.usage) };
}
