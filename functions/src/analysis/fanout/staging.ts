// The work the trigger hands to the batch tasks, kept under the job:
//   analysis_jobs/{jobId}/batches/{nnnn}  the comments of one AI call (sized by bytes)
//   analysis_jobs/{jobId}/results/{nnnn}  that call's answer, created once
// A result is created in the same commit that counts it on the job, so a
// redelivered task can neither write a second result nor count twice. Every
// document is tagged with its owner and job, so deletion and sweeps find it.
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { chunkByBytes } from "../../core/chunking";
import { commitInByteBatches } from "../../core/writeBatches";
import type { CommentAnalysis, TokenUsage } from "../../ai/types";
import { addUsage, noUsage } from "../../ai/tokenUsage";
import type { SourceComment } from "../commentRecords";

/** Bytes of comments per batch document: under Firestore's 1 MiB, whatever the comments' length. */
const BATCH_DOC_BYTES = 600_000;

export interface StagedBatch {
  userId: string;
  jobId: string;
  index: number;
  /** Position of the batch's first comment among all the job's comments (short ids are global: c{offset + i}). */
  offset: number;
  comments: SourceComment[];
}

export interface BatchResult {
  userId: string;
  jobId: string;
  index: number;
  analyses: CommentAnalysis[];
  usage: TokenUsage;
  /** Deliveries this batch took (1: first try). */
  attempts: number;
  invocationMs: number;
}

const pad = (index: number) => String(index).padStart(4, "0");
export const batchRef = (db: Firestore, jobId: string, index: number) => db.doc(`analysis_jobs/${jobId}/batches/${pad(index)}`);
export const resultRef = (db: Firestore, jobId: string, index: number) => db.doc(`analysis_jobs/${jobId}/results/${pad(index)}`);

/** Splits the comments into batches of at most `batchSize` and a byte budget, and writes them; resolves to the batch count. */
export async function stageBatches(
  db: Firestore,
  job: { userId: string; jobId: string },
  comments: readonly SourceComment[],
  batchSize: number,
): Promise<{ batches: number; writes: number }> {
  const groups = chunkByBytes(comments, { maxItems: Math.max(1, batchSize), maxBytes: BATCH_DOC_BYTES });
  let offset = 0;
  const writes = groups.map((group, index) => {
    const data: StagedBatch = { ...job, index, offset, comments: group };
    offset += group.length;
    return { ref: batchRef(db, job.jobId, index), data: data as unknown as Record<string, unknown> };
  });
  await commitInByteBatches(db, writes);
  return { batches: groups.length, writes: writes.length };
}

export async function readBatch(db: Firestore, jobId: string, index: number): Promise<StagedBatch | undefined> {
  return (await batchRef(db, jobId, index).get()).data() as StagedBatch | undefined;
}

const ALREADY_EXISTS = 6;

/**
 * Creates the batch's result and counts it on the job in one commit; false
 * when a result was already there (a redelivered task), in which case
 * nothing changed.
 */
export async function recordResultOnce(db: Firestore, result: BatchResult, now: Date): Promise<boolean> {
  const batch = db.batch();
  batch.create(resultRef(db, result.jobId, result.index), result);
  batch.update(db.doc(`analysis_jobs/${result.jobId}`), {
    "fanout.done": FieldValue.increment(1),
    heartbeatAt: Timestamp.fromDate(now),
  });
  try {
    await batch.commit();
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === ALREADY_EXISTS) return false;
    throw err;
  }
}

export interface StagedWork {
  comments: SourceComment[];
  analyses: CommentAnalysis[];
  usage: TokenUsage;
  retries: number;
  longestInvocationMs: number;
  results: number;
  /** Documents read to assemble it. */
  documents: number;
}

/** Everything the batches produced, comments in their original order. */
export async function readStagedWork(db: Firestore, jobId: string): Promise<StagedWork> {
  const [batches, results] = await Promise.all([
    db.collection(`analysis_jobs/${jobId}/batches`).get(),
    db.collection(`analysis_jobs/${jobId}/results`).get(),
  ]);
  const staged = batches.docs.map((d) => d.data() as StagedBatch).sort((a, b) => a.index - b.index);
  const work: StagedWork = {
    comments: staged.flatMap((b) => b.comments),
    analyses: [],
    usage: noUsage(),
    retries: 0,
    longestInvocationMs: 0,
    results: results.size,
    documents: batches.size + results.size,
  };
  for (const doc of results.docs) {
    const result = doc.data() as BatchResult;
    work.analyses.push(...result.analyses);
    work.usage = addUsage(work.usage, result.usage);
    work.retries += Math.max(0, result.attempts - 1);
    work.longestInvocationMs = Math.max(work.longestInvocationMs, result.invocationMs);
  }
  return work;
}

/** Removes the staged comments and results (commenters' text: kept no longer than the job needs them). */
export async function discardStaging(db: Firestore, jobId: string): Promise<void> {
  await Promise.all([
    db.recursiveDelete(db.collection(`analysis_jobs/${jobId}/batches`)),
    db.recursiveDelete(db.collection(`analysis_jobs/${jobId}/results`)),
  ]);
}
