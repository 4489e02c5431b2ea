// Stage 3, a task enqueued by the batch that completed the set: joins the
// batches' results, reads the threads whose owner reply matters (now that the
// comments are classified; ownerReplies.ts) while the insights are written,
// writes the executive summary, and stores the analysis. The analysis id is
// the job id and the final commit is guarded by the job's status, so a
// finalize killed anywhere and redelivered ends in one analysis; the comment
// chunks it rewrites are the same documents.
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { summarizeClassification, summarizeSentiment, summarizeToxicity, withToxicityAction } from "../../ai/summaries";
import type { AiProvider, TokenUsage } from "../../ai/types";
import type { YouTubeService } from "../../youtube/service";
import { addUsage, noUsage } from "../../ai/tokenUsage";
import { describeFailure } from "../failures";
import { finishUnsuccessfully, ProgressReporter } from "../jobLifecycle";
import type { JobDoc } from "../jobDoc";
import { joinAnalyses, ownerAnswers, resolveInsights, resolveSummary, topQuestions } from "../commentRecords";
import { chunkComments, storeAnalysis } from "../store";
import type { TaskAttempt } from "./batchStage";
import { stopIfCancelled } from "./batchStage";
import { holdForRetry, renewQueueLease } from "./queueLease";
import { FINALIZE_QUEUE } from "./queues";
import { isRetryable, RetryLater } from "./retryable";
import { BATCH_TASK_READS, BATCH_TASK_WRITES } from "./batchStage";
import { ownerRepliesSummary, readOwnerReplies, withOwnerReplies, type OwnerRepliesDeps } from "./ownerReplies";
import { discardStaging, readStagedWork } from "./staging";

export interface FinalizeDeps {
  db: Firestore;
  connect(): Promise<AiProvider>;
  /** The owner's threads are read on the analysis' YouTube budget; built only when a thread needs reading. */
  youtube(): Promise<YouTubeService>;
  /** Overrides of the reply-page cap and parallelism (youtube/threads.ts). */
  ownerReplies?: Pick<OwnerRepliesDeps, "maxPages" | "concurrency">;
  now?: () => Date;
}

/** Both settled; the first failure thrown (so nothing is left running behind a retry). */
async function both<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === "rejected") throw x.reason;
  if (y.status === "rejected") throw y.reason;
  return [x.value, y.value];
}

export type FinalizeOutcome = { status: "completed"; analysisId: string } | { status: "stopped" | "waiting" | "failed" | "cancelled" };


export async function runFinalizeTask(deps: FinalizeDeps, jobId: string, attempt: TaskAttempt): Promise<FinalizeOutcome> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const started = Date.now();
  const jobRef = db.doc(`analysis_jobs/${jobId}`);
  const job = (await jobRef.get()).data() as JobDoc | undefined;
  if (job) await renewQueueLease(db, job.finalizeQueue ?? FINALIZE_QUEUE, now());
  if (await stopIfCancelled(db, jobId, job)) return { status: "stopped" };
  const { fanout, options } = job!;
  if (!fanout || fanout.done < fanout.total || !options) return { status: "waiting" };

  const progress = new ProgressReporter(jobRef, now);
  let usage: TokenUsage = noUsage();
  try {
    const work = await readStagedWork(db, jobId);
    const classified = joinAnalyses(work.comments, work.analyses);
    const sentiment = summarizeSentiment(classified.analysed);
    const classification = summarizeClassification(classified.analysed);
    const { description, ...video } = job!.analysisVideo!;
    const videoContext = { id: video.id, title: video.title, channelTitle: video.channelTitle, description };
    // The insights do not depend on who answered: they are written while the threads are read.
    const base = { video: videoContext, comments: classified.analysed, sentiment, classification };
    const ai = await deps.connect();

    if (options.include.insights || options.include.summary) await progress.step("insights");
    const [ownerReplies, insightsResult] = await both(
      readOwnerReplies({ db, youtube: () => deps.youtube(), ...deps.ownerReplies }, jobId, job!, classified.stored),
      options.include.insights || options.include.summary ? ai.generateInsights(base) : Promise.resolve(undefined),
    );
    const { stored, analysed, missing } = joinAnalyses(withOwnerReplies(work.comments, ownerReplies), work.analyses);
    let insights;
    if (insightsResult) {
      usage = addUsage(usage, insightsResult.usage);
      insights = insightsResult.value;
    }
    let summary;
    if (options.include.summary && insights) {
      await progress.step("summary");
      const result = await ai.summarize({ ...base, comments: analysed, insights });
      usage = addUsage(usage, result.usage);
      summary = withToxicityAction(resolveSummary(result.value, stored), summarizeToxicity(stored));
    }

    await progress.step("storing");
    const total = addUsage(work.usage, usage);
    const ingest = job!.ingestCost ?? { youtubeUnits: 0, firestoreReads: 0, firestoreWrites: 0, invocationMs: 0 };
    const chunks = chunkComments(stored);
    const finalizeMs = Date.now() - started;
    const analysis = {
      userId: job!.userId,
      jobId,
      videoId: video.id,
      video,
      options,
      provider: ai.name,
      // Reading the threads whose owner reply matters: how many needed it, were read, were left unchecked (and why).
      ownerReplies: ownerRepliesSummary(ownerReplies),
      results: {
        ...(options.include.sentiment ? { sentiment } : {}),
        ...(options.include.classification ? { classification: { ...classification, topQuestions: topQuestions(stored), ...ownerAnswers(stored) } } : {}),
        ...(options.include.insights && insights ? { insights: resolveInsights(insights, stored) } : {}),
        ...(summary ? { summary } : {}),
        toxicity: summarizeToxicity(stored),
      },
      counts: {
        ...job!.counts,
        analysed: stored.length,
        blocked: stored.filter((c) => c.blocked).length,
        unanalysed: missing,
      },
      cost: {
        aiCalls: total.calls,
        inputTokens: total.inputTokens,
        outputTokens: total.outputTokens,
        // Of outputTokens, those the model spent thinking (billed as output).
        thinkingTokens: total.thinkingTokens ?? 0,
        youtubeUnits: ingest.youtubeUnits + ownerReplies.youtubeUnits,
        // The ingest's, every batch task's, and this run's: the job, the staged documents, the final commit's read and writes.
        firestoreReads: ingest.firestoreReads + fanout.total * BATCH_TASK_READS + 1 + work.documents + progress.reads + 1,
        firestoreWrites: ingest.firestoreWrites + fanout.total * BATCH_TASK_WRITES + progress.writes + chunks.length + 2 + (ownerReplies.needed > 0 ? 1 : 0),
        tasks: fanout.total + 1,
        retries: work.retries + attempt.retryCount,
        wallMs: Date.now() - (job!.claimedAt?.toMillis() ?? started),
        longestInvocationMs: Math.max(ingest.invocationMs, work.longestInvocationMs, finalizeMs),
      },
      createdAt: job!.createdAt,
    };
    const analysisRef = db.doc(`analyses/${jobId}`);
    if (!(await storeAnalysis(db, jobRef, analysisRef, analysis, chunks, now, { userId: job!.userId, jobId }))) {
      await stopIfCancelled(db, jobId, (await jobRef.get()).data() as JobDoc | undefined);
      return { status: "cancelled" };
    }
    await discardStaging(db, jobId).catch(() => undefined); // the sweep removes what is left
    logger.info("analysis completed", {
      jobId,
      comments: stored.length,
      provider: ai.name,
      aiCalls: total.calls,
      batches: fanout.total,
      retries: analysis.cost.retries,
      wallMs: analysis.cost.wallMs,
    });
    return { status: "completed", analysisId: analysisRef.id };
  } catch (err) {
    const lastAttempt = attempt.retryCount + 1 >= attempt.maxAttempts;
    if (isRetryable(err) && !lastAttempt) {
      logger.info("analysis finalize will be retried", { jobId, retryCount: attempt.retryCount, reason: describeFailure(err).code });
      await holdForRetry(db, jobId, now());
      throw new RetryLater("finalize");
    }
    const error = describeFailure(err);
    logger.warn("analysis failed", { jobId, stage: "finalize", code: error.code, reason: error.message });
    await finishUnsuccessfully(db, jobRef, { status: "failed", error });
    await discardStaging(db, jobId).catch(() => undefined);
    return { status: "failed" };
  }
}
