// Ask AI test helpers: completed analyses (written directly, or produced by the
// real pipeline), the service's collaborators, and the Gemini provider pointed
// at the stand-in with fast retries.
import { Timestamp } from "firebase-admin/firestore";
import { createAiProvider } from "../../src/ai/provider";
import type { AiProvider, AskAnswer, AskInput, TokenUsage } from "../../src/ai/types";
import type { StoredComment } from "../../src/analysis/commentRecords";
import { summarizeClassification, summarizeSentiment } from "../../src/ai/summaries";
import type { AskDeps } from "../../src/ask/service";
import { db } from "../../src/core/firebase";
import { usageRef } from "../../src/core/planUsage";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { createJob, pipelineDeps, runAnalysisJob, seedUser } from "./pipeline";
import { standInUrl, TEST_KEY } from "./gemini";

let serial = 0;

/** A stored comment as the pipeline writes it; YouTube-like id unless given. */
export function storedComment(partial: Partial<StoredComment> & { text: string }): StoredComment {
  serial += 1;
  return {
    id: `Ugx${String(serial).padStart(6, "0")}yt`,
    author: `@viewer${serial}`,
    likeCount: 0,
    replyCount: 0,
    publishedAt: "2025-09-13T10:00:00Z",
    engagement: 5,
    isQuestion: partial.text.includes("?"),
    isFeedback: false,
    sentiment: "neutral",
    score: 0,
    emotions: [],
    category: "other",
    ...partial,
  };
}

/** Writes a completed analysis (document + one comment chunk) for `uid`; returns its id. */
export async function writeAnalysis(
  uid: string,
  comments: StoredComment[],
  options: { videoId?: string; title?: string; completedAt?: Date; results?: Record<string, unknown> } = {},
): Promise<string> {
  const ref = db().collection("analyses").doc();
  const videoId = options.videoId ?? "vidAskTest1";
  const completedAt = Timestamp.fromDate(options.completedAt ?? new Date());
  await ref.collection("comments").doc("0000").set({ index: 0, count: comments.length, comments });
  await ref.set({
    userId: uid,
    jobId: `job-${ref.id}`,
    videoId,
    video: {
      id: videoId,
      title: options.title ?? "My home studio build for $500",
      channelTitle: "Studio Sam",
      thumbnail: `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg`,
    },
    options: { maxComments: 100, include: { sentiment: true, classification: true, insights: false, summary: false } },
    provider: "local",
    results: options.results ?? {
      sentiment: summarizeSentiment(comments),
      classification: { ...summarizeClassification(comments), topQuestions: [] },
    },
    counts: { analysed: comments.length },
    chunks: 1,
    createdAt: completedAt,
    completedAt,
  });
  return ref.id;
}

/** Runs the real pipeline (YouTube stand-in, local provider) on the demo video for `uid`; returns the analysis id. */
export async function analyseDemoVideo(uid: string, plan: "free" | "starter" | "pro" | "business" = "pro"): Promise<string> {
  await seedUser(uid, plan);
  const jobId = await createJob(uid, { videoUrlOrId: FIXTURE_IDS.demo, maxComments: 100 });
  const outcome = await runAnalysisJob(await pipelineDeps(), jobId);
  if (outcome.status !== "completed") throw new Error(`pipeline did not complete: ${JSON.stringify(outcome)}`);
  return outcome.analysisId;
}

/** Sets the caller's AI question counter (the plan's limit stays). */
export async function setQuestionsUsed(uid: string, used: number): Promise<void> {
  await usageRef(db(), uid).update({ "counters.ai_questions": used });
}

/** Forgets the caller's recent askQuestion calls (the per-minute limit), so a later test starts with a clear window. */
export async function clearRateLimit(uid: string): Promise<void> {
  await db().doc(`users/${uid}/rate_limits/askQuestion`).delete();
}

export async function questionsUsed(uid: string): Promise<number> {
  return (await usageRef(db(), uid).get()).data()!.counters.ai_questions;
}

export function geminiViaStandIn(): Promise<AiProvider> {
  return createAiProvider({
    provider: "gemini",
    apiKey: TEST_KEY,
    model: "gemini-2.5-flash",
    baseUrl: standInUrl(),
    retry: { attempts: 2, malformedRetries: 1, baseDelayMs: 1, maxDelayMs: 5 },
    timeoutMs: 10_000,
  });
}

export function localAi(): Promise<AiProvider> {
  return createAiProvider({ provider: "local", apiKey: "", model: "", baseUrl: "" });
}

export function askDeps(provider: () => Promise<AiProvider>, overrides: Partial<AskDeps> = {}): AskDeps {
  return { db: db(), provider, perMinute: 100, ...overrides };
}

/** A provider that records what it was asked and answers with `answer` (or throws it). */
export function scriptedProvider(answer: AskAnswer | Error, usage: TokenUsage = { calls: 1, inputTokens: 10, outputTokens: 5 }) {
  const inputs: AskInput[] = [];
  const provider = {
    name: "gemini" as const,
    answerQuestion(input: AskInput) {
      inputs.push(input);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve({ value: answer, usage });
    },
  } as unknown as AiProvider;
  return { provider, inputs };
}
