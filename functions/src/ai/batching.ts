// Analysing many comments: fixed-size batches (one provider call each), a few
// in flight at once, results in input order and usage summed. Pacing to the
// provider's requests-per-minute happens inside the provider.
import { isAiError } from "./errors";
import type { AiProvider, AiResult, CommentAnalysis, CommentInput, TokenUsage, VideoContext } from "./types";
import { addUsage, noUsage } from "./tokenUsage";

/** Comments per call: big enough that the prompt's fixed part is small per comment, small enough to keep answers short. */
export const DEFAULT_BATCH_SIZE = 50;

export interface BatchOptions {
  batchSize?: number;
  /** Batches in flight at once (AI_BATCH_CONCURRENCY). */
  concurrency?: number;
  /** After each batch: comments analysed so far, and in all. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

export function toBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

/**
 * Every comment analysed, in input order. The first failing batch stops the
 * run; the error carries the usage of every batch billed until then.
 */
export async function analyzeInBatches(
  provider: AiProvider,
  comments: readonly CommentInput[],
  video: VideoContext,
  options: BatchOptions = {},
): Promise<AiResult<CommentAnalysis[]>> {
  const batches = toBatches(comments, Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE));
  const results: CommentAnalysis[][] = new Array<CommentAnalysis[]>(batches.length);
  let usage: TokenUsage = noUsage();
  let next = 0;
  let done = 0;
  let failed: Error | undefined;

  const worker = async (): Promise<void> => {
    while (failed === undefined && next < batches.length) {
      const index = next;
      next += 1;
      try {
        const result = await provider.analyzeComments(batches[index], video);
        results[index] = result.value;
        usage = addUsage(usage, result.usage);
        done += batches[index].length;
        await options.onProgress?.(done, comments.length);
      } catch (err) {
        if (isAiError(err)) usage = addUsage(usage, err.usage);
        failed ??= err instanceof Error ? err : new Error(String(err));
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, batches.length));
  await Promise.all(Array.from({ length: workers }, worker));
  if (failed !== undefined) {
    if (isAiError(failed)) failed.withUsage(usage);
    throw failed;
  }
  return { value: results.flat(), usage };
}
