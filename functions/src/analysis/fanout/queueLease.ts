// Liveness of a fan-out that waits in its queue. The queues pace on purpose
// (fanout/queues.ts), so a job's tasks may wait behind other jobs' for longer
// than any heartbeat interval; what says such a job is alive is that its
// queue is moving. Every dispatched task renews its queue's lease
// (analysis_queues/{queue}.dispatchedAt, at most every RENEW_EVERY_MS per
// instance), and a task that hands itself back to the queue for a retry holds
// its job for the queue's longest backoff (`retryHeldUntil`). The sweep
// (stuckJobs.ts) reads both.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import type { FanoutState } from "../jobDoc";
import { BATCH_QUEUES, FINALIZE_QUEUE, MAX_BACKOFF_SECONDS } from "./queues";

/** A queue's lease is renewed at most this often by one instance: the sweep's cutoff is minutes. */
const RENEW_EVERY_MS = 10_000;
/** How long a task handed back to the queue holds its job: the longest backoff, and a minute of dispatch slack. */
export const RETRY_HOLD_MS = (MAX_BACKOFF_SECONDS + 60) * 1000;

export const queueLeaseRef = (db: Firestore, queue: string) => db.doc(`analysis_queues/${queue}`);

/** The queue a job's outstanding tasks wait in: its batch queue until every batch is in, then its finalize queue. */
export function waitingQueue(fanout: FanoutState, finalizeQueue = FINALIZE_QUEUE): string {
  return fanout.done < fanout.total ? BATCH_QUEUES[fanout.priority] : finalizeQueue;
}

const renewed = new Map<string, number>();

/** Called by every dispatched task: its queue is moving. Never fails the task. */
export async function renewQueueLease(db: Firestore, queue: string, now: Date): Promise<void> {
  const at = now.getTime();
  const last = renewed.get(queue);
  if (last !== undefined && at >= last && at - last < RENEW_EVERY_MS) return;
  renewed.set(queue, at);
  await queueLeaseRef(db, queue)
    .set({ queue, dispatchedAt: Timestamp.fromDate(now) })
    .catch(() => renewed.delete(queue));
}

/** The last dispatch of each queue the sweep asks about. */
export async function queueDispatches(db: Firestore, queues: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(queues)];
  const out = new Map<string, number>();
  if (unique.length === 0) return out;
  const snaps = await db.getAll(...unique.map((q) => queueLeaseRef(db, q)));
  snaps.forEach((snap, i) => {
    const at = snap.get("dispatchedAt") as Timestamp | undefined;
    if (at) out.set(unique[i], at.toMillis());
  });
  return out;
}

/** Written by a task that throws itself back to the queue: the job is alive until its next delivery is due. */
export async function holdForRetry(db: Firestore, jobId: string, now: Date): Promise<void> {
  await db
    .doc(`analysis_jobs/${jobId}`)
    .update({ retryHeldUntil: Timestamp.fromMillis(now.getTime() + RETRY_HOLD_MS) })
    .catch(() => undefined);
}
