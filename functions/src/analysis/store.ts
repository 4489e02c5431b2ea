// Stores a finished analysis so that it becomes visible all at once: comment
// chunks first (unreadable to clients until their parent exists, see
// firestore.rules), then the analysis document and the job's `completed` in
// one atomic batch. Chunks carry their owner and job, and any failure after
// they are written removes them unless the job completed with them, so no
// commenter's text is left behind where deletion could not find it.
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { chunkByBytes } from "../core/chunking";
import { readModifyWrite } from "../core/readModifyWrite";
import { commitInByteBatches } from "../core/writeBatches";
import { activeJobsRef, liveJobs, withoutJob } from "./activeJobs";
import type { JobDoc } from "./jobDoc";
import type { StoredComment } from "./commentRecords";

/** Comments per chunk document, besides the byte budget. */
export const CHUNK_MAX_COMMENTS = 500;

export function chunkComments(comments: StoredComment[]): StoredComment[][] {
  return chunkByBytes(comments, { maxItems: CHUNK_MAX_COMMENTS });
}

export interface ChunkTags {
  userId: string;
  jobId: string;
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
  tags: ChunkTags,
): Promise<boolean> {
  let finished = false;
  try {
    await commitInByteBatches(
      db,
      chunks.map((chunk, index) => ({
        ref: analysisRef.collection("comments").doc(String(index).padStart(4, "0")),
        data: { ...tags, index, count: chunk.length, comments: chunk },
      })),
    );
    const activeRef = activeJobsRef(db, tags.userId);
    finished = await readModifyWrite(db, [jobRef, activeRef], ([jobSnap, activeSnap], writer) => {
      const job = jobSnap.data() as JobDoc | undefined;
      if (!job || job.status !== "processing" || job.cancelRequested) return false;
      const ts = Timestamp.fromDate(now());
      if (activeSnap.exists) writer.write(activeRef, withoutJob(liveJobs(activeSnap, now()), jobSnap.id));
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
    return finished;
  } finally {
    if (!finished) await removeChunksUnlessCompleted(db, jobRef, analysisRef);
  }
}

/**
 * After a failed or refused final commit: the chunks go unless the job did
 * complete with this analysis (a commit that succeeded but answered with an
 * error). Best effort; the sweep finds what is left by its tags.
 */
export async function removeChunksUnlessCompleted(db: Firestore, jobRef: DocumentReference, analysisRef: DocumentReference): Promise<void> {
  try {
    const job = (await jobRef.get()).data() as JobDoc | undefined;
    if (job?.status === "completed" && job.analysisId === analysisRef.id) return;
    await deleteChunks(db, analysisRef);
  } catch (err) {
    logger.warn("could not remove the chunks of an unfinished analysis", { analysis: analysisRef.id, code: (err as { code?: unknown }).code });
  }
}

/** Removes comment chunks written for an analysis that never became visible. */
export async function deleteChunks(db: Firestore, analysisRef: DocumentReference): Promise<void> {
  await db.recursiveDelete(analysisRef.collection("comments"));
}
