// Handing analysis work to the task queues. Task payloads carry ids only
// (tasks are capped at 100 KB; the comments wait in Firestore), and every
// task has a name derived from the job, so enqueuing twice (a redelivered
// trigger, two batches both seeing the set complete) creates one task.
import { createHash } from "node:crypto";
import { logger } from "firebase-functions/logger";
import { z } from "zod";
import { BATCH_QUEUES, FINALIZE_QUEUE, type Priority } from "./queues";

export interface BatchTaskData {
  jobId: string;
  index: number;
}

export interface FinalizeTaskData {
  jobId: string;
}

/** What the task handlers accept: a task's data is checked again before it is run. */
export const batchTaskPayload = z.strictObject({ jobId: z.string().min(1).max(200), index: z.number().int().min(0).max(100_000) });
export const finalizeTaskPayload = z.strictObject({ jobId: z.string().min(1).max(200) });

export interface AnalysisDispatcher {
  enqueueBatches(jobId: string, indexes: readonly number[], priority: Priority): Promise<void>;
  /** `queue`: the job's own finalize queue (a sync's), else finalizeAnalysis. */
  enqueueFinalize(jobId: string, queue?: string): Promise<void>;
}

/** Cloud Tasks names allow [A-Za-z0-9_-]; a job id written by a client may hold anything else. */
function taskKey(jobId: string): string {
  return /^[A-Za-z0-9_-]{1,200}$/.test(jobId) ? jobId : createHash("sha256").update(jobId).digest("hex").slice(0, 40);
}

export const batchTaskId = (jobId: string, index: number) => `${taskKey(jobId)}-batch-${index}`;
export const finalizeTaskId = (jobId: string) => `${taskKey(jobId)}-finalize`;

function alreadyExists(err: unknown): boolean {
  return (err as { code?: string }).code === "functions/task-already-exists";
}

/** Enqueues into Cloud Tasks through the Admin SDK (the Cloud Tasks emulator when CLOUD_TASKS_EMULATOR_HOST is set). */
export async function cloudTasksDispatcher(): Promise<AnalysisDispatcher> {
  const { getFunctions } = await import("firebase-admin/functions");
  const functions = getFunctions();
  const enqueue = async (queue: string, data: BatchTaskData | FinalizeTaskData, id: string) => {
    try {
      await functions.taskQueue<BatchTaskData | FinalizeTaskData>(queue).enqueue(data, { id });
    } catch (err) {
      if (alreadyExists(err)) return; // enqueued before: one task, as intended
      throw err;
    }
  };
  return {
    async enqueueBatches(jobId, indexes, priority) {
      const queue = BATCH_QUEUES[priority];
      // A few at a time: thousands of concurrent enqueue requests would only queue up in the client.
      for (let start = 0; start < indexes.length; start += 25) {
        await Promise.all(indexes.slice(start, start + 25).map((index) => enqueue(queue, { jobId, index }, batchTaskId(jobId, index))));
      }
      logger.info("analysis batches enqueued", { jobId, batches: indexes.length, queue });
    },
    async enqueueFinalize(jobId, queue = FINALIZE_QUEUE) {
      await enqueue(queue, { jobId }, finalizeTaskId(jobId));
    },
  };
}
