// The analysis fan-out through the real Cloud Tasks emulator: the trigger
// enqueues batch tasks, the Functions emulator runs them within the queue's
// rate and redelivers a failing one per its retryConfig, the last batch
// enqueues the finalize task. Gemini is the stand-in, reached by @google/genai,
// with failures scripted mid-run.
import { expect } from "chai";
import { deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { getFunctions } from "firebase-admin/functions";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { newUsage, usageRef } from "../../src/core/planUsage";
import type { JobDoc } from "../../src/analysis/jobDoc";
import { signUp, type WebClient } from "../support/client";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";
import { standIn } from "../support/gemini";

const DEMO = FIXTURE_IDS.demo;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("e2e: analysis fan-out on the Cloud Tasks emulator", function () {
  this.timeout(180_000);
  let app: App;
  let admin: Firestore;
  let creator: WebClient;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    app = initializeApp({ projectId: STACK_PROJECT }, "fanout-e2e-admin");
    admin = getFirestore(app);
    creator = await signUp();
    await creator.call("getMe");
  });
  beforeEach(async () => {
    await standIn.reset();
    // A Pro creator who already used one video this month: a double release would show 0.
    await admin.doc(`users/${creator.user.uid}`).update({ plan: "pro" });
    const usage = newUsage("pro", new Date());
    usage.counters.videos = 1;
    await usageRef(admin, creator.user.uid).set(usage);
  });
  after(async () => {
    await standIn.reset();
    await creator.close();
    await deleteApp(app);
  });

  const job = async (jobId: string) => (await admin.doc(`analysis_jobs/${jobId}`).get()).data() as JobDoc;
  const videosUsed = async () => (await usageRef(admin, creator.user.uid).get()).data()!.counters.videos;
  interface AnalysisView {
    cost: { retries: number; tasks: number };
    completedAt: { toMillis(): number };
  }
  const analysisOf = async (id: string) => (await admin.doc(`analyses/${id}`).get()).data() as AnalysisView;
  const analyses = async () => (await admin.collection("analyses").where("userId", "==", creator.user.uid).get()).docs;

  async function until(jobId: string, done: (j: JobDoc) => boolean, timeoutMs = 120_000): Promise<JobDoc> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await job(jobId);
      if (current && done(current)) return current;
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${current?.status} (${JSON.stringify(current?.fanout)})`);
      await sleep(200);
    }
  }
  const finished = (jobId: string) => until(jobId, (j) => ["completed", "failed", "cancelled"].includes(j.status));
  const start = async (maxComments = 300) =>
    (await creator.call<{ jobId: string }>("startAnalysis", { videoUrlOrId: DEMO, maxComments })).jobId;

  it("a batch answered 429 twice is retried by the queue and the job completes, charged once", async () => {
    await standIn.script({ responses: [{ status: 429, retryDelaySeconds: 1 }, { status: 429, retryDelaySeconds: 1 }] });
    const jobId = await start();
    const done = await finished(jobId);
    expect(done.status, JSON.stringify(done.error)).to.equal("completed");
    const stats = await standIn.stats();
    expect(stats.outcomes["429"]).to.equal(2);
    const analysis = await analysisOf(done.analysisId!);
    expect(analysis.cost.retries).to.equal(2);
    expect(analysis.cost.tasks).to.equal(done.fanout!.total + 1);
    expect(await videosUsed()).to.equal(2);
  });

  it("every batch task delivered twice: one result per batch, one analysis, one charge", async () => {
    // Slow batches, so that the second deliveries meet the first ones at work.
    await standIn.script({ rules: [{ whenContains: "I Built a $500 Home Studio", reply: { delayMs: 1000 } }] });
    const jobId = await start();
    const fanned = await until(jobId, (j) => j.fanout !== undefined || ["completed", "failed", "cancelled"].includes(j.status));
    const queue = getFunctions(app).taskQueue("analyzeCommentBatch");
    // Second deliveries of the same payloads (task names of their own, as a redelivery would have).
    await Promise.all(
      Array.from({ length: fanned.fanout!.total }, (_, index) => queue.enqueue({ jobId, index }, { id: `${jobId}-again-${index}` })),
    );
    const done = await finished(jobId);
    expect(done.status, JSON.stringify(done.error)).to.equal("completed");
    expect(done.fanout!.done).to.equal(done.fanout!.total);
    expect((await analyses()).filter((d) => d.get("jobId") === jobId)).to.have.length(1);
    expect(await videosUsed()).to.equal(2);
  });

  it("cancelled in the middle of its batches: cancelled, the quota released once, no analysis visible", async () => {
    await standIn.script({ rules: [{ whenContains: "I Built a $500 Home Studio", reply: { delayMs: 1500 } }] });
    const before = (await analyses()).length;
    const jobId = await start();
    await until(jobId, (j) => (j.fanout?.done ?? 0) >= 1 || ["completed", "failed", "cancelled"].includes(j.status));
    const current = await job(jobId);
    expect(current.fanout!.done).to.be.lessThan(current.fanout!.total);
    const result = await creator.call<{ status: string }>("cancelAnalysis", { jobId });
    expect(result.status).to.equal("cancelled");
    await sleep(5_000); // the batches in flight finish, the queued ones start and stop
    expect((await job(jobId)).status).to.equal("cancelled");
    expect(await videosUsed()).to.equal(1);
    expect(await analyses()).to.have.length(before);
    expect((await admin.doc(`analyses/${jobId}`).get()).exists).to.equal(false);
  });

  it("batches failing past their retries: the job fails with a clear error, the quota released once", async () => {
    await standIn.script({ rules: [{ whenContains: "I Built a $500 Home Studio", reply: { status: 503 } }] });
    const before = (await analyses()).length;
    const jobId = await start();
    const done = await finished(jobId);
    expect(done.status).to.equal("failed");
    expect(done.error!.code).to.equal("unavailable");
    expect(done.error!.message).to.match(/AI service/i);
    expect(await videosUsed()).to.equal(1);
    expect(await analyses()).to.have.length(before);
    const stats = await standIn.stats();
    expect(stats.requests).to.be.at.least(4); // 4 attempts (ANALYSIS_TASK_MAX_ATTEMPTS in the test stack) of at least one batch
  });

  it("the finalize task failing mid-way and redelivered, then delivered again: one analysis", async () => {
    await standIn.script({ rules: [{ whenContains: "Write an executive summary", reply: { status: 500 }, times: 1 }] });
    const jobId = await start();
    const done = await finished(jobId);
    expect(done.status, JSON.stringify(done.error)).to.equal("completed");
    const first = await analysisOf(jobId);
    expect(first.cost.retries).to.equal(1);
    await getFunctions(app).taskQueue("finalizeAnalysis").enqueue({ jobId }, { id: `${jobId}-finalize-again` });
    await sleep(3_000);
    const again = await analysisOf(jobId);
    expect(again.completedAt.toMillis()).to.equal(first.completedAt.toMillis());
    expect((await analyses()).filter((d) => d.get("jobId") === jobId)).to.have.length(1);
    expect(await videosUsed()).to.equal(2);
    expect((await admin.collection(`analysis_jobs/${jobId}/batches`).get()).size).to.equal(0);
  });
});
