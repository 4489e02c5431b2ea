// `npm run bench`: Lently's speed and cost figures, measured in one run.
// JSON on stdout, a human table on stderr. Runs inside tools/stack.ts:
//   * the analysis pipeline in-process against the Firestore emulator, the
//     YouTube stand-in serving a video drawn from the real comment corpus, and
//     the Gemini stand-in with a fixed latency per call and a requests-per-
//     minute limit — for 100, 1,000 and 10,000 comments, beside a naive
//     baseline run by the same harness (a separate AI pass per task, batches
//     one after another);
//   * the local provider's throughput on the corpus (one core);
//   * prompt tokens per analysed comment vs the comments' own tokens;
//   * the monthly usage reset (users reset per second).
// Without ../shared/datasets it says so and skips what needs the corpus.
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

// A project of its own on the emulators, so the deployed trigger does not react to the bench's jobs.
const BENCH_PROJECT = `${process.env.LENTLY_PROJECT_ID ?? "demo-lently"}-bench`;
process.env.GCLOUD_PROJECT = BENCH_PROJECT;
process.env.FIREBASE_CONFIG = JSON.stringify({ projectId: BENCH_PROJECT });

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
const LATENCY_MS = Number(process.env.BENCH_AI_LATENCY_MS ?? "250");
const RPM = Number(process.env.BENCH_AI_RPM ?? "600");
const CONCURRENCY = Number(process.env.BENCH_AI_CONCURRENCY ?? "4");
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
  const [{ db }, { FieldValue }, { createAiProvider }, { runAnalysisJob }, { youtubeCommentSource }, { createYouTubeLists }, { YouTubeService }] =
    await Promise.all([
      import("../functions/src/core/firebase"),
      import("firebase-admin/firestore"),
      import("../functions/src/ai/provider"),
      import("../functions/src/analysis/pipeline"),
      import("../functions/src/analysis/youtubeSource"),
      import("../functions/src/youtube/client"),
      import("../functions/src/youtube/service"),
    ]);
  const { corpusAvailable, corpusVideoId } = await import("./standins/fixtures");
  const { estimateTokens } = await import("../functions/src/ai/tokens");
  const { newUsage, usageRef } = await import("../functions/src/core/usage");
  const geminiUrl = process.env.LENTLY_GEMINI_STANDIN_URL!;
  const youtube = new YouTubeService(
    await createYouTubeLists({ apiKey: process.env.YOUTUBE_API_KEY!, rootUrl: process.env.YOUTUBE_API_ROOT_URL! }),
  );
  const gemini = await createAiProvider({
    provider: "gemini",
    apiKey: "bench-key",
    model: "gemini-2.5-flash",
    baseUrl: geminiUrl,
    requestsPerMinute: RPM,
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

  const report: Record<string, unknown> = {
    settings: { aiLatencyMs: LATENCY_MS, aiRequestsPerMinute: RPM, concurrency: CONCURRENCY, batchSize: BATCH_SIZE },
  };

  async function runOnce(size: number, baseline: boolean): Promise<RunFigures> {
    await resetProject(); // a cold cache: both runs pay for YouTube
    const uid = baseline ? "bench-baseline" : "bench-lently";
    await db().doc(`users/${uid}`).set({ uid, plan: "business" });
    await usageRef(db(), uid).set(newUsage("business", new Date()));
    const job = db().collection("analysis_jobs").doc();
    await job.set({ userId: uid, input: { videoUrlOrId: corpusVideoId(size), maxComments: size }, status: "pending", createdAt: FieldValue.serverTimestamp() });
    await post(`${geminiUrl}/__reset`, {});
    await post(`${geminiUrl}/__config`, { latencyMs: LATENCY_MS, requestsPerMinute: RPM });
    const started = performance.now();
    const outcome = await runAnalysisJob(
      {
        db: db(),
        source: youtubeCommentSource(db(), youtube),
        ai: baseline ? naive : gemini,
        batchSize: BATCH_SIZE,
        concurrency: baseline ? 1 : CONCURRENCY,
      },
      job.id,
    );
    const wallMs = Math.round(performance.now() - started);
    if (outcome.status !== "completed") throw new Error(`bench run (${size}, baseline=${baseline}) ${outcome.status}: ${JSON.stringify(outcome)}`);
    const analysis = (await db().doc(`analyses/${outcome.analysisId}`).get()).data()!;
    const cost = analysis.cost as Record<string, number>;
    const chunks = await db().collection(`analyses/${outcome.analysisId}/comments`).get();
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

  if (!corpusAvailable()) {
    console.error("bench: ../shared/datasets/yt-comments-corpus is not on this machine; skipping the pipeline and throughput runs.");
    report.runs = [];
    report.skipped = "no shared datasets";
  } else {
    const runs = [];
    for (const size of SIZES) {
      const lently = await runOnce(size, false);
      const baseline = await runOnce(size, true);
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
    report.runs = runs;

    const { readCorpusComments, measurePromptOverhead } = await import("./bench/tokens");
    const corpus = readCorpusComments()!;
    report.promptOverhead = [25, 50, 100].map((size) => measurePromptOverhead(corpus, size));
    report.localProvider = measureLocalThroughput(corpus, (await import("../functions/src/ai/local/analyze")).analyzeCommentsLocally);
    report.localModels = await (await import("./bench/local")).benchLocalModels(corpus);
  }

  await resetProject();
  const { benchUsageReset } = await import("./bench/reset");
  report.usageReset = await benchUsageReset(db(), Number(process.env.BENCH_RESET_USERS ?? "5000"));
  await resetProject();

  const json = `${JSON.stringify(report)}\n`;
  // Inside tools/stack.ts stdout carries the emulators' logs; the stack prints this file instead.
  if (process.env.LENTLY_RESULT_FILE) writeFileSync(process.env.LENTLY_RESULT_FILE, json);
  else process.stdout.write(json);
  printTable(report);
}

function measureLocalThroughput(
  corpus: string[],
  analyze: (batch: Array<{ id: string; text: string }>) => unknown,
): { comments: number; medianMs: number; commentsPerSecond: number; runs: number } {
  const batch = corpus.map((text, i) => ({ id: `c${i}`, text }));
  analyze(batch.slice(0, 500)); // warm up regexes and the JIT
  const times: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    analyze(batch);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[2];
  return { comments: batch.length, medianMs: Math.round(medianMs), commentsPerSecond: Math.round(batch.length / (medianMs / 1000)), runs: times.length };
}

function printTable(report: Record<string, unknown>): void {
  const runs = (report.runs ?? []) as Array<RunFigures & { baseline: RunFigures; ratios: Record<string, number> }>;
  const row = (cells: Array<string | number>) => console.error(cells.map((c, i) => String(c).padStart(i === 0 ? 18 : 11)).join(""));
  console.error("");
  row(["", "wall ms", "AI calls", "tokens in", "tokens out", "in/comment", "YT units", "FS reads", "FS writes"]);
  for (const r of runs) {
    for (const [label, f] of [[`${r.comments} Lently`, r], [`${r.comments} baseline`, r.baseline]] as const) {
      row([label, f.wallMs, f.aiCalls, f.tokensIn, f.tokensOut, f.tokensInPerCommentToken, f.youtubeUnits, f.firestoreReads, f.firestoreWrites]);
    }
    row([`  ratio`, r.ratios.wall, r.ratios.aiCalls, r.ratios.tokensIn, "", "", "", "", ""]);
  }
  const local = report.localProvider as { commentsPerSecond: number; comments: number } | undefined;
  if (local) console.error(`\nlocal provider: ${local.commentsPerSecond} comments/s (median of 5 over ${local.comments} corpus comments)`);
  const overhead = report.promptOverhead as Array<{ batchSize: number; ratio: number }> | undefined;
  if (overhead) console.error(`prompt tokens per comment token: ${overhead.map((o) => `batch ${o.batchSize}: ${o.ratio}`).join(", ")}`);
  const reset = report.usageReset as { users: number; usersPerSecond: number; secondRunReset: number };
  console.error(`usage reset: ${reset.users} users at ${reset.usersPerSecond} users/s; a second run reset ${reset.secondRunReset}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
