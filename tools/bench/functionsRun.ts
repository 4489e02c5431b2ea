// Analyses run the deployed way for the bench: job documents written to the
// stack's project, where the Functions emulator's trigger, the batch tasks on
// the Cloud Tasks emulator and the finalize task do the work; the bench only
// waits and reads the results.
import { initializeApp, type App } from "firebase-admin/app";
import { FieldValue, getFirestore, type Firestore } from "firebase-admin/firestore";
import { performance } from "node:perf_hooks";
import type { JobDoc } from "../../functions/src/analysis/jobDoc";
import { newUsage, usageRef } from "../../functions/src/core/planUsage";

export interface JobSpec {
  uid: string;
  videoId: string;
  maxComments: number;
}

export interface FinishedJob {
  jobId: string;
  job: JobDoc;
  analysis?: Record<string, unknown> & { cost: Record<string, number>; counts: Record<string, number> };
}

let app: App | undefined;

/** The Admin SDK on the stack's own project (the one whose triggers fire). */
export function stackDb(project: string): Firestore {
  app ??= initializeApp({ projectId: project }, "bench-stack");
  return getFirestore(app);
}

export async function resetProject(project: string): Promise<void> {
  const url = `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${project}/databases/(default)/documents`;
  const res = await fetch(url, { method: "DELETE" });
  if (!res.ok) throw new Error(`reset Firestore: HTTP ${res.status}`);
}

export async function seedBusinessUser(db: Firestore, uid: string): Promise<void> {
  await db.doc(`users/${uid}`).set({ uid, plan: "business" });
  await usageRef(db, uid).set(newUsage("business", new Date()));
}

const FINAL = ["completed", "failed", "cancelled"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts every job at once and waits (bounded) until all have ended. */
export async function runJobs(db: Firestore, specs: JobSpec[], timeoutMs = 15 * 60_000): Promise<{ wallMs: number; jobs: FinishedJob[] }> {
  const started = performance.now();
  const refs = await Promise.all(
    specs.map(async (spec) => {
      const ref = db.collection("analysis_jobs").doc();
      await ref.set({ userId: spec.uid, input: { videoUrlOrId: spec.videoId, maxComments: spec.maxComments }, status: "pending", createdAt: FieldValue.serverTimestamp() });
      return ref;
    }),
  );
  const done = new Map<string, JobDoc>();
  const deadline = Date.now() + timeoutMs;
  while (done.size < refs.length) {
    if (Date.now() > deadline) throw new Error(`bench: ${refs.length - done.size} job(s) did not finish in ${timeoutMs / 1000} s`);
    const snaps = await db.getAll(...refs.filter((r) => !done.has(r.id)));
    for (const snap of snaps) {
      const job = snap.data() as JobDoc;
      if (FINAL.includes(job.status)) done.set(snap.id, job);
    }
    if (done.size < refs.length) await sleep(250);
  }
  const wallMs = Math.round(performance.now() - started);
  const jobs = await Promise.all(
    refs.map(async (ref) => {
      const job = done.get(ref.id)!;
      const analysis = job.analysisId ? ((await db.doc(`analyses/${job.analysisId}`).get()).data() as FinishedJob["analysis"]) : undefined;
      return { jobId: ref.id, job, analysis };
    }),
  );
  return { wallMs, jobs };
}

export interface GeminiStats {
  requests: number;
  peakRpm: number;
  outcomes: Record<string, number>;
}

export async function standIn(url: string, path: string, body?: unknown): Promise<GeminiStats> {
  const res = await fetch(`${url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as GeminiStats;
}

/** One entry of the bench's `scale` list. */
export function scaleEntry(name: string, comments: number, rpmLimit: number, stats: GeminiStats, run: { wallMs: number; jobs: FinishedJob[] }) {
  const costs = run.jobs.map((j) => j.analysis?.cost ?? {});
  const sum = (key: string) => costs.reduce((total, c) => total + (c[key] ?? 0), 0);
  return {
    name,
    comments,
    jobs: run.jobs.length,
    rpmLimit,
    peakRpm: stats.peakRpm,
    wallMs: run.wallMs,
    longestInvocationMs: Math.max(0, ...costs.map((c) => c.longestInvocationMs ?? 0)),
    aiCalls: sum("aiCalls"),
    tasks: sum("tasks"),
    retries: sum("retries"),
    completed: run.jobs.filter((j) => j.job.status === "completed").length,
    failed: run.jobs.filter((j) => j.job.status !== "completed").length,
    rateLimited: Object.entries(stats.outcomes).reduce((sum, [outcome, n]) => sum + (outcome.startsWith("rate_limited") ? n : 0), 0),
  };
}
