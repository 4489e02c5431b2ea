// Failing the analysis jobs that stopped (sweepStuckAnalyses in functions.ts),
// and only those. A `processing` job is alive while something will still move it:
//   - its own heartbeat is recent (every stage and every finished batch beats);
//   - a task of it handed itself back to the queue for a retry (`retryHeldUntil`);
//   - its tasks are enqueued and outstanding, and the queue they wait in has
//     dispatched within the stall cutoff: a fan-out behind other jobs on its
//     paced queue is waiting, not stuck (fanout/queueLease.ts).
// A job without tasks (the ingest still fetching, or a trigger that died before
// enqueuing them) is alive for as long as the trigger may run. Anything else
// stopped: it fails with its quota released exactly once (finishUnsuccessfully
// is idempotent) and its staged comments removed. Jobs still `pending` past the
// trigger's timeout were never claimed: they fail too, nothing charged.
import { Timestamp, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { discardStaging } from "./fanout/staging";
import { queueDispatches, waitingQueue } from "./fanout/queueLease";
import { finishUnsuccessfully } from "./jobLifecycle";
import type { JobDoc } from "./jobDoc";
import { ANALYSIS_TIMEOUT_SECONDS } from "./limits";

/** How long the ingest of a job may go silent: the trigger's timeout and a minute. */
export const INGEST_SILENCE_MS = (ANALYSIS_TIMEOUT_SECONDS + 60) * 1000;

export interface SweepOptions {
  /** ANALYSIS_STALL_SECONDS in ms. */
  stallMs: number;
}

export interface SweepResult {
  examined: number;
  failed: number;
  /** Silent jobs kept because their queue is moving or a retry holds them. */
  waiting: number;
}

const PAGE = 300;
const MAX_PAGES = 20;

/** Why a silent job is still alive, or null when it stopped. */
export function aliveBecause(job: JobDoc, now: number, stallMs: number, dispatches: ReadonlyMap<string, number>): "heartbeat" | "retry" | "queue" | null {
  const beat = job.heartbeatAt?.toMillis() ?? job.claimedAt?.toMillis() ?? 0;
  if ((job.retryHeldUntil?.toMillis() ?? 0) > now) return "retry";
  const fanout = job.fanout;
  const tasksExist = fanout !== undefined && (fanout.enqueuedAt !== undefined || fanout.done > 0);
  if (!tasksExist) return now - beat <= INGEST_SILENCE_MS ? "heartbeat" : null;
  if (now - beat <= stallMs) return "heartbeat";
  const dispatched = dispatches.get(waitingQueue(fanout, job.finalizeQueue));
  return dispatched !== undefined && now - dispatched <= stallMs ? "queue" : null;
}

async function silentProcessingJobs(firestore: Firestore, cutoff: Timestamp): Promise<QueryDocumentSnapshot[]> {
  const out: QueryDocumentSnapshot[] = [];
  let last: QueryDocumentSnapshot | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    let query = firestore.collection("analysis_jobs").where("status", "==", "processing").where("heartbeatAt", "<", cutoff).orderBy("heartbeatAt").limit(PAGE);
    if (last) query = query.startAfter(last);
    const snap = await query.get();
    out.push(...snap.docs);
    if (snap.size < PAGE) break;
    last = snap.docs[snap.docs.length - 1];
  }
  return out;
}

export async function failStuckJobs(firestore: Firestore, now: Date, options: SweepOptions): Promise<SweepResult> {
  const at = now.getTime();
  const silent = await silentProcessingJobs(firestore, Timestamp.fromMillis(at - Math.min(options.stallMs, INGEST_SILENCE_MS)));
  const jobs = silent.map((doc) => ({ doc, job: doc.data() as JobDoc }));
  const dispatches = await queueDispatches(
    firestore,
    jobs.flatMap(({ job }) => (job.fanout ? [waitingQueue(job.fanout, job.finalizeQueue)] : [])),
  );
  let failed = 0;
  let waiting = 0;
  const ended: string[] = [];
  for (const { doc, job } of jobs) {
    if (aliveBecause(job, at, options.stallMs, dispatches)) {
      waiting += 1;
      continue;
    }
    const done = await finishUnsuccessfully(
      firestore,
      doc.ref,
      {
        status: "failed",
        error: { code: "deadline-exceeded", message: "The analysis stopped responding and was ended. Your quota was given back; please try again." },
      },
      now,
    );
    if (done) failed += 1;
    ended.push(doc.id);
  }
  const neverClaimed = Timestamp.fromMillis(at - INGEST_SILENCE_MS);
  const pending = await firestore.collection("analysis_jobs").where("status", "==", "pending").where("createdAt", "<", neverClaimed).limit(500).get();
  for (const doc of pending.docs) {
    const done = await finishUnsuccessfully(
      firestore,
      doc.ref,
      { status: "failed", error: { code: "deadline-exceeded", message: "The analysis never started. Nothing was charged; please try again." } },
      now,
    );
    if (done) failed += 1;
    ended.push(doc.id);
  }
  for (const id of ended) await discardStaging(firestore, id).catch(() => undefined);
  return { examined: jobs.length + pending.size, failed, waiting };
}
