// One sync of one watched source (a task of the syncSource queue): list the
// newest comments down to the source's high-water mark, keep every page as it
// is paid for, filter spam, and hand the kept comments to the analysis' own
// batch tasks through a job of kind "sync" (analysis_jobs/{runId}); the job's
// finalize is sync/finalize.ts. The run id is the source and the window, so a
// redelivered or duplicated task finds its run and adds nothing twice; a run
// that failed midway resumes from its last kept page.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import type { UnitMeter } from "../core/budgets/unitMeter";
import { chunkByBytes } from "../core/chunking";
import { commitInByteBatches } from "../core/writeBatches";
import { planOf } from "../domain/plans";
import type { AnalysisDispatcher } from "../analysis/fanout/dispatch";
import { stageBatches } from "../analysis/fanout/staging";
import type { SourceComment } from "../analysis/commentRecords";
import { filterComments } from "../youtube/quality/filter";
import { listNewest, type ListedComment } from "../youtube/newest";
import type { YouTubeService } from "../youtube/service";
import { inlineOwnerReply } from "../youtube/threads";
import { reserveInTransaction, syncUsageRef, allowanceLeft } from "./allowance";
import { watchedRef, type WatchedSource } from "./sources";

/** The finalize queue of sync and refresh jobs (sync/functions.ts). */
export const SYNC_FINALIZE_QUEUE = "finalizeSync";

export interface SyncTaskData {
  uid: string;
  sourceId: string;
  /** The schedule window (yyyymmddhh or yyyymmdd): one run per source and window. */
  window: string;
}

export interface SyncDeps {
  db: Firestore;
  youtube(): Promise<YouTubeService>;
  /** The meter every listing unit is booked on (the project's YouTube budget in production). */
  meter(uid: string, plan: string): UnitMeter;
  dispatcher: AnalysisDispatcher;
  batchSize: number;
  now?: () => Date;
}

export type SyncRunStatus = "listing" | "analysing" | "completed" | "failed";

export interface SyncRun {
  userId: string;
  sourceId: string;
  kind: "sync" | "refresh";
  status: SyncRunStatus;
  pages: number;
  nextPageToken: string | null;
  youtubeUnits: number;
  newComments: number;
  spamRemoved: number;
  /** Comments reserved from the monthly allowance, and the month they count in. */
  reserved: number;
  month: string;
  startedAt: Timestamp;
  completedAt?: Timestamp;
  aiCalls?: number;
}

export type SyncOutcome = { status: "queued"; comments: number; batches: number; units: number } | { status: "duplicate" | "skipped"; reason: string };

export const runIdOf = (uid: string, sourceId: string, window: string) => `${uid}_${sourceId}_${window}`;
export const runRef = (db: Firestore, runId: string) => db.doc(`sync_runs/${runId}`);
const pad = (n: number) => String(n).padStart(4, "0");
export const pageRef = (db: Firestore, runId: string, page: number) => db.doc(`sync_runs/${runId}/pages/${pad(page)}`);

/** Kept comments of one video with the filter's scores; removed ones with their reason. */
function filterByVideo(comments: ListedComment[], channelId: string | null) {
  const byVideo = new Map<string, ListedComment[]>();
  for (const c of comments) byVideo.set(c.videoId, [...(byVideo.get(c.videoId) ?? []), c]);
  const kept: Array<SourceComment & { videoId: string }> = [];
  const removed: Array<{ id: string; reason: string }> = [];
  for (const [videoId, list] of byVideo) {
    const result = filterComments(list, { videoId, ...(channelId ? { channelId } : {}) });
    const raw = new Map(list.map((c) => [c.id, c]));
    for (const c of result.kept) kept.push({ ...c, ...inlineOwnerReply(raw.get(c.id)!), videoId });
    for (const r of result.removed) removed.push({ id: r.comment.id, reason: r.reason });
  }
  return { kept, removed };
}

/** Reads every page a run kept (this attempt's and earlier ones'). */
export async function readPages(db: Firestore, runId: string): Promise<ListedComment[]> {
  const snap = await db.collection(`sync_runs/${runId}/pages`).get();
  return snap.docs.flatMap((d) => d.get("comments") as ListedComment[]);
}

export async function runSyncTask(deps: SyncDeps, data: SyncTaskData): Promise<SyncOutcome> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const sourceSnap = await watchedRef(db, data.uid, data.sourceId).get();
  const source = sourceSnap.data() as WatchedSource | undefined;
  if (!source || source.status !== "active") return { status: "skipped", reason: "not watched" };
  const runId = runIdOf(data.uid, data.sourceId, data.window);
  const ref = runRef(db, runId);

  // Claim the run, or find it: a run past listing was handed on already (a redelivery adds nothing).
  const run = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.exists) return snap.data() as SyncRun;
    const fresh: SyncRun = {
      userId: data.uid,
      sourceId: data.sourceId,
      kind: "sync",
      status: "listing",
      pages: 0,
      nextPageToken: null,
      youtubeUnits: 0,
      newComments: 0,
      spamRemoved: 0,
      reserved: 0,
      month: now.toISOString().slice(0, 7),
      startedAt: Timestamp.fromDate(now),
    };
    tx.create(ref, fresh);
    return fresh;
  });
  if (run.status !== "listing") return { status: "duplicate", reason: `run ${run.status}` };

  const plan = planOf((await db.doc(`users/${data.uid}`).get()).get("plan"));
  const left = await allowanceLeft(db, data.uid, now);
  const meter = deps.meter(data.uid, plan.id);
  const target = source.kind === "channel" ? { channelId: source.channelId! } : { videoId: source.videoId! };
  const youtube = await deps.youtube();
  // Resuming: the pages kept by an earlier attempt are not read again (the listing continues at their token).
  const resume = run.pages > 0 && run.nextPageToken ? { pageToken: run.nextPageToken, pagesBefore: run.pages } : {};
  if (run.pages === 0 || run.nextPageToken) {
    const before = meter.units;
    await listNewest(youtube, target, source.highWater, {
      meter,
      ...resume,
      maxComments: left.remaining,
      onPage: async (page) => {
        const batch = db.batch();
        batch.set(pageRef(db, runId, page.page), { userId: data.uid, comments: page.comments });
        batch.update(ref, { pages: page.page, nextPageToken: page.nextPageToken, youtubeUnits: run.youtubeUnits + meter.units - before });
        await batch.commit();
      },
    });
  }

  const listed = await readPages(db, runId);
  const { kept, removed } = filterByVideo(listed, source.channelId);
  kept.sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
  // The removed comments' reasons, kept beside the pages for the finalize (and the spam observers).
  const spamWrites = chunkByBytes(removed, { maxItems: 500, maxBytes: 200_000 }).map((group, i) => ({
    ref: db.doc(`sync_runs/${runId}/spam/${pad(i)}`),
    data: { userId: data.uid, removed: group },
  }));
  await commitInByteBatches(db, spamWrites);
  const staged = await stageBatches(db, { userId: data.uid, jobId: runId }, kept, deps.batchSize);
  const priority = plan.id === "free" ? "free" : "paid";

  // The job (kind sync, already processing: the analysis trigger leaves it alone) and the allowance, in one commit.
  const jobRef = db.doc(`analysis_jobs/${runId}`);
  const created = await db.runTransaction(async (tx) => {
    const [jobSnap, usageSnap] = await Promise.all([tx.get(jobRef), tx.get(syncUsageRef(db, data.uid))]);
    if (jobSnap.exists) return false;
    const ts = Timestamp.fromDate(now);
    tx.create(jobRef, {
      userId: data.uid,
      kind: "sync",
      finalizeQueue: SYNC_FINALIZE_QUEUE,
      input: { sourceId: data.sourceId },
      status: "processing",
      plan: plan.id,
      priority,
      fanout: { total: staged.batches, done: 0, priority },
      analysisVideo: {
        id: source.videoId ?? source.channelId ?? data.sourceId,
        title: source.title,
        channelId: source.channelId ?? "",
        channelTitle: source.title,
        description: "",
        publishedAt: "",
        thumbnail: null,
        durationSeconds: 0,
        viewCount: 0,
        likeCount: 0,
        commentCount: 0,
      },
      counts: { fetched: listed.length, spamRemoved: removed.length, removedByReason: {}, lowValue: 0 },
      createdAt: ts,
      claimedAt: ts,
      heartbeatAt: ts,
      progress: 0.25,
      currentStep: "Analysing new comments",
    });
    reserveInTransaction(tx, db, data.uid, usageSnap, kept.length, now);
    tx.update(ref, { status: "analysing", newComments: listed.length, spamRemoved: removed.length, reserved: kept.length });
    return true;
  });
  if (!created) return { status: "duplicate", reason: "job exists" };
  if (staged.batches > 0) await deps.dispatcher.enqueueBatches(runId, Array.from({ length: staged.batches }, (_, i) => i), priority);
  else await deps.dispatcher.enqueueFinalize(runId, SYNC_FINALIZE_QUEUE);
  logger.info("sync listed", { runId, comments: listed.length, kept: kept.length, batches: staged.batches, units: meter.units });
  return { status: "queued", comments: listed.length, batches: staged.batches, units: meter.units };
}
