// One phase of `npm run bench` (tools/bench/all.ts runs them all, each on a
// stack of its own): JSON on stdout, a human table on stderr.
//   main:       the analysis through the deployed path (trigger → batch tasks on
//               the Cloud Tasks emulator → finalize) for 100 and 1,000 comments
//               drawn from the real corpus, beside a naive baseline run
//               in-process (a separate AI pass per task, batches one after
//               another); the 10,000-comment scale run; the local provider's
//               throughput; prompt tokens per comment; the monthly usage reset.
//   concurrent: 3 analyses of 1,000 comments by different users at once, with
//               Ask AI and reply traffic, against a stand-in limited to 60 RPM.
//   low-rpm:    1,000 comments against a stand-in limited to 30 RPM.
//   load:       50 signed-in users through the web SDK (tools/bench/load.ts).
// Main also counts the YouTube units to list 1,000 comments by relevance and by time (20-thread pages).
// The Gemini stand-in answers in 250 ms and counts every request it receives.
// Without ../shared/datasets it says so and skips what needs the corpus.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

// A project of its own on the emulators, so the deployed trigger does not react to the bench's jobs.
const BENCH_PROJECT = `${process.env.LENTLY_PROJECT_ID ?? "demo-lently"}-bench`;
process.env.GCLOUD_PROJECT = BENCH_PROJECT;
process.env.FIREBASE_CONFIG = JSON.stringify({ projectId: BENCH_PROJECT });

const SIZES = (process.env.BENCH_SIZES ?? "100,1000").split(",").map(Number);
const PHASE = process.env.BENCH_PHASE ?? "main";
const STACK_PROJECT = process.env.LENTLY_PROJECT_ID ?? "demo-lently";
const LATENCY_MS = Number(process.env.BENCH_AI_LATENCY_MS ?? "250");
const RPM = Number(process.env.BENCH_AI_RPM ?? "600");
const BATCH_SIZE = 50;

interface RunFigures {
  comments: number;
  wallMs: number;
  aiCalls: number;
  tokensIn: number;
  tokensOut: number;
  commentTokens: number;
  tokensInPerCommentToken: number;
  youtubeUnits: number;
  firestoreReads: number;
  firestoreWrites: number;
}

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
}

async function resetProject(): Promise<void> {
  const url = `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${BENCH_PROJECT}/databases/(default)/documents`;
  const res = await fetch(url, { method: "DELETE" });
  if (!res.ok) throw new Error(`reset Firestore: HTTP ${res.status}`);
}

async function main(): Promise<void> {
  const report: Record<string, unknown> = { phase: PHASE };
  if (PHASE === "load") {
    const { runLoad } = await import("./bench/load");
    report.load = await runLoad(STACK_PROJECT);
  } else if (!(await import("./standins/fixtures")).corpusAvailable()) {
    console.error("bench: ../shared/datasets/yt-comments-corpus is not on this machine; skipping the pipeline and throughput runs.");
    report.skipped = "no shared datasets";
  } else if (PHASE === "main") {
    Object.assign(report, await mainPhase());
  } else {
    const { scalePhase } = await import("./bench/scale");
    report.scale = [await scalePhase(PHASE, STACK_PROJECT)];
  }
  if (PHASE === "main") {
    await resetProject();
    const { db } = await import("../functions/src/core/firebase");
    const { benchUsageReset } = await import("./bench/reset");
    report.usageReset = await benchUsageReset(db(), Number(process.env.BENCH_RESET_USERS ?? "5000"));
    await resetProject();
  }

  const json = `${JSON.stringify(report)}\n`;
  // Inside tools/stack.ts stdout carries the emulators' logs; the stack prints this file instead.
  if (process.env.LENTLY_RESULT_FILE) writeFileSync(process.env.LENTLY_RESULT_FILE, json);
  else process.stdout.write(json);
  printTable(report);
}

/** The analysis at 100 and 1,000 comments beside the naive baseline, the 10,000-comment scale run, and the offline figures. */
async function mainPhase(): Promise<Record<string, unknown>> {
  const [{ db }, { FieldValue }, { createAiProvider }, { youtubeCommentSource }, { createYouTubeLists }, { YouTubeService }, { runAnalysisJob }] =
    await Promise.all([
      import("../functions/src/core/firebase"),
      import("firebase-admin/firestore"),
      import("../functions/src/ai/provider"),
      import("../functions/src/analysis/youtubeSource"),
      import("../functions/src/youtube/client"),
      import("../functions/src/youtube/service"),
      import("../functions/test/support/pipeline"),
    ]);
  const { corpusVideoId } = await import("./standins/fixtures");
  const { estimateTokens } = await import("../functions/src/ai/tokens");
  const { newUsage, usageRef } = await import("../functions/src/core/planUsage");
  const fn = await import("./bench/functionsRun");
  const { SharedAiBucket } = await import("../functions/src/core/budgets/aiBucket");
  const geminiUrl = process.env.LENTLY_GEMINI_STANDIN_URL!;
  const youtube = new YouTubeService(
    await createYouTubeLists({ apiKey: process.env.YOUTUBE_API_KEY!, rootUrl: process.env.YOUTUBE_API_ROOT_URL! }),
  );
  const gemini = await createAiProvider({
    provider: "gemini",
    // The stand-in accepts keys of Google's shape only, like the real API.
    apiKey: (await import("./standins/gemini")).GEMINI_STANDIN_KEY,
    model: "gemini-2.5-flash",
    baseUrl: geminiUrl,
    // Paced as the functions pace Gemini: the project-wide bucket in Firestore.
    gate: new SharedAiBucket(db(), "interactive", { requests: { perMinute: RPM, burst: 1 }, tokens: null }, { maxWaitMs: 3_600_000 }),
  });
  // The naive baseline: one pass per task (sentiment, emotions, category), each batch after the previous one.
  const naive: typeof gemini = {
    name: gemini.name,
    generateInsights: (input) => gemini.generateInsights(input),
    summarize: (input) => gemini.summarize(input),
    answerQuestion: (input) => gemini.answerQuestion(input),
    draftReplies: (input) => gemini.draftReplies(input),
    analyzeComments: async (batch: Parameters<typeof gemini.analyzeComments>[0], video: Parameters<typeof gemini.analyzeComments>[1]) => {
      const passes = [];
      for (let task = 0; task < 3; task += 1) passes.push(await gemini.analyzeComments(batch, video));
      const usage = passes.reduce(
        (sum, p) => ({ calls: sum.calls + p.usage.calls, inputTokens: sum.inputTokens + p.usage.inputTokens, outputTokens: sum.outputTokens + p.usage.outputTokens }),
        { calls: 0, inputTokens: 0, outputTokens: 0 },
      );
      return { value: passes[0].value, usage };
    },
  };
  const stack = fn.stackDb(STACK_PROJECT);

  async function figures(firestore: typeof stack, analysisId: string, wallMs: number): Promise<RunFigures> {
    const analysis = (await firestore.doc(`analyses/${analysisId}`).get()).data()!;
    const cost = analysis.cost as Record<string, number>;
    const chunks = await firestore.collection(`analyses/${analysisId}/comments`).get();
    const texts = chunks.docs.flatMap((d) => (d.get("comments") as Array<{ text: string }>).map((c) => c.text));
    const commentTokens = texts.reduce((sum, t) => sum + estimateTokens(t), 0);
    return {
      comments: texts.length,
      wallMs,
      aiCalls: cost.aiCalls,
      tokensIn: cost.inputTokens,
      tokensOut: cost.outputTokens,
      commentTokens,
      tokensInPerCommentToken: Math.round((cost.inputTokens / Math.max(1, commentTokens)) * 1000) / 1000,
      youtubeUnits: cost.youtubeUnits,
      firestoreReads: cost.firestoreReads,
      firestoreWrites: cost.firestoreWrites,
    };
  }

  /** Lently as deployed: the trigger, the batch tasks and the finalize task on the emulators. */
  async function lentlyRun(size: number): Promise<{ figures: RunFigures; run: Awaited<ReturnType<typeof fn.runJobs>> }> {
    await fn.resetProject(STACK_PROJECT); // a cold cache: both runs pay for YouTube
    await fn.seedBusinessUser(stack, "bench-lently");
    await post(`${geminiUrl}/__reset`, {});
    await post(`${geminiUrl}/__config`, { latencyMs: LATENCY_MS, requestsPerMinute: RPM });
    const run = await fn.runJobs(stack, [{ uid: "bench-lently", videoId: corpusVideoId(size), maxComments: size }]);
    const { job } = run.jobs[0];
    if (job.status !== "completed") throw new Error(`bench run (${size}) ${job.status}: ${JSON.stringify(job.error)}`);
    return { figures: await figures(stack, job.analysisId!, run.wallMs), run };
  }

  /** The naive baseline in this process: the same stages, one batch after another, three AI passes each. */
  async function baselineRun(size: number): Promise<RunFigures> {
    await resetProject();
    const uid = "bench-baseline";
    await db().doc(`users/${uid}`).set({ uid, plan: "business" });
    await usageRef(db(), uid).set(newUsage("business", new Date()));
    const job = db().collection("analysis_jobs").doc();
    await job.set({ userId: uid, input: { videoUrlOrId: corpusVideoId(size), maxComments: size }, status: "pending", createdAt: FieldValue.serverTimestamp() });
    await post(`${geminiUrl}/__reset`, {});
    await post(`${geminiUrl}/__config`, { latencyMs: LATENCY_MS, requestsPerMinute: RPM });
    const started = performance.now();
    const outcome = await runAnalysisJob(
      { db: db(), source: youtubeCommentSource(db(), youtube), ai: naive, batchSize: BATCH_SIZE, concurrency: 1 },
      job.id,
    );
    const wallMs = Math.round(performance.now() - started);
    if (outcome.status !== "completed") throw new Error(`baseline run (${size}) ${outcome.status}: ${JSON.stringify(outcome)}`);
    return figures(db(), outcome.analysisId, wallMs);
  }

  const result: Record<string, unknown> = {
    settings: { aiLatencyMs: LATENCY_MS, aiRequestsPerMinute: RPM, batchSize: BATCH_SIZE },
  };
  // One unmeasured analysis first: the emulator's function workers start cold.
  await lentlyRun(50);
  const runs = [];
  for (const size of SIZES) {
    const lently = (await lentlyRun(size)).figures;
    const baseline = await baselineRun(size);
    runs.push({
      ...lently,
      baseline,
      ratios: {
        wall: Math.round((lently.wallMs / baseline.wallMs) * 1000) / 1000,
        aiCalls: Math.round((lently.aiCalls / baseline.aiCalls) * 1000) / 1000,
        tokensIn: Math.round((lently.tokensIn / baseline.tokensIn) * 1000) / 1000,
      },
    });
    console.error(`  ${size} comments: ${lently.wallMs} ms vs baseline ${baseline.wallMs} ms`);
  }
  result.runs = runs;

  const tenK = await lentlyRun(10_000);
  const stats = await fn.standIn(geminiUrl, "/__stats");
  result.scale = [fn.scaleEntry("10k", 10_000, RPM, stats, tenK.run)];
  console.error(`  10,000 comments: ${tenK.run.wallMs} ms, ${tenK.figures.aiCalls} AI calls, peak ${stats.peakRpm}/min`);

  const { readCorpusComments, measurePromptOverhead } = await import("./bench/tokens");
  const corpus = readCorpusComments()!;
  result.promptOverhead = [25, 50, 100].map((size) => measurePromptOverhead(corpus, size));
  const { benchYouTubeUnitsByOrder } = await import("./bench/youtubeUnits");
  result.youtubeUnitsByOrder = await benchYouTubeUnitsByOrder(1_000);
  return result;
}

function printTable(report: Record<string, unknown>): void {
  const runs = (report.runs ?? []) as Array<RunFigures & { baseline: RunFigures; ratios: Record<string, number> }>;
  const row = (cells: Array<string | number>) => console.error(cells.map((c, i) => String(c).padStart(i === 0 ? 18 : 11)).join(""));
  console.error("");
  if (runs.length > 0) {
    row(["", "wall ms", "AI calls", "tokens in", "tokens out", "in/comment", "YT units", "FS reads", "FS writes"]);
    for (const r of runs) {
      for (const [label, f] of [[`${r.comments} Lently`, r], [`${r.comments} baseline`, r.baseline]] as const) {
        row([label, f.wallMs, f.aiCalls, f.tokensIn, f.tokensOut, f.tokensInPerCommentToken, f.youtubeUnits, f.firestoreReads, f.firestoreWrites]);
      }
      row([`  ratio`, r.ratios.wall, r.ratios.aiCalls, r.ratios.tokensIn, "", "", "", "", ""]);
    }
  }
  for (const s of (report.scale ?? []) as Array<Record<string, number | string>>) {
    console.error(`scale ${s.name}: ${s.completed}/${s.jobs} completed, ${s.comments} comments, ${s.wallMs} ms wall, longest run ${s.longestInvocationMs} ms, peak ${s.peakRpm}/${s.rpmLimit} RPM, ${s.aiCalls} AI calls, ${s.tasks} tasks, ${s.retries} retries`);
  }
  const overhead = report.promptOverhead as Array<{ batchSize: number; ratio: number }> | undefined;
  if (overhead) console.error(`prompt tokens per comment token: ${overhead.map((o) => `batch ${o.batchSize}: ${o.ratio}`).join(", ")}`);
  const yt = report.youtubeUnitsByOrder as { comments: number; relevance: { units: number }; time: { units: number } } | undefined;
  if (yt) console.error(`YouTube units for ${yt.comments} comments: relevance ${yt.relevance.units}, time ${yt.time.units} (20-thread pages)`);
  const reset = report.usageReset as { users: number; usersPerSecond: number; secondRunReset: number } | undefined;
  if (reset) console.error(`usage reset: ${reset.users} users at ${reset.usersPerSecond} users/s; a second run reset ${reset.secondRunReset}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
