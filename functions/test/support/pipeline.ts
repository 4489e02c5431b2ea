// Builds the analysis pipeline's collaborators for in-process tests: the real
// YouTube client pointed at the YouTube stand-in, a real AI provider, and the
// Firestore emulator (test project).
import { FieldValue } from "firebase-admin/firestore";
import { createAiProvider } from "../../src/ai/provider";
import type { AiProvider } from "../../src/ai/types";
import { db } from "../../src/core/firebase";
import type { PlanId } from "../../src/core/plans";
import { newUsage, usageRef } from "../../src/core/usage";
import type { PipelineDeps } from "../../src/analysis/pipeline";
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
  return createAiProvider({ provider: "local", apiKey: "", model: "", baseUrl: "", requestsPerMinute: 0 });
}

export async function pipelineDeps(overrides: Partial<PipelineDeps> = {}): Promise<PipelineDeps> {
  return {
    db: db(),
    source: youtubeCommentSource(db(), await standInYouTube()),
    ai: await localProvider(),
    batchSize: 50,
    concurrency: 4,
    progressIntervalMs: 0,
    ...overrides,
  };
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
