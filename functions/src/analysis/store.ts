// Stores a finished analysis so that it becomes visible all at once: comment
// chunks first (unreadable to clients until their parent exists, see
// firestore.rules), then the analysis document and the job's `completed` in
// one atomic batch. A failure before that batch leaves no analysis behind.
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { readModifyWrite } from "../core/readModifyWrite";
import type { JobDoc } from "./jobDoc";
import type { StoredComment } from "./results";

/** Stay well under Firestore's 1 MiB document limit (UTF-8 bytes, plus field overhead). */
export const CHUNK_MAX_BYTES = 700_000;
export const CHUNK_MAX_COMMENTS = 500;
/** A commit carries at most 500 writes and ~10 MiB; keep chunk batches well inside both. */
const BATCH_MAX_BYTES = 6_000_000;

export function chunkComments(comments: StoredComment[]): StoredComment[][] {
  const chunks: StoredComment[][] = [];
  let current: StoredComment[] = [];
  let bytes = 0;
  for (const comment of comments) {
    const size = Buffer.byteLength(JSON.stringify(comment), "utf8") + 64;
    if (current.length && (bytes + size > CHUNK_MAX_BYTES || current.length >= CHUNK_MAX_COMMENTS)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(comment);
    bytes += size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

export type StoreOutcome = { stored: true; writes: number } | { stored: false; cancelled: true; writes: number };

/**
 * Writes the analysis. Returns `cancelled` (and writes nothing visible) when
 * the owner cancelled while the pipeline ran.
 */
export async function storeAnalysis(
  db: Firestore,
  jobRef: DocumentReference,
  analysisRef: DocumentReference,
  analysis: Record<string, unknown>,
  chunks: StoredComment[][],
  now: () => Date,
): Promise<StoreOutcome> {
  let writes = 0;
  let batch = db.batch();
  let inBatch = 0;
  let batchBytes = 0;
  for (const [index, chunk] of chunks.entries()) {
    const bytes = chunk.reduce((sum, c) => sum + c.text.length * 2 + 200, 0);
    if (inBatch && (inBatch >= 450 || batchBytes + bytes > BATCH_MAX_BYTES)) {
      await batch.commit();
      batch = db.batch();
      inBatch = 0;
      batchBytes = 0;
    }
    batch.set(analysisRef.collection("comments").doc(String(index).padStart(4, "0")), {
      index,
      count: chunk.length,
      comments: chunk,
    });
    inBatch += 1;
    batchBytes += bytes;
    writes += 1;
  }
  if (inBatch) await batch.commit();

  const finished = await readModifyWrite(db, [jobRef], ([jobSnap], writer) => {
    const job = jobSnap.data() as JobDoc | undefined;
    if (!job || job.status !== "processing" || job.cancelRequested) return false;
    const ts = Timestamp.fromDate(now());
    writer.write(analysisRef, { ...analysis, chunks: chunks.length, completedAt: ts });
    writer.update(jobRef, {
      status: "completed",
      analysisId: analysisRef.id,
      progress: 1,
      currentStep: "Done",
      updatedAt: ts,
      finishedAt: ts,
    });
    return true;
  });
  if (finished) return { stored: true, writes: writes + 2 };
  await deleteChunks(db, analysisRef);
  return { stored: false, cancelled: true, writes };
}

/** Removes comment chunks written for an analysis that never became visible. */
export async function deleteChunks(db: Firestore, analysisRef: DocumentReference): Promise<void> {
  await db.recursiveDelete(analysisRef.collection("comments"));
}
