// Alerts after an analysis is stored: the video's counts against the same
// user's previous analysis of that video (a refresh is a new analysis too).
import type { Firestore, Timestamp } from "firebase-admin/firestore";
import { readSettings } from "../domain/settings";
import type { ShareCounts } from "./negativeShare";
import { evaluateVideoAlerts } from "./videoAlerts";

interface StoredAnalysis {
  userId?: string;
  videoId?: string;
  video?: { title?: string };
  completedAt?: Timestamp;
  results?: { sentiment?: { total?: number; counts?: Record<string, number> } };
}

function countsOf(stored: unknown): ShareCounts | null {
  const sentiment = (stored as StoredAnalysis | undefined)?.results?.sentiment;
  if (!sentiment?.total) return null;
  return { total: sentiment.total, negative: sentiment.counts?.negative ?? 0 };
}

export async function alertsAfterAnalysis(db: Firestore, analysisId: string, now: Date) {
  const snap = await db.collection("analyses").doc(analysisId).get();
  const analysis = snap.data() as StoredAnalysis | undefined;
  const after = countsOf(analysis);
  if (!analysis?.userId || !analysis.videoId || !after) return null;
  // The newest earlier analysis of the video (index: userId, videoId, completedAt desc).
  const earlier = await db
    .collection("analyses")
    .where("userId", "==", analysis.userId)
    .where("videoId", "==", analysis.videoId)
    .orderBy("completedAt", "desc")
    .limit(5)
    .get();
  const previous = earlier.docs.find((d) => d.id !== analysisId && (!analysis.completedAt || (d.get("completedAt") as Timestamp).toMillis() <= analysis.completedAt.toMillis()));
  const profile = await db.collection("users").doc(analysis.userId).get();
  return evaluateVideoAlerts(
    db,
    readSettings(profile.get("settings")),
    {
      uid: analysis.userId,
      videoId: analysis.videoId,
      title: analysis.video?.title ?? null,
      before: countsOf(previous?.data()),
      after,
      eventId: analysisId,
      via: "analysis",
      analysisId,
    },
    now,
  );
}
