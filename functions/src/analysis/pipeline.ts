// The analysis pipeline: claim → fetch → filter/score → per-comment analysis
// in batches → insights → summary → store. Plain TypeScript: the trigger, the
// tests and the benchmark all call `runAnalysisJob` with their collaborators.
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { HttpsError } from "firebase-functions/v2/https";
import { analyzeInBatches } from "../ai/batching";
import { summarizeClassification, summarizeSentiment } from "../ai/summaries";
import type { AiProvider, TokenUsage } from "../ai/types";
import type { UsageDoc } from "../core/usage";
import { readSettings } from "../users/settings";
import type { VideoMeta } from "../youtube/types";
import type { FilterResult } from "../youtube/quality/filter";
import { parseVideoId } from "../youtube/videoInput";
import { describeFailure } from "./failures";
import { claimJob, finishUnsuccessfully, ProgressReporter } from "./jobLifecycle";
import type { JobDoc, JobError } from "./jobDoc";
import { analysisRequestSchema, resolveOptions } from "./request";
import { joinAnalyses, ownerAnswers, resolveInsights, resolveSummary, shortId, topQuestions, type SourceComment } from "./results";
import { chunkComments, storeAnalysis } from "./store";

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

export interface PipelineDeps {
  db: Firestore;
  source: CommentSource;
  ai: AiProvider;
  /** Comments per provider call, and calls in flight at once (the provider paces itself to its RPM). */
  batchSize: number;
  concurrency: number;
  now?: () => Date;
  /** Minimum time between intermediate progress writes. */
  progressIntervalMs?: number;
}

export type RunOutcome =
  | { status: "completed"; analysisId: string }
  | { status: "failed"; error: JobError }
  | { status: "cancelled" }
  | { status: "skipped"; reason: string };

function addUsage(total: TokenUsage, more: TokenUsage): void {
  total.calls += more.calls;
  total.inputTokens += more.inputTokens;
  total.outputTokens += more.outputTokens;
}

class Cancelled extends Error {
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
  return { videoId, options };
}

export async function runAnalysisJob(deps: PipelineDeps, jobId: string): Promise<RunOutcome> {
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
  const progress = new ProgressReporter(jobRef, deps.progressIntervalMs);
  const usage: TokenUsage = { calls: 0, inputTokens: 0, outputTokens: 0 };
  // So far, the claim: the job, then job + usage + profile (4 reads), job + usage (2 writes).
  const counters = { reads: 4, writes: 2, youtubeUnits: 0 };
  const checkpoint = async () => {
    if (await progress.cancelRequested()) throw new Cancelled();
  };

  try {
    const options = job.options!;
    await progress.step("fetching");
    const loaded = await deps.source.load(job.videoId!, options.maxComments);
    counters.youtubeUnits += loaded.youtubeUnits;
    counters.reads += loaded.firestoreReads;
    counters.writes += loaded.firestoreWrites;
    await checkpoint();

    await progress.step("filtering");
    const comments = loaded.comments;
    if (comments.length === 0) {
      throw new HttpsError("failed-precondition", "This video has no comments to analyse yet (after removing spam).");
    }

    await progress.step("analysing");
    const videoContext = {
      id: loaded.video.id,
      title: loaded.video.title,
      channelTitle: loaded.video.channelTitle,
      description: loaded.video.description.slice(0, 500),
    };
    const inputs = comments.map((c, i) => ({ id: shortId(i), text: c.text, author: c.author, likeCount: c.likeCount }));
    const analysedBatches = await analyzeInBatches(deps.ai, inputs, videoContext, {
      batchSize: deps.batchSize,
      concurrency: deps.concurrency,
      onProgress: async (done, total) => {
        // Throwing here stops the remaining batches: a cancel takes effect within one batch.
        if (await progress.within(done / total)) throw new Cancelled();
      },
    });
    addUsage(usage, analysedBatches.usage);
    const analyses = analysedBatches.value;
    await checkpoint();

    const { stored, analysed, missing } = joinAnalyses(comments, analyses);
    const sentiment = summarizeSentiment(analysed);
    const classification = summarizeClassification(analysed);
    const base = { video: videoContext, comments: analysed, sentiment, classification };

    let insights;
    if (options.include.insights || options.include.summary) {
      await progress.step("insights");
      const result = await deps.ai.generateInsights(base);
      addUsage(usage, result.usage);
      insights = result.value;
      await checkpoint();
    }
    let summary;
    if (options.include.summary && insights) {
      await progress.step("summary");
      const result = await deps.ai.summarize({ ...base, insights });
      addUsage(usage, result.usage);
      summary = resolveSummary(result.value, stored);
      await checkpoint();
    }

    await progress.step("storing");
    const analysisRef = db.collection("analyses").doc();
    const blocked = stored.filter((c) => c.blocked).length;
    const analysis = {
      userId: job.userId,
      jobId,
      videoId: loaded.video.id,
      video: {
        id: loaded.video.id,
        title: loaded.video.title,
        channelId: loaded.video.channelId,
        channelTitle: loaded.video.channelTitle,
        publishedAt: loaded.video.publishedAt,
        thumbnail: loaded.video.thumbnails.high ?? loaded.video.thumbnails.medium ?? loaded.video.thumbnails.default ?? null,
        durationSeconds: loaded.video.durationSeconds,
        viewCount: loaded.video.viewCount,
        likeCount: loaded.video.likeCount,
        commentCount: loaded.video.commentCount,
      },
      options,
      provider: deps.ai.name,
      results: {
        ...(options.include.sentiment ? { sentiment } : {}),
        ...(options.include.classification ? { classification: { ...classification, topQuestions: topQuestions(stored), ...ownerAnswers(stored) } } : {}),
        ...(options.include.insights && insights ? { insights: resolveInsights(insights, stored) } : {}),
        ...(summary ? { summary } : {}),
      },
      counts: {
        fetched: loaded.filtered.total,
        analysed: stored.length,
        spamRemoved: loaded.filtered.removed,
        removedByReason: loaded.filtered.byReason,
        lowValue: loaded.filtered.lowValue,
        blocked,
        unanalysed: missing,
      },
      cost: {
        aiCalls: usage.calls,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        youtubeUnits: counters.youtubeUnits,
        // Reads and writes of this run, including the final commit below (analysis + job).
        firestoreReads: counters.reads + progress.reads + 1,
        firestoreWrites: 0,
        wallMs: 0,
      },
      createdAt: job.createdAt,
    };
    const chunks = chunkComments(stored);
    // Chunk documents plus the final commit's two (analysis and job).
    analysis.cost.firestoreWrites = counters.writes + progress.writes + chunks.length + 2;
    analysis.cost.wallMs = Date.now() - started;
    if (!(await storeAnalysis(db, jobRef, analysisRef, analysis, chunks, now))) throw new Cancelled();
    logger.info("analysis completed", {
      jobId,
      analysisId: analysisRef.id,
      comments: stored.length,
      provider: deps.ai.name,
      aiCalls: usage.calls,
      youtubeUnits: counters.youtubeUnits,
      wallMs: analysis.cost.wallMs,
    });
    return { status: "completed", analysisId: analysisRef.id };
  } catch (err) {
    if (err instanceof Cancelled) {
      await finishUnsuccessfully(db, jobRef, { status: "cancelled" });
      logger.info("analysis cancelled", { jobId });
      return { status: "cancelled" };
    }
    const error = describeFailure(err);
    logger.warn("analysis failed", { jobId, code: error.code, reason: error.message });
    await finishUnsuccessfully(db, jobRef, { status: "failed", error });
    return { status: "failed", error };
  }
}
