// Stage 2: one batch of comments, one AI call, its result written once.
// Runs as a Cloud Tasks task: a retryable failure is thrown back to the
// queue (which retries with backoff, within the queue's rate), the last
// attempt's failure fails the job and gives the quota back exactly once.
import type { Firestore } from "firebase-admin/firestore";
import { Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { AiProvider } from "../../ai/types";
import { readModifyWrite } from "../../core/readModifyWrite";
import { describeFailure } from "../failures";
import { finishUnsuccessfully } from "../jobLifecycle";
import { STEPS, type JobDoc } from "../jobDoc";
import type { AnalysisDispatcher } from "./dispatch";
import { holdForRetry, renewQueueLease } from "./queueLease";
import { BATCH_QUEUES } from "./queues";
import { isRetryable, RetryLater } from "./retryable";
import { discardStaging, readBatch, recordResultOnce, resultRef } from "./staging";

export interface TaskAttempt {
  /** 0 on the first delivery (Cloud Tasks' retryCount). */
  retryCount: number;
  maxAttempts: number;
}

export interface BatchDeps {
  db: Firestore;
  /** Built only when there is work: a task for a finished or cancelled job costs no client. */
  connect(): Promise<AiProvider>;
  dispatcher: AnalysisDispatcher;
  /** The clock of heartbeats and queue leases (tests simulate a long queue with it). */
  now?: () => Date;
}

/** Firestore operations of one batch task: job, result check, batch, progress read; result + job counter + progress. */
export const BATCH_TASK_READS = 4;
export const BATCH_TASK_WRITES = 3;

export type BatchOutcome = "analysed" | "duplicate" | "stopped" | "failed";


/** Ends a job whose owner cancelled while its batches were queued (idempotent, releases once). */
export async function stopIfCancelled(db: Firestore, jobId: string, job: JobDoc | undefined): Promise<boolean> {
  if (!job) return true;
  if (job.status === "processing" && !job.cancelRequested) return false;
  if (job.status === "processing") await finishUnsuccessfully(db, db.doc(`analysis_jobs/${jobId}`), { status: "cancelled" });
  await discardStaging(db, jobId).catch(() => undefined);
  return true;
}

export async function runBatchTask(deps: BatchDeps, data: { jobId: string; index: number }, attempt: TaskAttempt): Promise<BatchOutcome> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const started = Date.now();
  const { jobId, index } = data;
  const jobRef = db.doc(`analysis_jobs/${jobId}`);
  const job = (await jobRef.get()).data() as JobDoc | undefined;
  if (job?.fanout) await renewQueueLease(db, BATCH_QUEUES[job.fanout.priority], now());
  if (await stopIfCancelled(db, jobId, job)) return "stopped";
  if ((await resultRef(db, jobId, index).get()).exists) {
    await completeSetIfDone(deps, jobId);
    return "duplicate";
  }
  const batch = await readBatch(db, jobId, index);
  if (!batch) {
    logger.warn("analysis batch missing", { jobId, index });
    return "stopped";
  }

  let result;
  try {
    const ai = await deps.connect();
    const inputs = batch.comments.map((c, i) => ({ id: `c${batch.offset + i}`, text: c.text, author: c.author, likeCount: c.likeCount }));
    const video = job!.analysisVideo!;
    result = await ai.analyzeComments(inputs, { id: video.id, title: video.title, channelTitle: video.channelTitle, description: video.description });
  } catch (err) {
    const lastAttempt = attempt.retryCount + 1 >= attempt.maxAttempts;
    if (isRetryable(err) && !lastAttempt) {
      logger.info("analysis batch will be retried", { jobId, index, retryCount: attempt.retryCount, reason: describeFailure(err).code });
      await holdForRetry(db, jobId, now());
      throw new RetryLater("batch");
    }
    const error = describeFailure(err);
    logger.warn("analysis batch failed", { jobId, index, code: error.code, reason: error.message, retryCount: attempt.retryCount });
    await finishUnsuccessfully(db, jobRef, { status: "failed", error });
    await discardStaging(db, jobId).catch(() => undefined);
    return "failed";
  }

  const written = await recordResultOnce(db, {
    userId: batch.userId,
    jobId,
    index,
    analyses: result.value,
    usage: result.usage,
    attempts: attempt.retryCount + 1,
    invocationMs: Date.now() - started,
  }, now());
  if (!written) return "duplicate";
  await completeSetIfDone(deps, jobId);
  return "analysed";
}

/**
 * After a batch is counted: moves the progress forward (never backwards: the
 * write is guarded by the job's update time) and, when every batch is in,
 * enqueues the finalize task (named after the job, so two batches that both
 * see the set complete enqueue it once).
 */
async function completeSetIfDone(deps: BatchDeps, jobId: string): Promise<void> {
  const { db } = deps;
  const jobRef = db.doc(`analysis_jobs/${jobId}`);
  let finalizeQueue: string | undefined;
  const complete = await readModifyWrite(db, [jobRef], ([snap], writer) => {
    const job = snap.data() as JobDoc | undefined;
    finalizeQueue = job?.finalizeQueue;
    if (!job?.fanout || job.status !== "processing") return false;
    const span = STEPS.insights.progress - STEPS.analysing.progress;
    const next = Math.round((STEPS.analysing.progress + (span * job.fanout.done) / job.fanout.total) * 1000) / 1000;
    if (next > (job.progress ?? 0)) writer.update(jobRef, { progress: next, currentStep: STEPS.analysing.label, updatedAt: Timestamp.now() });
    return job.fanout.done >= job.fanout.total;
  }, { maxAttempts: 3 }).catch(() => undefined); // contended: another batch is moving the progress; its own check follows
  if (complete === undefined) {
    const job = (await jobRef.get()).data() as JobDoc | undefined;
    if (job?.fanout && job.status === "processing" && job.fanout.done >= job.fanout.total) await deps.dispatcher.enqueueFinalize(jobId, job.finalizeQueue);
    return;
  }
  if (complete) await deps.dispatcher.enqueueFinalize(jobId, finalizeQueue);
}
