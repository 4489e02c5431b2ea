// The analysis task queues and how fast they may dispatch. Cloud Tasks is the
// project's distributed pacer for analysis AI calls: one batch task makes one
// call, so a queue's maxDispatchesPerSecond is its share of the Gemini quota,
// whatever the number of instances. Paid plans' batches have a queue of their
// own with the larger share (priority support); the rest of the quota is kept
// for interactive calls (Ask AI, replies) and the finalize step, paced by the
// shared Firestore bucket.
import { defineInt } from "firebase-functions/params";
import { aiBudgetFromEnv, analysisQueueRates } from "../../core/budgets/aiShares";

export type Priority = "paid" | "free";

/** Function (and queue) names: the Admin SDK enqueues by function name. */
export const BATCH_QUEUES: Record<Priority, string> = { paid: "analyzeCommentBatch", free: "analyzeCommentBatchFree" };
export const FINALIZE_QUEUE = "finalizeAnalysis";

/** Attempts per task (first included) before a batch or finalize failure fails the job. */
export const ANALYSIS_TASK_MAX_ATTEMPTS = defineInt("ANALYSIS_TASK_MAX_ATTEMPTS", {
  default: 8,
  description: "Attempts per analysis task (429/5xx are retried by the queue with backoff)",
});

export const ANALYSIS_TASK_MIN_BACKOFF_SECONDS = defineInt("ANALYSIS_TASK_MIN_BACKOFF_SECONDS", {
  default: 10,
  description: "First retry delay of an analysis task; doubles up to 5 minutes",
});

/** How the batch queues split the analysis share of the project's AI quota: paid plans first. */
export const QUEUE_SHARES: Record<Priority, number> = { paid: 0.75, free: 0.25 };
/** Tokens one batch call costs (50 comments in and out), to turn a tokens-per-minute quota into a dispatch rate. */
export const TOKENS_PER_BATCH_CALL = 6_000;

/**
 * Dispatches per second for each batch queue. Queue rates are deploy-time
 * settings of Cloud Tasks, so they are computed when the functions are loaded
 * for deployment, from the same params (read from the environment) that the
 * shared Firestore bucket reads at run time for the interactive and finalize
 * pools; core/budgets/aiShares.ts keeps the sum under the quota in any minute.
 */
export function batchDispatchRates(env: NodeJS.ProcessEnv = process.env): Record<Priority, number> {
  const rates = analysisQueueRates({ ...aiBudgetFromEnv(env), tokensPerBatch: TOKENS_PER_BATCH_CALL, callsPerDispatch: 1 }, QUEUE_SHARES);
  // An unlimited quota (RPM 0) still needs a finite queue setting: Cloud Tasks' own ceiling.
  return { paid: Math.min(rates.paid, 500), free: Math.min(rates.free, 500) };
}

/** The longest a task waits between two deliveries (what a retrying job is held for: queueLease.ts). */
export const MAX_BACKOFF_SECONDS = 300;

export function retryConfig() {
  return {
    maxAttempts: ANALYSIS_TASK_MAX_ATTEMPTS,
    minBackoffSeconds: ANALYSIS_TASK_MIN_BACKOFF_SECONDS,
    maxBackoffSeconds: MAX_BACKOFF_SECONDS,
    maxDoublings: 5,
  };
}
