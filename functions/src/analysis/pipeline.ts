// The analysis pipeline, in three stages that each run as a short function
// invocation, so that no single run is bounded by the number of comments:
//   1. ingest (the trigger, this file): claim the job with its quota, fetch
//      and filter the comments, stage them in batches, enqueue one task per batch;
//   2. batch (fanout/batchStage.ts, a task per batch): one AI call, its result
//      written once; the batch that completes the set enqueues the finalize task;
//   3. finalize (fanout/finalizeStage.ts, a task): insights, summary, store.
// Every size takes this one path. Plain TypeScript: the function files, the
// tests and the benchmark pass the collaborators in.
import type { Firestore } from "firebase-admin/firestore";
import { Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { HttpsError } from "firebase-functions/v2/https";
import type { UsageDoc } from "../core/planUsage";
import { readSettings } from "../domain/settings";
import type { VideoMeta } from "../youtube/types";
import type { FilterResult } from "../youtube/quality/filter";
import { parseVideoId } from "../youtube/videoInput";
import { describeFailure } from "./failures";
import type { AnalysisDispatcher } from "./fanout/dispatch";
import { discardStaging, stageBatches } from "./fanout/staging";
import { claimJob, finishUnsuccessfully, ProgressReporter } from "./jobLifecycle";
import type { AnalysisVideo, FanoutState, JobDoc, JobError } from "./jobDoc";
import { analysisRequestSchema, resolveOptions } from "../domain/analysisRequest";
import type { SourceComment } from "./commentRecords";

export interface LoadedComments {
  video: VideoMeta;
  /** Comments kept by the spam filter, most worth the creator's attention first. */
  comments: SourceComment[];
  filtered: FilterResult["counts"];
  youtubeUnits: number;
  firestoreReads: number;
  firestoreWrites: number;
}

/** Where comments come from: YouTube (through the cache) in production. */
export interface CommentSource {
  load(videoId: string, limit: number): Promise<LoadedComments>;
}

export interface IngestDeps {
  db: Firestore;
  /** Built only once the job is claimed (a rejected or redelivered job costs no client); YouTube units are charged to its owner. */
  connect(job: JobDoc): Promise<CommentSource>;
  dispatcher: AnalysisDispatcher;
  /** Comments per AI call (and per batch task). */
  batchSize: number;
  now?: () => Date;
}

export type IngestOutcome =
  | { status: "queued"; batches: number }
  | { status: "failed"; error: JobError }
  | { status: "cancelled" }
  | { status: "skipped"; reason: string };

export class Cancelled extends Error {
  constructor() {
    super("cancelled by the owner");
    this.name = "Cancelled";
  }
}

/** Validates a job's input (it may have been written by a client) against the owner's plan. */
function prepareJob(job: JobDoc, usage: UsageDoc, settings: unknown): Partial<JobDoc> | JobError {
  const parsed = analysisRequestSchema.safeParse(job.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "input";
    return { code: "invalid-argument", message: `${field}: ${issue?.message ?? "is invalid"}` };
  }
  let videoId: string;
  try {
    videoId = parseVideoId(parsed.data.videoUrlOrId, "videoUrlOrId");
  } catch (err) {
    return { code: "invalid-argument", message: err instanceof Error ? err.message : "videoUrlOrId is invalid" };
  }
  const defaults = readSettings(settings).defaultAnalysis;
  const { options, problem } = resolveOptions(parsed.data, defaults, usage.limits.comments_per_video);
  if (problem) return { code: "invalid-argument", message: `${problem.field}: ${problem.why}` };
  return { videoId, options, plan: usage.plan, priority: usage.plan === "free" ? "free" : "paid" };
}

/** The video as an analysis shows it (and as the finalize stage needs it). */
export function analysisVideo(video: VideoMeta): AnalysisVideo {
  return {
    id: video.id,
    title: video.title,
    channelId: video.channelId,
    channelTitle: video.channelTitle,
    description: video.description.slice(0, 500),
    publishedAt: video.publishedAt,
    thumbnail: video.thumbnails.high ?? video.thumbnails.medium ?? video.thumbnails.default ?? null,
    durationSeconds: video.durationSeconds,
    viewCount: video.viewCount,
    likeCount: video.likeCount,
    commentCount: video.commentCount,
  };
}

/** Stage 1, run by the trigger: claim, fetch, filter, stage, fan out. */
export async function ingestJob(deps: IngestDeps, jobId: string): Promise<IngestOutcome> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const started = Date.now();
  const jobRef = db.collection("analysis_jobs").doc(jobId);

  const claim = await claimJob(db, jobRef, now(), prepareJob);
  if (!claim.claimed) {
    if (claim.reason === "rejected") {
      const snap = await jobRef.get();
      return { status: "failed", error: snap.get("error") as JobError };
    }
    logger.info("analysis job not claimed", { jobId, reason: claim.reason, status: claim.status });
    return { status: "skipped", reason: claim.reason };
  }

  const job = claim.job;
  const progress = new ProgressReporter(jobRef, now);
  // So far, the claim: the job, then job + usage + profile (4 reads), job + usage (2 writes).
  const counters = { reads: 4, writes: 2 };
  const checkpoint = async () => {
    if (await progress.cancelRequested()) throw new Cancelled();
  };

  try {
    const options = job.options!;
    const source = await deps.connect(job);
    await progress.step("fetching");
    const loaded = await source.load(job.videoId!, options.maxComments);
    counters.reads += loaded.firestoreReads;
    counters.writes += loaded.firestoreWrites;
    await checkpoint();

    await progress.step("filtering");
    if (loaded.comments.length === 0) {
      throw new HttpsError("failed-precondition", "This video has no comments to analyse yet (after removing spam).");
    }
    const staged = await stageBatches(db, { userId: job.userId, jobId }, loaded.comments, deps.batchSize);
    counters.writes += staged.writes;

    const priority = job.priority ?? "paid";
    const fanout: FanoutState = { total: staged.batches, done: 0, priority };
    const ingestMs = Date.now() - started;
    // Written before the tasks exist, so the first batch to finish finds the total it counts towards.
    await jobRef.update({
      fanout,
      analysisVideo: analysisVideo(loaded.video),
      counts: {
        fetched: loaded.filtered.total,
        spamRemoved: loaded.filtered.removed,
        removedByReason: loaded.filtered.byReason,
        lowValue: loaded.filtered.lowValue,
      },
      ingestCost: { youtubeUnits: loaded.youtubeUnits, firestoreReads: counters.reads + progress.reads, firestoreWrites: counters.writes + progress.writes + 1, invocationMs: ingestMs },
      heartbeatAt: Timestamp.fromDate(now()),
    });
    await checkpoint();
    await progress.step("analysing");
    await deps.dispatcher.enqueueBatches(jobId, Array.from({ length: staged.batches }, (_, i) => i), priority);
    // The run's whole length, enqueueing included (the finalize step reports the longest run of the job);
    // from now on the job waits in its queue, which the sweep reads as alive while it moves (stuckJobs.ts).
    const enqueuedAt = Timestamp.fromDate(now());
    await jobRef.update({ "ingestCost.invocationMs": Date.now() - started, "fanout.enqueuedAt": enqueuedAt, heartbeatAt: enqueuedAt });
    logger.info("analysis fanned out", { jobId, comments: loaded.comments.length, batches: staged.batches, priority, youtubeUnits: loaded.youtubeUnits, ingestMs });
    return { status: "queued", batches: staged.batches };
  } catch (err) {
    if (err instanceof Cancelled) {
      await finishUnsuccessfully(db, jobRef, { status: "cancelled" });
      await discardStaging(db, jobId).catch(() => undefined);
      logger.info("analysis cancelled", { jobId });
      return { status: "cancelled" };
    }
    const error = describeFailure(err);
    logger.warn("analysis failed", { jobId, code: error.code, reason: error.message });
    await finishUnsuccessfully(db, jobRef, { status: "failed", error });
    await discardStaging(db, jobId).catch(() => undefined);
    return { status: "failed", error };
  }
}
