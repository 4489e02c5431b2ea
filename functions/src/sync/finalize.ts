// The finalize of a sync job (queue finalizeSync), enqueued by the analysis
// batch that completed the set: joins the new comments with their labels and
// commits them in groups, each group with every aggregate it moves and a
// marker created in the same commit (sync_runs/{runId}/commits/{n}), so a
// redelivered finalize counts nothing twice. After each group's commit the
// observers (rules, alerts, spam) run once for it (observers.ts). Then the
// source's high-water mark moves and the run and job complete.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { joinAnalyses, type StoredComment } from "../analysis/commentRecords";
import type { JobDoc } from "../analysis/jobDoc";
import { discardStaging, readStagedWork } from "../analysis/fanout/staging";
import type { SyncedComment } from "../domain/sync";
import { advanceMark, type ListedComment } from "../youtube/newest";
import { authorKeyOf, channelKeyOf, commenterRef, isOpenQuestion, videoAggRef, writeGroup } from "./aggregates";
import { notifyObservers, type ObserverReport } from "./observers";
import { readPages, runRef, type SyncRun } from "./run";
import { afterRun, watchedRef, type WatchedSource } from "./sources";
import type { NamedSyncObserver } from "../domain/sync";

/** Comments per commit: with their questions, commenters and the aggregates, under Firestore's 500 writes. */
export const GROUP_SIZE = 100;

export interface SyncFinalizeDeps {
  db: Firestore;
  now?: () => Date;
  observers?: readonly NamedSyncObserver[];
}

export type SyncFinalizeOutcome = { status: "completed"; comments: number; groups: number; observers: ObserverReport[] } | { status: "stopped" | "waiting" };

const ALREADY_EXISTS = 6;

function toSynced(c: ListedComment, stored: StoredComment | undefined, spamReason: string | null, ctx: { uid: string; sourceId: string; runId: string }): SyncedComment {
  return {
    commentId: c.id,
    uid: ctx.uid,
    sourceId: ctx.sourceId,
    channelId: c.channelId,
    videoId: c.videoId,
    parentId: null,
    text: c.text,
    authorName: c.author,
    authorChannelId: c.authorChannelId ?? null,
    publishedAt: c.publishedAt,
    likeCount: c.likeCount,
    replyCount: c.replyCount,
    byOwner: stored?.byOwner === true,
    answeredByOwner: stored?.answeredByOwner === true || Boolean(c.ownerRepliedAt),
    spamReason,
    language: null,
    labels: stored
      ? {
          sentiment: stored.sentiment,
          score: stored.score,
          category: stored.category,
          toxic: stored.toxic === true,
          isQuestion: stored.category === "question",
          blocked: stored.blocked === true,
        }
      : null,
    runId: ctx.runId,
  };
}

export async function runSyncFinalize(deps: SyncFinalizeDeps, jobId: string): Promise<SyncFinalizeOutcome> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const jobRef = db.doc(`analysis_jobs/${jobId}`);
  const job = (await jobRef.get()).data() as (JobDoc & { input: { sourceId: string } }) | undefined;
  if (!job || job.status !== "processing" || job.kind !== "sync") return { status: "stopped" };
  if (!job.fanout || job.fanout.done < job.fanout.total) return { status: "waiting" };
  const run = (await runRef(db, jobId).get()).data() as SyncRun | undefined;
  if (!run) return { status: "stopped" };
  const uid = job.userId;
  const sourceId = run.sourceId;
  const sourceSnap = await watchedRef(db, uid, sourceId).get();
  const source = sourceSnap.data() as WatchedSource | undefined;

  const [work, listed, spamSnap] = await Promise.all([readStagedWork(db, jobId), readPages(db, jobId), db.collection(`sync_runs/${jobId}/spam`).get()]);
  const { stored } = joinAnalyses(work.comments, work.analyses);
  const byId = new Map(stored.map((s) => [s.id, s]));
  const spam = new Map(spamSnap.docs.flatMap((d) => (d.get("removed") as Array<{ id: string; reason: string }>).map((r) => [r.id, r.reason] as const)));
  const ctx = { uid, sourceId, runId: jobId };
  const synced = listed
    .filter((c) => byId.has(c.id) || spam.has(c.id))
    .map((c) => toSynced(c, byId.get(c.id), spam.get(c.id) ?? null, ctx))
    .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
  const channelId = source?.channelId ?? synced.find((c) => c.channelId)?.channelId ?? null;
  const channelKey = channelKeyOf(channelId);
  const titles: Record<string, string> = source?.kind === "video" && source.videoId ? { [source.videoId]: source.title } : {};

  // Per video, before this run: for the overview's "what changed".
  const videoIds = [...new Set(synced.map((c) => c.videoId))];
  const before = new Map((videoIds.length ? await db.getAll(...videoIds.map((v) => videoAggRef(db, uid, v))) : []).map((s) => [s.id, s.data()]));

  const reports: ObserverReport[] = [];
  const groups = Math.ceil(synced.length / GROUP_SIZE);
  for (let i = 0; i < groups; i++) {
    const comments = synced.slice(i * GROUP_SIZE, (i + 1) * GROUP_SIZE);
    const authors = [...new Set(comments.map(authorKeyOf))];
    const existing = await db.getAll(...authors.map((a) => commenterRef(db, uid, channelKey, a)));
    const firstSeen = new Map(existing.filter((s) => s.exists).map((s) => [s.get("authorKey") as string, s.get("firstSeen") as string]));
    const batch = db.batch();
    batch.create(db.doc(`sync_runs/${jobId}/commits/${String(i).padStart(4, "0")}`), { userId: uid, comments: comments.length, at: Timestamp.fromDate(now) });
    writeGroup(db, batch, comments, { uid, sourceId, channelId, titles, now, firstSeen });
    try {
      await batch.commit();
    } catch (err) {
      if ((err as { code?: number }).code !== ALREADY_EXISTS) throw err;
      // Committed by an earlier delivery: counted once; its observers' checkpoint says who still has to run.
    }
    reports.push(
      await notifyObservers(
        db,
        { uid, sourceId, runId: jobId, batchIndex: i, channelId, videoIds: [...new Set(comments.map((c) => c.videoId))], comments },
        { ...(deps.observers ? { observers: deps.observers } : {}), now },
      ),
    );
  }

  // What this run changed per video (the overview's "change"), the mark, the run and the job: one commit.
  const finish = db.batch();
  for (const videoId of videoIds) {
    const list = synced.filter((c) => c.videoId === videoId && c.labels);
    const prior = before.get(`${uid}_${videoId}`);
    finish.set(
      videoAggRef(db, uid, videoId),
      {
        lastRun: {
          runId: jobId,
          comments: list.length,
          negative: list.filter((c) => c.labels!.sentiment === "negative").length,
          positive: list.filter((c) => c.labels!.sentiment === "positive").length,
          newQuestions: list.filter(isOpenQuestion).length,
          commentsBefore: (prior?.comments as number | undefined) ?? 0,
          averageScoreBefore: prior && (prior.comments as number) > 0 ? (prior.scoreSum as number) / (prior.comments as number) : null,
        },
      },
      { merge: true },
    );
  }
  const runSnap = await runRef(db, jobId).get();
  if (runSnap.get("status") !== "completed") {
    if (sourceSnap.exists) finish.update(watchedRef(db, uid, sourceId), afterRun(advanceMark(source?.highWater ?? null, listed), jobId, synced.length, now));
    finish.update(runRef(db, jobId), { status: "completed", completedAt: Timestamp.fromDate(now), aiCalls: work.usage.calls, groups });
  }
  finish.update(jobRef, {
    status: "completed",
    progress: 1,
    currentStep: "Done",
    finishedAt: Timestamp.fromDate(now),
    updatedAt: Timestamp.fromDate(now),
    cost: { aiCalls: work.usage.calls, inputTokens: work.usage.inputTokens, outputTokens: work.usage.outputTokens, youtubeUnits: run.youtubeUnits },
  });
  await finish.commit();
  await discardStaging(db, jobId).catch(() => undefined);
  logger.info("sync completed", { runId: jobId, comments: synced.length, groups, aiCalls: work.usage.calls });
  return { status: "completed", comments: synced.length, groups, observers: reports };
}
