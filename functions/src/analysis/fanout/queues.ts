// The analysis task queues and how fast they may dispatch. Cloud Tasks is the
// project's distributed pacer for analysis AI calls: one batch task makes one
// call, so a queue's maxDispatchesPerSecond is its share of the Gemini quota,
// whatever the number of instances. Paid plans' batches have a queue of their
// own with the larger share (priority support); the rest of the quota is kept
// for interactive calls (Ask AI, replies) and the finalize step, paced by the
// shared Firestore bucket.
import { defineInt } from "firebase-functions/params";

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

/** Share of the analysis rate given to free plans' batches. */
export const FREE_SHARE = 0.25;
/** Default share of the project's AI quota kept for interactive calls and finalize steps. */
export const DEFAULT_INTERACTIVE_SHARE = 0.2;
/** Tokens one batch call costs (50 comments in and out), to turn a tokens-per-minute quota into a dispatch rate. */
export const TOKENS_PER_BATCH_CALL = 6_000;

export interface QuotaSettings {
  requestsPerMinute: number;
  /** 0: no tokens-per-minute limit configured. */
  tokensPerMinute: number;
  interactiveShare: number;
}

/** Dispatches per second for each batch queue, from the project's quota. */
export function batchDispatchRates(quota: QuotaSettings): Record<Priority, number> {
  const share = Math.min(0.9, Math.max(0, quota.interactiveShare));
  let perMinute = Math.max(1, quota.requestsPerMinute) * (1 - share);
  if (quota.tokensPerMinute > 0) perMinute = Math.min(perMinute, (quota.tokensPerMinute * (1 - share)) / TOKENS_PER_BATCH_CALL);
  const perSecond = perMinute / 60;
  const round = (n: number) => Math.max(0.01, Math.floor(n * 1000) / 1000);
  return { paid: round(perSecond * (1 - FREE_SHARE)), free: round(perSecond * FREE_SHARE) };
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 && process.env[name] !== "" ? value : fallback;
}

/**
 * Queue rates are deploy-time settings of Cloud Tasks, so they are computed
 * when the functions are loaded for deployment, from the same params
 * (AI_REQUESTS_PER_MINUTE, AI_TOKENS_PER_MINUTE, AI_INTERACTIVE_SHARE) that
 * the interactive bucket reads at run time.
 */
export function quotaFromEnv(): QuotaSettings {
  return {
    requestsPerMinute: envNumber("AI_REQUESTS_PER_MINUTE", 60),
    tokensPerMinute: envNumber("AI_TOKENS_PER_MINUTE", 0),
    interactiveShare: envNumber("AI_INTERACTIVE_SHARE", DEFAULT_INTERACTIVE_SHARE),
  };
}

export function retryConfig() {
  return {
    maxAttempts: ANALYSIS_TASK_MAX_ATTEMPTS,
    minBackoffSeconds: ANALYSIS_TASK_MIN_BACKOFF_SECONDS,
    maxBackoffSeconds: 300,
    maxDoublings: 5,
  };
}
