// `--provider gemini|local` for `npm run eval`: who labels the comments.
// local: the offline models, called directly. gemini: the production
// analysis prompt through the real GeminiProvider, in batches of the
// pipeline's size with its concurrency, so the paid path is measured the same
// way as the free one; tokens and the cost at list price are printed. Either
// backend: GEMINI_API_KEY in the shell (the Gemini API), or AI_BACKEND=vertex
// with GOOGLE_CLOUD_PROJECT (Vertex AI with the shell's application-default
// credentials, GEMINI_LOCATION or "global"). With neither the Gemini run says
// so and is skipped. GEMINI_MODEL_BATCH picks the model (default: the
// per-comment pass's default, functions/src/ai/models.ts).
import { analyzeInBatches, DEFAULT_BATCH_SIZE } from "../../functions/src/ai/batching";
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
    requestsPerMinute: Number(process.env.AI_REQUESTS_PER_MINUTE ?? 60),
  });
  const labeler: Labeler = {
    name: "gemini",
    usage: noUsage(),
    async analyze(texts, videoTitle) {
      const result = await analyzeInBatches(provider, texts.map((text, i) => ({ id: `c${i}`, text })), { id: "eval", title: videoTitle }, {
        batchSize: Number(process.env.ANALYSIS_BATCH_SIZE ?? DEFAULT_BATCH_SIZE),
        concurrency: Number(process.env.AI_BATCH_CONCURRENCY ?? 4),
      });
      labeler.usage = addUsage(labeler.usage, result.usage);
      return result.value;
    },
  };
  return labeler;
}

export function usageReport(labeler: Labeler): { calls: number; inputTokens: number; outputTokens: number; model?: string; estimatedUsd?: number } {
  const { calls, inputTokens, outputTokens } = labeler.usage;
  if (labeler.name === "local") return { calls, inputTokens, outputTokens };
  return { calls, inputTokens, outputTokens, model: GEMINI_MODEL, estimatedUsd: usdOf(labeler.usage) };
}
