// The stuck-job sweep against a backlog: jobs that wait their turn in a paced
// queue are alive however long they wait; only what truly stopped is failed,
// with its quota released once. Time is simulated: the queue dispatches on a
// clock the test moves, and the sweep runs every simulated minute.
import { expect } from "chai";
import { Timestamp } from "firebase-admin/firestore";
import { runBatchTask } from "../../src/analysis/fanout/batchStage";
import type { AnalysisDispatcher } from "../../src/analysis/fanout/dispatch";
import { runFinalizeTask } from "../../src/analysis/fanout/finalizeStage";
import { stageBatches } from "../../src/analysis/fanout/staging";
import type { SourceComment } from "../../src/analysis/commentRecords";
import type { JobDoc } from "../../src/analysis/jobDoc";
import { ingestJob } from "../../src/analysis/pipeline";
import { failStuckJobs } from "../../src/analysis/stuckJobs";
import { db } from "../../src/core/firebase";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { resetFirestore } from "../support/emulators";
import { createJob, localProvider, pipelineDeps, seedUser, standInYouTube, videosUsed } from "../support/pipeline";

const STALL_MS = 2 * 60_000;
const MINUTE = 60_000;

/** A 10,000-comment fan-out already in the queue: its job as the ingest leaves it, and its 200 staged batches. */
async function bigFanout(jobId: string, at: number): Promise<number> {
  const comments: SourceComment[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `${jobId}-${i}`,
    author: `viewer ${i}`,
    text: i % 3 === 0 ? "Great video, thanks!" : i % 3 === 1 ? "What microphone do you use?" : "The audio was too quiet in the second half.",
    likeCount: i % 7,
    replyCount: 0,
    publishedAt: "2026-01-01T00:00:00Z",
    updatedAt: "2026-01-01T00:00:00Z",
    engagement: 1,
    isQuestion: i % 3 === 1,
    isFeedback: i % 3 === 2,
    lowValue: false,
  }));
  const { batches } = await stageBatches(db(), { userId: `owner-${jobId}`, jobId }, comments, 50);
  const ts = Timestamp.fromMillis(at);
  const job: Partial<JobDoc> = {
    userId: `owner-${jobId}`,
    input: { videoUrlOrId: FIXTURE_IDS.demo },
    status: "processing",
    createdAt: ts,
    claimedAt: ts,
    heartbeatAt: ts,
    plan: "business",
    priority: "paid",
    options: { maxComments: 10_000, truncatedToPlanLimit: false, include: { sentiment: true, classification: true, insights: false, summary: false } },
    fanout: { total: batches, done: 0, priority: "paid", enqueuedAt: ts },
    analysisVideo: {
      id: FIXTURE_IDS.demo,
      title: "A long video",
      channelId: "UC-none",
      channelTitle: "Someone",
      description: "",
      publishedAt: "2026-01-01T00:00:00Z",
      thumbnail: null,
      durationSeconds: 600,
      viewCount: 1,
      likeCount: 1,
      commentCount: 10_000,
    },
  };
  await db().doc(`analysis_jobs/${jobId}`).set(job);
  return batches;
}

describe("stuck-job sweep", function () {
  this.timeout(300_000);
  beforeEach(() => resetFirestore());

  it("a job whose first batch waits 15 simulated minutes behind two 10k fan-outs completes and is never swept", async () => {
    const start = Date.now();
    let clock = start;
    const now = () => new Date(clock);
    const queue: Array<{ jobId: string; index: number }> = [];
    const finalizes: string[] = [];
    const dispatcher: AnalysisDispatcher = {
      enqueueBatches: (jobId, indexes) => Promise.resolve(void queue.push(...indexes.map((index) => ({ jobId, index })))),
      enqueueFinalize: (jobId) => Promise.resolve(void finalizes.push(jobId)),
    };
    for (const id of ["big-a", "big-b"]) {
      const batches = await bigFanout(id, clock);
      queue.push(...Array.from({ length: batches }, (_, index) => ({ jobId: id, index })));
    }
    expect(queue).to.have.length(400);

    await seedUser("backlog", "pro");
    const jobId = await createJob("backlog", { videoUrlOrId: FIXTURE_IDS.demo, maxComments: 100 });
    const source = (await pipelineDeps()).source;
    const ingest = await ingestJob({ db: db(), connect: () => Promise.resolve(source), dispatcher, batchSize: 50, now }, jobId);
    expect(ingest.status).to.equal("queued");
    const enqueuedAt = clock;

    const ai = await localProvider();
    const sweeps: Array<{ failed: number; waiting: number }> = [];
    let nextSweep = start + MINUTE;
    const sweepIfDue = async () => {
      while (clock >= nextSweep) {
        sweeps.push(await failStuckJobs(db(), new Date(nextSweep), { stallMs: STALL_MS }));
        nextSweep += MINUTE;
      }
    };
    // The paid queue's pace at 60 RPM: one dispatch every 2.25 s (≈ 27 a minute), in order; the
    // finalize queue runs a job's finalize task as soon as its last batch enqueued it.
    let firstBatchAt: number | undefined;
    while (queue.length > 0 || finalizes.length > 0) {
      const task = queue.shift();
      if (task) {
        clock += 2_250;
        await sweepIfDue();
        if (task.jobId === jobId) firstBatchAt ??= clock;
        await runBatchTask({ db: db(), connect: () => Promise.resolve(ai), dispatcher, now }, task, { retryCount: 0, maxAttempts: 8 });
      }
      for (const id of finalizes.splice(0)) {
        await runFinalizeTask({ db: db(), connect: () => Promise.resolve(ai), youtube: standInYouTube, now }, id, { retryCount: 0, maxAttempts: 8 });
      }
    }

    expect(firstBatchAt! - enqueuedAt).to.be.at.least(15 * MINUTE);
    expect(sweeps.length).to.be.at.least(15);
    expect(sweeps.reduce((n, s) => n + s.failed, 0)).to.equal(0);
    // The sweep saw silent jobs (heartbeat older than its cutoff) and kept them because their queue moves.
    expect(Math.max(...sweeps.map((s) => s.waiting))).to.be.greaterThan(0);
    for (const id of [jobId, "big-a", "big-b"]) {
      expect(((await db().doc(`analysis_jobs/${id}`).get()).data() as JobDoc).status, id).to.equal("completed");
    }
    expect(await videosUsed("backlog")).to.equal(1);
  });

  /** A claimed job of `uid` (one video reserved) in the state given, as a dead or waiting run would leave it. */
  async function claimedJob(uid: string, state: Partial<JobDoc>): Promise<string> {
    await seedUser(uid, "pro", 1);
    const jobId = await createJob(uid, { videoUrlOrId: FIXTURE_IDS.demo });
    const usage = (await db().doc(`users/${uid}/billing/usage`).get()).data()!;
    const reservation = { uid, type: "videos", amount: 1, periodStart: (usage.period_start as Timestamp).toMillis(), used: 1, limit: 20 };
    await db().doc(`analysis_jobs/${jobId}`).update({ status: "processing", reservation, priority: "paid", ...state });
    return jobId;
  }
  const status = async (jobId: string) => ((await db().doc(`analysis_jobs/${jobId}`).get()).data() as JobDoc).status;

  it("fails a fan-out whose queue stopped dispatching, its quota released once; a retry hold keeps one alive", async () => {
    const at = Date.now();
    const silent = Timestamp.fromMillis(at - 5 * MINUTE);
    const fanout = { total: 4, done: 1, priority: "paid" as const, enqueuedAt: silent };
    const stopped = await claimedJob("sweep-stopped", { heartbeatAt: silent, fanout });
    const retrying = await claimedJob("sweep-retrying", { heartbeatAt: silent, fanout, retryHeldUntil: Timestamp.fromMillis(at + 5 * MINUTE) });
    await db().doc("analysis_queues/analyzeCommentBatch").set({ queue: "analyzeCommentBatch", dispatchedAt: Timestamp.fromMillis(at - 3 * MINUTE) });

    const first = await failStuckJobs(db(), new Date(at), { stallMs: STALL_MS });
    expect(first).to.include({ failed: 1, waiting: 1 });
    expect(await status(stopped)).to.equal("failed");
    expect(await status(retrying)).to.equal("processing");
    expect(await videosUsed("sweep-stopped")).to.equal(0);
    // Swept again (a second scheduler run): nothing fails twice, nothing is released twice.
    expect((await failStuckJobs(db(), new Date(at + MINUTE), { stallMs: STALL_MS })).failed).to.equal(0);
    expect(await videosUsed("sweep-stopped")).to.equal(0);
  });

  it("a job that never got a first task is failed once past the trigger's timeout, with its quota released once", async () => {
    const at = Date.now();
    // Staged, but the trigger died before the tasks were enqueued (no enqueuedAt, nothing done).
    const young = await claimedJob("sweep-young", { heartbeatAt: Timestamp.fromMillis(at - 5 * MINUTE), fanout: { total: 2, done: 0, priority: "paid" } });
    const dead = await claimedJob("sweep-dead", { heartbeatAt: Timestamp.fromMillis(at - 11 * MINUTE), fanout: { total: 2, done: 0, priority: "paid" } });
    await db().doc("analysis_queues/analyzeCommentBatch").set({ queue: "analyzeCommentBatch", dispatchedAt: Timestamp.fromMillis(at) });

    const result = await failStuckJobs(db(), new Date(at), { stallMs: STALL_MS });
    expect(result.failed).to.equal(1);
    // The trigger may still be running it (540 s): not judged by the queue, not failed yet.
    expect(await status(young)).to.equal("processing");
    expect(await status(dead)).to.equal("failed");
    expect(await videosUsed("sweep-dead")).to.equal(0);
    await failStuckJobs(db(), new Date(at + 2 * MINUTE), { stallMs: STALL_MS });
    expect(await videosUsed("sweep-dead")).to.equal(0);
    expect(await videosUsed("sweep-young")).to.equal(1);
  });
});
