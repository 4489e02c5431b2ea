// The bench's scale runs on a stack whose Gemini quota is low: "low-rpm" (one
// 1,000-comment analysis at a free tier's 30 requests per minute) and
// "concurrent" (three 1,000-comment analyses by different users at once while
// a creator asks Ask AI questions and drafts replies). The Gemini stand-in is
// limited to the same requests per minute as the project's param and counts
// every request it receives; peakRpm is the most in any 60-second window.
import { performance } from "node:perf_hooks";
import { corpusVideoId } from "../standins/fixtures";
import { signUp } from "../webClient";
import { resetProject, runJobs, scaleEntry, seedBusinessUser, stackDb, standIn } from "./functionsRun";

const LATENCY_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function scalePhase(name: string, project: string) {
  const rpmLimit = Number(process.env.AI_REQUESTS_PER_MINUTE);
  const geminiUrl = process.env.LENTLY_GEMINI_STANDIN_URL!;
  const db = stackDb(project);
  await resetProject(project);
  if (name === "low-rpm") {
    await seedBusinessUser(db, "bench-low-rpm");
    await standIn(geminiUrl, "/__reset", {});
    await standIn(geminiUrl, "/__config", { latencyMs: LATENCY_MS, requestsPerMinute: rpmLimit });
    const run = await runJobs(db, [{ uid: "bench-low-rpm", videoId: corpusVideoId(1000), maxComments: 1000 }]);
    const entry = scaleEntry(name, 1000, rpmLimit, await standIn(geminiUrl, "/__stats"), run);
    console.error(`  low-rpm: ${entry.wallMs} ms wall, longest run ${entry.longestInvocationMs} ms, peak ${entry.peakRpm}/${rpmLimit} per minute`);
    return entry;
  }
  if (name !== "concurrent") throw new Error(`unknown bench phase ${name}`);

  // A creator with an analysis to ask about, made before the measured window.
  const asker = await signUp(`bench-asker-${Date.now()}@lently.bench`);
  await asker.call("getMe");
  await seedBusinessUser(db, asker.user.uid);
  const prepared = await runJobs(db, [{ uid: asker.user.uid, videoId: corpusVideoId(100), maxComments: 100 }]);
  const analysisId = prepared.jobs[0].job.analysisId!;

  const users = ["bench-c1", "bench-c2", "bench-c3"];
  for (const uid of users) await seedBusinessUser(db, uid);
  await standIn(geminiUrl, "/__reset", {});
  await standIn(geminiUrl, "/__config", { latencyMs: LATENCY_MS, requestsPerMinute: rpmLimit });
  const analyses = runJobs(db, users.map((uid, i) => ({ uid, videoId: corpusVideoId(1000 + i), maxComments: 1000 })));
  let running = true;
  void analyses.finally(() => (running = false));

  const interactive: Record<string, { ok: number; errors: Record<string, number>; latencies: number[] }> = {};
  const timed = async (callable: string, data: unknown) => {
    const entry = (interactive[callable] ??= { ok: 0, errors: {}, latencies: [] });
    const started = performance.now();
    try {
      await asker.call(callable, data);
      entry.ok += 1;
    } catch (err) {
      const code = (err as { code?: string }).code ?? "unknown";
      entry.errors[code] = (entry.errors[code] ?? 0) + 1;
    }
    entry.latencies.push(Math.round(performance.now() - started));
  };
  for (let round = 0; running && round < 12; round += 1) {
    await Promise.all([
      timed("askQuestion", { analysisId, question: `What do viewers ask about most? (${round})` }),
      timed("generateReplies", { comment: { text: "Great video, which microphone did you use?" }, tone: "friendly", count: 2 }),
    ]);
    await sleep(8_000);
  }
  const run = await analyses;
  const entry = scaleEntry(name, 3000, rpmLimit, await standIn(geminiUrl, "/__stats"), run);
  await asker.close();
  const summary = Object.fromEntries(
    Object.entries(interactive).map(([callable, e]) => [callable, { ok: e.ok, errors: e.errors, medianMs: median(e.latencies) }]),
  );
  console.error(`  concurrent: ${entry.completed}/${entry.jobs} completed in ${entry.wallMs} ms, peak ${entry.peakRpm}/${rpmLimit} per minute; interactive ${JSON.stringify(summary)}`);
  return { ...entry, interactive: summary };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
