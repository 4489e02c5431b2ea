// Builds the analysis pipeline's collaborators for in-process tests: the real
// YouTube client pointed at the YouTube stand-in, a real AI provider, and the
// Firestore emulator (test project).
import { FieldValue } from "firebase-admin/firestore";
import { createAiProvider } from "../../src/ai/provider";
import type { AiProvider } from "../../src/ai/types";
import { db } from "../../src/core/firebase";
import type { PlanId } from "../../src/domain/plans";
import { newUsage, usageRef } from "../../src/core/planUsage";
import { runBatchTask } from "../../src/analysis/fanout/batchStage";
import type { AnalysisDispatcher } from "../../src/analysis/fanout/dispatch";
import { runFinalizeTask, type FinalizeDeps } from "../../src/analysis/fanout/finalizeStage";
import type { JobDoc, JobError } from "../../src/analysis/jobDoc";
import { ingestJob, type CommentSource } from "../../src/analysis/pipeline";
import { youtubeCommentSource } from "../../src/analysis/youtubeSource";
import { createYouTubeLists } from "../../src/youtube/client";
import { YouTubeService } from "../../src/youtube/service";

export async function standInYouTube(): Promise<YouTubeService> {
  const api = await createYouTubeLists({
    apiKey: process.env.YOUTUBE_API_KEY ?? "",
    rootUrl: process.env.YOUTUBE_API_ROOT_URL ?? "",
  });
  return new YouTubeService(api, { sleep: () => Promise.resolve() });
}

export async function localProvider(): Promise<AiProvider> {
  return createAiProvider({ provider: "local", apiKey: "", model: "", baseUrl: "" });
}

/** What an in-process run of the three stages needs. */
export interface PipelineDeps {
  db: ReturnType<typeof db>;
  source: CommentSource;
  ai: AiProvider;
  batchSize: number;
  /** Batch tasks run at once by the driver below. */
  concurrency: number;
  /** Attempts per task: 1 makes the first failure final (the queue's retries are tested e2e). */
  maxAttempts?: number;
  /** The finalize stage's YouTube client (owner replies): the stand-in by default. */
  youtube?: () => Promise<YouTubeService>;
  /** The finalize stage's reply-page cap and parallelism, when not the defaults. */
  ownerReplies?: FinalizeDeps["ownerReplies"];
}

export async function pipelineDeps(overrides: Partial<PipelineDeps> = {}): Promise<PipelineDeps> {
  return {
    db: db(),
    source: youtubeCommentSource(db(), await standInYouTube()),
    ai: await localProvider(),
    batchSize: 50,
    concurrency: 4,
    ...overrides,
  };
}

export type RunOutcome =
  | { status: "completed"; analysisId: string }
  | { status: "failed"; error: JobError }
  | { status: "cancelled" }
  | { status: "skipped"; reason: string };

/**
 * Runs a job's three stages in this process, in the order the task queues
 * would: the ingest, then every batch task it enqueued, then the finalize
 * task the last batch enqueued. Tests of the stages' logic use it; the
 * queues themselves (dispatch, retries, rates) are exercised e2e against the
 * Cloud Tasks emulator.
 */
export async function runAnalysisJob(deps: PipelineDeps, jobId: string): Promise<RunOutcome> {
  const batches: number[] = [];
  const finalizes: string[] = [];
  const dispatcher: AnalysisDispatcher = {
    enqueueBatches: (_job, indexes) => Promise.resolve(void batches.push(...indexes)),
    enqueueFinalize: (job) => Promise.resolve(void finalizes.push(job)),
  };
  const attempt = { retryCount: 0, maxAttempts: deps.maxAttempts ?? 1 };
  const ingest = await ingestJob(
    { db: deps.db, connect: () => Promise.resolve(deps.source), dispatcher, batchSize: deps.batchSize },
    jobId,
  );
  if (ingest.status !== "queued") return ingest;
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = batches[next++];
      await runBatchTask({ db: deps.db, connect: () => Promise.resolve(deps.ai), dispatcher }, { jobId, index }, attempt);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency) }, worker));
  if (finalizes.length > 0) {
    await runFinalizeTask(
      { db: deps.db, connect: () => Promise.resolve(deps.ai), youtube: deps.youtube ?? standInYouTube, ownerReplies: deps.ownerReplies },
      jobId,
      attempt,
    );
  }
  const job = (await deps.db.doc(`analysis_jobs/${jobId}`).get()).data() as JobDoc;
  if (job.status === "completed") return { status: "completed", analysisId: job.analysisId! };
  if (job.status === "failed") return { status: "failed", error: job.error! };
  if (job.status === "cancelled") return { status: "cancelled" };
  return { status: "skipped", reason: `job left ${job.status}` };
}

/** A user on `plan` with `videosUsed` of their monthly videos already spent. */
export async function seedUser(uid: string, plan: PlanId, videosUsed = 0): Promise<void> {
  const usage = newUsage(plan, new Date());
  usage.counters.videos = videosUsed;
  await db().doc(`users/${uid}`).set({ uid, plan });
  await usageRef(db(), uid).set(usage);
}

export async function videosUsed(uid: string): Promise<number> {
  return (await usageRef(db(), uid).get()).data()!.counters.videos;
}

/** A job document as the web app writes it (the rules' fixed shape). */
export async function createJob(uid: string, input: Record<string, unknown>): Promise<string> {
  const ref = db().collection("analysis_jobs").doc();
  await ref.set({ userId: uid, input, status: "pending", createdAt: FieldValue.serverTimestamp() });
  return ref.id;
}

export async function analysesOf(uid: string) {
  return (await db().collection("analyses").where("userId", "==", uid).get()).docs;
}

/** The provider with its per-comment analysis replaced (to inject failures or pauses). */
export function withAnalyze(provider: AiProvider, analyzeComments: AiProvider["analyzeComments"]): AiProvider {
  return {
    name: provider.name,
    analyzeComments,
    generateInsights: (input) => provider.generateInsights(input),
    summarize: (input) => provider.summarize(input),
    answerQuestion: (input) => provider.answerQuestion(input),
    draftReplies: (input) => provider.draftReplies(input),
  };
}
