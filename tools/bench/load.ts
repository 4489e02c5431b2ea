// The load run: 50 creators signed in through the web SDK at once, each
// calling getMe, startAnalysis (and waiting for the job through onSnapshot),
// askQuestion and generateReplies, against the emulators. Bounded: one pass
// per user, every call with its own timeout. Reports p50/p95 latency and
// errors by code per callable; an `internal` answer is a bug.
import { performance } from "node:perf_hooks";
import { FIXTURE_IDS } from "../standins/fixtures";
import { watchJob } from "../watchJob";
import { signUp, type WebClient } from "../webClient";
import { resetProject } from "./functionsRun";

const USERS = Number(process.env.BENCH_LOAD_USERS ?? "50");

interface CallStats {
  latencies: number[];
  errors: Record<string, number>;
  /** The first message seen per error code: what the web SDK was told. */
  messages: Record<string, string>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runLoad(project: string) {
  await resetProject(project);
  const stats: Record<string, CallStats> = {};
  const timed = async <T>(client: WebClient, callable: string, data: unknown): Promise<T | undefined> => {
    const entry = (stats[callable] ??= { latencies: [], errors: {}, messages: {} });
    const started = performance.now();
    try {
      return await client.call<T>(callable, data);
    } catch (err) {
      const code = ((err as { code?: string }).code ?? "unknown").replace(/^functions\//, "");
      entry.errors[code] = (entry.errors[code] ?? 0) + 1;
      entry.messages[code] ??= `${(err as Error).message ?? ""} after ${Math.round(performance.now() - started)} ms`;
      return undefined;
    } finally {
      entry.latencies.push(performance.now() - started);
    }
  };

  // The web SDK answers `internal [0]` for any failed HTTP exchange and drops
  // the cause; the load run keeps it, so a network failure is told apart from a
  // function's error.
  const networkFailures: Record<string, number> = {};
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    try {
      return await realFetch(input, init);
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const key = cause?.code ?? cause?.message ?? String(err);
      networkFailures[key] = (networkFailures[key] ?? 0) + 1;
      throw err;
    }
  };

  const started = performance.now();
  const clients = await Promise.all(Array.from({ length: USERS }, (_, i) => signUp(`load-${i}-${Date.now()}@lently.bench`)));
  let completed = 0;
  await Promise.all(
    clients.map(async (client, i) => {
      // Arrivals spread over ten seconds, as a launch-day burst would; every user's calls then overlap the others'.
      await new Promise((resolve) => setTimeout(resolve, (i * 10_000) / USERS));
      await timed(client, "getMe", {});
      const job = await timed<{ jobId: string }>(client, "startAnalysis", { videoUrlOrId: FIXTURE_IDS.demo });
      if (job) {
        const final = await watchJob(client.firestore, job.jobId, () => undefined, 10 * 60_000).catch(() => undefined);
        const last = final?.at(-1);
        if (last?.status === "completed" && last.analysisId) {
          completed += 1;
          await timed(client, "askQuestion", { analysisId: last.analysisId, question: "What do viewers ask about most?" });
        }
      }
      await timed(client, "generateReplies", { comment: { text: "Loved this, what mic is that?" }, tone: "friendly", count: 2 });
    }),
  );
  const wallMs = Math.round(performance.now() - started);
  await Promise.all(clients.map((c) => c.close()));
  globalThis.fetch = realFetch;

  const callables = Object.fromEntries(
    Object.entries(stats).map(([name, s]) => {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      return [name, { calls: sorted.length, p50Ms: Math.round(percentile(sorted, 50)), p95Ms: Math.round(percentile(sorted, 95)), errors: s.errors, messages: s.messages }];
    }),
  );
  const internal = Object.values(stats).reduce((sum, s) => sum + (s.errors.internal ?? 0), 0);
  console.error(`  load: ${USERS} users in ${wallMs} ms, ${completed} analyses completed, ${internal} internal answers, network failures ${JSON.stringify(networkFailures)}`);
  for (const [name, c] of Object.entries(callables)) console.error(`    ${name.padEnd(16)} p50 ${c.p50Ms} ms  p95 ${c.p95Ms} ms  errors ${JSON.stringify(c.errors)}`);
  return { users: USERS, wallMs, analysesCompleted: completed, internalErrors: internal, networkFailures, callables };
}
