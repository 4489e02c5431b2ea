// Reading analyses and jobs on behalf of their owner.
import type { Firestore, Query } from "firebase-admin/firestore";
import { ownedDoc } from "../core/ownership";
import { toClient } from "../core/serialize";

export async function getAnalysis(
  db: Firestore,
  uid: string,
  analysisId: string,
  options: { includeComments: boolean; commentLimit: number; toxic?: boolean },
) {
  const snap = await ownedDoc(db.doc(`analyses/${analysisId}`), uid, "Analysis");
  const analysis = { id: snap.id, ...(toClient(snap.data()) as Record<string, unknown>) };
  if (!options.includeComments) return { analysis };
  const chunks = await snap.ref.collection("comments").orderBy("index").get();
  let comments = chunks.docs.flatMap((d) => d.get("comments") as Array<{ toxic?: boolean }>);
  // Analyses stored before the flag existed have no toxic comment.
  if (options.toxic !== undefined) comments = comments.filter((c) => (c.toxic === true) === options.toxic);
  comments = comments.slice(0, options.commentLimit);
  return { analysis, comments };
}

/** The owner's completed analyses, newest first, with an opaque cursor (the last analysis id). */
export async function getAnalysisHistory(db: Firestore, uid: string, limit: number, cursor?: string) {
  let query: Query = db
    .collection("analyses")
    .where("userId", "==", uid)
    .orderBy("completedAt", "desc")
    .select("videoId", "video", "options", "provider", "counts", "results.sentiment", "completedAt", "createdAt");
  if (cursor) {
    const after = await ownedDoc(db.doc(`analyses/${cursor}`), uid, "The cursor's analysis");
    query = query.startAfter(after);
  }
  const page = await query.limit(limit + 1).get();
  const docs = page.docs.slice(0, limit);
  return {
    analyses: docs.map((d) => ({ id: d.id, ...(toClient(d.data()) as Record<string, unknown>) })),
    nextCursor: page.docs.length > limit ? docs[docs.length - 1].id : null,
  };
}
