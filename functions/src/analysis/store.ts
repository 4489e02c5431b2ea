// Stores a finished analysis so that it becomes visible all at once: comment
// chunks first (unreadable to clients until their parent exists, see
// firestore.rules), then the analysis document and the job's `completed` in
// one atomic batch. A failure before that batch leaves no analysis behind.
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { CHUNKS_PER_BATCH, chunkByBytes } from "../core/chunking";
import { readModifyWrite } from "../core/readModifyWrite";
import type { JobDoc } from "./jobDoc";
import type { StoredComment } from "./results";

/** Comments per chunk document, besides the byte budget. */
export const CHUNK_MAX_COMMENTS = 500;

export function chunkComments(comments: StoredComment[]): StoredComment[][] {
  return chunkByBytes(comments, { maxItems: CHUNK_MAX_COMMENTS });
}

/**
 * Writes the analysis; false (and nothing visible written) when the job
 * stopped being this run's meanwhile (the owner cancelled, or the sweep failed it).
 */
export async function storeAnalysis(
  db: Firestore,
  jobRef: DocumentReference,
  analysisRef: DocumentReference,
  analysis: Record<string, unknown>,
  chunks: StoredComment[][],
  now: () => Date,
): Promise<boolean> {
  try {
    for (let start = 0; start < chunks.length; start += CHUNKS_PER_BATCH) {
      const batch = db.batch();
      chunks.slice(start, start + CHUNKS_PER_BATCH).forEach((chunk, offset) => {
        const index = start + offset;
        batch.set(analysisRef.collection("comments").doc(String(index).padStart(4, "0")), { index, count: chunk.length, comments: chunk });
      });
      await batch.commit();
    }
  } catch (err) {
    await deleteChunks(db, analysisRef).catch(() => undefined); // best effort: they are invisible anyway
    throw err;
  }

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
  if (!finished) await deleteChunks(db, analysisRef);
  return finished;
}

/** Removes comment chunks written for an analysis that never became visible. */
export async function deleteChunks(db: Firestore, analysisRef: DocumentReference): Promise<void> {
  await db.recursiveDelete(analysisRef.collection("comments"));
}
