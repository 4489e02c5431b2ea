// "Run an analysis (or an Ask AI question) with Gemini behaving like this":
// scripts the Gemini stand-in, runs the whole thing with the Gemini provider
// pointed at it through @google/genai, and returns what a creator would see.
// The pipeline's shape (ingest, batch tasks, finalize: run in order by the
// in-process driver) lives only in `runAnalysis` below, so the scenarios' assertions do not depend on it.
import type { Recorded, Reply, Rule } from "../../../tools/standins/gemini";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { db } from "../../src/core/firebase";
import type { JobError } from "../../src/analysis/jobDoc";
import type { AiProvider } from "../../src/ai/types";
import { createJob, pipelineDeps, runAnalysisJob, seedUser, videosUsed } from "./pipeline";
import { standIn, testGemini } from "./gemini";
import type { GeminiOptions } from "../../src/ai/gemini/provider";

export interface GeminiScript {
  responses?: Reply[];
  rules?: Rule[];
}

export interface AnalysisOutcome {
  status: string;
  error?: JobError;
  /** The stored analysis document, when the job completed. */
  analysis?: Record<string, unknown> & {
    cost: { aiCalls: number; inputTokens: number; outputTokens: number; thinkingTokens: number };
    counts: { analysed: number; blocked: number };
    results: Record<string, unknown>;
  };
  /** Videos the owner has used this month after the run (a failed run gives its video back). */
  videosUsed: number;
  /** Every request the Gemini stand-in received during the run. */
  requests: Recorded[];
}

/** The Gemini provider a scenario runs with: the stand-in, fast backoff, thinking on (the model's defaults). */
export function scenarioGemini(options: Partial<GeminiOptions> = {}): AiProvider {
  return testGemini({ retry: { attempts: 4, baseDelayMs: 2, maxDelayMs: 20, maxRetryAfterMs: 2_000 }, ...options });
}

/** One whole analysis of the demo video for `uid` with the stand-in scripted as given. */
export async function runAnalysis(uid: string, script: GeminiScript = {}, options: { maxComments?: number; ai?: AiProvider } = {}): Promise<AnalysisOutcome> {
  await standIn.reset();
  await standIn.script(script);
  await seedUser(uid, "pro");
  const jobId = await createJob(uid, { videoUrlOrId: FIXTURE_IDS.demo, maxComments: options.maxComments ?? 200 });
  const deps = await pipelineDeps({ ai: options.ai ?? scenarioGemini(), batchSize: 50, concurrency: 2 });
  await runAnalysisJob(deps, jobId);
  const job = (await db().doc(`analysis_jobs/${jobId}`).get()).data() as { status: string; error?: JobError; analysisId?: string };
  const analysis = job.analysisId ? ((await db().doc(`analyses/${job.analysisId}`).get()).data() as AnalysisOutcome["analysis"]) : undefined;
  return { status: job.status, error: job.error, analysis, videosUsed: await videosUsed(uid), requests: await standIn.requests() };
}
