// The alerts observer of the channel sync (sync/observers.ts): once per
// committed batch, each video the batch touched is evaluated from its rolling
// counts (channel_videos/{uid}_{videoId}, already including the batch) against
// the same counts without the batch.
import type { SyncCommittedBatch, SyncObserver } from "../domain/sync";
import { readSettings } from "../domain/settings";
import type { ShareCounts } from "./negativeShare";
import { evaluateVideoAlerts } from "./videoAlerts";

interface ChannelVideo {
  title?: string | null;
  sentiment?: Partial<Record<"positive" | "neutral" | "negative" | "mixed", number>>;
}

function countsOf(video: ChannelVideo | undefined): ShareCounts | null {
  const s = video?.sentiment;
  if (!s) return null;
  const total = (s.positive ?? 0) + (s.neutral ?? 0) + (s.negative ?? 0) + (s.mixed ?? 0);
  return total > 0 ? { total, negative: s.negative ?? 0 } : null;
}

/** The batch's own labelled comments on one video (spam-removed ones carry no label and count for nothing). */
function batchCounts(batch: SyncCommittedBatch, videoId: string): ShareCounts {
  const labelled = batch.comments.filter((c) => c.videoId === videoId && c.labels);
  return { total: labelled.length, negative: labelled.filter((c) => c.labels!.sentiment === "negative").length };
}

export const alertsOnSync: SyncObserver = async (batch, { db, now }) => {
  const profile = await db.collection("users").doc(batch.uid).get();
  const settings = readSettings(profile.get("settings"));
  for (const videoId of batch.videoIds) {
    const video = (await db.collection("channel_videos").doc(`${batch.uid}_${videoId}`).get()).data() as ChannelVideo | undefined;
    const after = countsOf(video);
    if (!after) continue;
    const added = batchCounts(batch, videoId);
    const beforeTotal = after.total - added.total;
    const before = beforeTotal > 0 ? { total: beforeTotal, negative: after.negative - added.negative } : null;
    await evaluateVideoAlerts(
      db,
      settings,
      { uid: batch.uid, videoId, title: video?.title ?? null, before, after, eventId: `${batch.runId}_${batch.batchIndex}`, via: "sync" },
      now,
    );
  }
};
