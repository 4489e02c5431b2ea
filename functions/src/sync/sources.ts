// Watched sources: users/{uid}/watched/{sourceId} (docs/channel.md). A creator
// watches their connected channel (every video) or public videos by id,
// within their plan's `sync` allowance (domain/plans.ts).
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { failedPrecondition } from "../core/errors";
import { planOf, type Plan } from "../domain/plans";
import type { SourceKind } from "../domain/sync";
import type { HighWaterMark } from "../youtube/newest";
import { allowanceLeft } from "./allowance";

export interface WatchedSource {
  userId: string;
  kind: SourceKind;
  channelId: string | null;
  videoId: string | null;
  title: string;
  cadence: "daily" | "hourly";
  status: "active" | "paused";
  createdAt: Timestamp;
  nextSyncAt: Timestamp;
  lastSyncAt: Timestamp | null;
  lastRunId: string | null;
  highWater: HighWaterMark | null;
  totals: { comments: number; runs: number };
}

export const sourceIdOf = (kind: SourceKind, id: string) => `${kind}_${id}`;
export const watchedRef = (db: Firestore, uid: string, sourceId: string) => db.doc(`users/${uid}/watched/${sourceId}`);

async function planFor(db: Firestore, uid: string): Promise<Plan> {
  return planOf((await db.doc(`users/${uid}`).get()).get("plan"));
}

function notInPlan(plan: Plan, what: string): HttpsError {
  return new HttpsError("resource-exhausted", `The ${plan.name} plan ${what}. Upgrade your plan to watch more.`, {
    error: "quota_exceeded",
    usage_type: "watched_sources",
    upgrade_required: true,
  });
}

/** Starts watching; the first sync is due at once. Watching a source again changes nothing. */
async function watch(db: Firestore, uid: string, kind: SourceKind, id: string, title: string, channelId: string | null, now: Date): Promise<WatchedSource & { sourceId: string }> {
  const plan = await planFor(db, uid);
  const sync = plan.sync;
  if (!sync.cadence) throw notInPlan(plan, "does not include watching channels or videos");
  const sourceId = sourceIdOf(kind, id);
  const ref = watchedRef(db, uid, sourceId);
  return db.runTransaction(async (tx) => {
    const existing = await tx.get(ref);
    if (existing.exists) return { ...(existing.data() as WatchedSource), sourceId };
    const all = await tx.get(db.collection(`users/${uid}/watched`));
    const channels = all.docs.filter((d) => d.get("kind") === "channel").length;
    const videos = all.docs.filter((d) => d.get("kind") === "video").length;
    if (kind === "channel" && channels >= sync.channels) throw notInPlan(plan, `watches at most ${sync.channels} channel`);
    if (kind === "video" && videos >= sync.videos) throw notInPlan(plan, `watches at most ${sync.videos} videos`);
    if (sync.channelOrVideos && ((kind === "channel" && videos > 0) || (kind === "video" && channels > 0))) {
      throw notInPlan(plan, `watches either ${sync.channels} channel or up to ${sync.videos} videos`);
    }
    const source: WatchedSource = {
      userId: uid,
      kind,
      channelId,
      videoId: kind === "video" ? id : null,
      title,
      cadence: sync.cadence!,
      status: "active",
      createdAt: Timestamp.fromDate(now),
      nextSyncAt: Timestamp.fromDate(now),
      lastSyncAt: null,
      lastRunId: null,
      highWater: null,
      totals: { comments: 0, runs: 0 },
    };
    tx.create(ref, source);
    return { ...source, sourceId };
  });
}

/** The connected channel (users/{uid}.youtubeChannel), every video of it. */
export async function watchChannel(db: Firestore, uid: string, now = new Date()) {
  const channel = (await db.doc(`users/${uid}`).get()).get("youtubeChannel") as { id?: string; title?: string } | undefined;
  if (!channel?.id) throw failedPrecondition("Connect your YouTube channel first (connectYouTubeChannel), then watch it.", { reason: "no_channel" });
  return watch(db, uid, "channel", channel.id, channel.title ?? channel.id, channel.id, now);
}

/** A public video by id (its title and channel are read on its first sync). */
export function watchVideo(db: Firestore, uid: string, videoId: string, now = new Date()) {
  return watch(db, uid, "video", videoId, videoId, null, now);
}

export async function unwatch(db: Firestore, uid: string, sourceId: string): Promise<{ sourceId: string; removed: boolean }> {
  const ref = watchedRef(db, uid, sourceId);
  const removed = (await ref.get()).exists;
  if (removed) await ref.delete();
  return { sourceId, removed };
}

export function sourceView(sourceId: string, s: WatchedSource) {
  return {
    sourceId,
    kind: s.kind,
    channelId: s.channelId,
    videoId: s.videoId,
    title: s.title,
    cadence: s.cadence,
    status: s.status,
    createdAt: s.createdAt.toDate().toISOString(),
    nextSyncAt: s.nextSyncAt.toDate().toISOString(),
    lastSyncAt: s.lastSyncAt ? s.lastSyncAt.toDate().toISOString() : null,
    newestCommentAt: s.highWater?.publishedAt ?? null,
    totals: s.totals,
  };
}

export async function getWatched(db: Firestore, uid: string, now = new Date()) {
  const [plan, snap, left] = await Promise.all([planFor(db, uid), db.collection(`users/${uid}/watched`).limit(100).get(), allowanceLeft(db, uid, now)]);
  return {
    sources: snap.docs.map((d) => sourceView(d.id, d.data() as WatchedSource)),
    limits: {
      channels: plan.sync.channels,
      videos: plan.sync.videos,
      cadence: plan.sync.cadence,
      syncedComments: { used: left.used, limit: left.limit, remaining: left.remaining },
    },
  };
}

/** Counters on the source after a completed run. */
export function afterRun(mark: HighWaterMark | null, runId: string, comments: number, now: Date) {
  return {
    highWater: mark,
    lastSyncAt: Timestamp.fromDate(now),
    lastRunId: runId,
    "totals.comments": FieldValue.increment(comments),
    "totals.runs": FieldValue.increment(1),
  };
}
