// The analysis pipeline in-process: the real YouTube client against the
// stand-in, the local AI provider, the Firestore emulator.
import { expect } from "chai";
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { attentionKinds } from "../../src/ai/needsAnswer";
import { failStuckJobs } from "../../src/analysis/stuckJobs";
import { cancelAnalysis, getAnalysis, getAnalysisHistory } from "../../src/analysis/functions";
import { db } from "../../src/core/firebase";
import { findFixture, FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { analysisSchema, storedCommentSchema } from "../support/analysisSchema";
import { resetFirestore } from "../support/emulators";
import { call, callError } from "../support/functions";
import {
  analysesOf,
  createJob,
  localProvider,
  pipelineDeps,
  runAnalysisJob,
  seedUser,
  videosUsed,
  withAnalyze,
  type RunOutcome,
} from "../support/pipeline";

const DEMO = FIXTURE_IDS.demo;

interface JobView {
  status: string;
  progress?: number;
  videoId?: string;
  analysisId?: string;
  cancelRequested?: boolean;
  options?: Record<string, unknown>;
  error: { code: string; message: string; details?: Record<string, unknown> };
}

async function jobData(jobId: string): Promise<JobView> {
  return (await db().doc(`analysis_jobs/${jobId}`).get()).data() as JobView;
}

describe("analysis pipeline (in-process)", function () {
  this.timeout(60_000);
  before(() => resetFirestore());

  it("analyses a video end to end: job completed, analysis matches its schema, quota charged once", async () => {
    await seedUser("creator", "pro");
    const jobId = await createJob("creator", { videoUrlOrId: `https://www.youtube.com/watch?v=${DEMO}&t=42s`, maxComments: 200 });
    const outcome = await runAnalysisJob(await pipelineDeps(), jobId);
    expect(outcome.status).to.equal("completed");
    const job = await jobData(jobId);
    expect(job).to.include({ status: "completed", progress: 1, videoId: DEMO });
    expect(job.analysisId).to.be.a("string");
    expect(await videosUsed("creator")).to.equal(1);

    const snap = await db().doc(`analyses/${job.analysisId!}`).get();
    const analysis = analysisSchema.parse(snap.data());
    expect(analysis.userId).to.equal("creator");
    expect(analysis.counts.analysed).to.be.within(100, 200);
    expect(analysis.counts.spamRemoved).to.be.greaterThan(0);
    expect(analysis.results.sentiment!.total).to.equal(analysis.counts.analysed);
    const shares = Object.values(analysis.results.sentiment!.percentages).reduce((a, b) => a + b, 0);
    expect(shares).to.be.closeTo(100, 1);
    expect(analysis.results.summary!.priorityActions.length).to.be.greaterThan(0);

    // Every comment id cited by insights and summary is a stored comment.
    const chunks = await snap.ref.collection("comments").orderBy("index").get();
    const stored = chunks.docs.flatMap((d) => (d.get("comments") as unknown[]).map((c) => storedCommentSchema.parse(c)));
    // 1 videos + 2 commentThreads pages + one comments.list page per thread that can reach the inbox (question, request,
    // criticism, toxic) with more than five replies and no owner reply among the first five; the other long threads are not read.
    const attention = new Set(stored.filter((c) => attentionKinds(c as Parameters<typeof attentionKinds>[0]).length > 0).map((c) => c.id));
    const long = findFixture(DEMO)!.comments().filter((c) => c.replyCount > 5 && !(c.replies ?? []).some((r) => r.position < 5));
    const replyPages = long.filter((c) => attention.has(c.id)).length;
    expect(replyPages).to.be.greaterThan(0);
    expect(analysis.cost.youtubeUnits).to.equal(3 + replyPages);
    const storedById = new Map(stored.map((c) => [c.id, c as { repliesUnchecked?: boolean }]));
    for (const c of long) if (storedById.has(c.id)) expect(storedById.get(c.id)!.repliesUnchecked === true, c.text).to.equal(!attention.has(c.id));
    expect(stored).to.have.length(analysis.counts.analysed);
    const known = new Set(stored.map((c) => c.id));
    const cited = [
      ...analysis.results.insights!.themes.flatMap((t) => t.commentIds),
      ...analysis.results.summary!.priorityActions.flatMap((a) => a.commentIds),
      ...analysis.results.classification!.topQuestions.map((q) => q.commentId),
    ];
    expect(cited.length).to.be.greaterThan(0);
    for (const id of cited) expect(known.has(id), `cited ${id}`).to.equal(true);
  });

  it("honours the include options and caps comments at the plan's limit", async () => {
    await seedUser("free-user", "free");
    const jobId = await createJob("free-user", {
      videoUrlOrId: DEMO,
      maxComments: 5000,
      include: { sentiment: true, classification: false, insights: false, summary: false },
    });
    expect((await runAnalysisJob(await pipelineDeps(), jobId)).status).to.equal("completed");
    const job = await jobData(jobId);
    expect(job.options).to.deep.include({ maxComments: 100, truncatedToPlanLimit: true });
    const analysis = (await db().doc(`analyses/${job.analysisId!}`).get()).data()!;
    // Toxicity is counted whatever the options: it comes with every per-comment analysis.
    expect(Object.keys(analysis.results as object)).to.deep.equal(["sentiment", "toxicity"]);
    expect((analysis.counts as { fetched: number }).fetched).to.equal(100);
  });

  it("the trigger delivered twice for the same job: one analysis, one charge", async () => {
    await seedUser("twice", "pro");
    const jobId = await createJob("twice", { videoUrlOrId: DEMO, maxComments: 100 });
    const deps = await pipelineDeps();
    const outcomes = await Promise.all([runAnalysisJob(deps, jobId), runAnalysisJob(deps, jobId)]);
    expect(outcomes.map((o) => o.status).sort()).to.deep.equal(["completed", "skipped"]);
    const again = await runAnalysisJob(deps, jobId); // a late redelivery
    expect(again.status).to.equal("skipped");
    expect(await analysesOf("twice")).to.have.length(1);
    expect(await videosUsed("twice")).to.equal(1);
  });

  it("with 3 videos left, 10 concurrent jobs: 3 completed, 7 quota failures, usage exactly at the limit", async () => {
    await seedUser("busy", "starter", 7); // starter: 10 videos
    const jobs = await Promise.all(Array.from({ length: 10 }, () => createJob("busy", { videoUrlOrId: DEMO, maxComments: 50 })));
    const deps = await pipelineDeps();
    const outcomes = await Promise.all(jobs.map((id) => runAnalysisJob(deps, id)));
    const completed = outcomes.filter((o) => o.status === "completed");
    const failed = outcomes.filter((o): o is Extract<RunOutcome, { status: "failed" }> => o.status === "failed");
    expect(completed).to.have.length(3);
    expect(failed).to.have.length(7);
    for (const f of failed) {
      expect(f.error.code).to.equal("resource-exhausted");
      expect(f.error.details).to.deep.include({ error: "quota_exceeded", usage_type: "videos", limit: 10, remaining: 0 });
    }
    expect(await videosUsed("busy")).to.equal(10);
    expect(await analysesOf("busy")).to.have.length(3);
  });

  it("100 job documents created at once by one user: at most the running cap are claimed, the rest fail at once, nothing else charged", async () => {
    await seedUser("flooder", "business");
    const { ingestJob } = await import("../../src/analysis/pipeline");
    const { MAX_ACTIVE_JOBS } = await import("../../src/analysis/activeJobs");
    const jobs = await Promise.all(Array.from({ length: 100 }, () => createJob("flooder", { videoUrlOrId: DEMO, maxComments: 50 })));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let connected = 0;
    const real = (await pipelineDeps()).source;
    const deps = {
      db: db(),
      // The claimed jobs wait here until every claim is decided, so they are all "running" at once.
      connect: async () => {
        connected += 1;
        await held;
        return real;
      },
      dispatcher: { enqueueBatches: () => Promise.resolve(), enqueueFinalize: () => Promise.resolve() },
      batchSize: 50,
    };
    const runs = jobs.map((id) => ingestJob(deps, id));
    let settled = 0;
    for (const run of runs) void run.then(() => (settled += 1));
    for (let waited = 0; settled < 100 - MAX_ACTIVE_JOBS && waited < 40_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    // Every claim is decided while the winners are still running: exactly the cap got through.
    expect(settled).to.equal(100 - MAX_ACTIVE_JOBS);
    expect(connected).to.equal(MAX_ACTIVE_JOBS);
    release();
    const outcomes = await Promise.all(runs);
    const failed = outcomes.filter((o): o is Extract<typeof o, { status: "failed" }> => o.status === "failed");
    expect(failed).to.have.length(100 - MAX_ACTIVE_JOBS);
    expect(new Set(failed.map((f) => f.error.code))).to.deep.equal(new Set(["resource-exhausted"]));
    expect(outcomes.filter((o) => o.status === "queued")).to.have.length(MAX_ACTIVE_JOBS);
    expect(await videosUsed("flooder")).to.equal(MAX_ACTIVE_JOBS);
  });

  it("comment ids the model invents for insights and the summary are dropped; real ones map to stored comments", async () => {
    await seedUser("inventor", "pro");
    const jobId = await createJob("inventor", { videoUrlOrId: DEMO, maxComments: 100 });
    const local = await localProvider();
    const invented = ["c99999", "c-1", "zzz", "", "c0"];
    const lying: typeof local = {
      ...withAnalyze(local, (batch, video) => local.analyzeComments(batch, video)),
      generateInsights: async (input) => {
        const real = await local.generateInsights(input);
        return {
          ...real,
          value: {
            ...real.value,
            themes: [{ name: "Invented", description: "d", sentiment: "neutral", commentIds: invented, mentions: 5 }],
            contentIdeas: [{ title: "An idea", rationale: "r", commentIds: invented }],
          },
        };
      },
      summarize: async (input) => {
        const real = await local.summarize(input);
        return { ...real, value: { ...real.value, priorityActions: [{ action: "Act", reason: "r", priority: "high", commentIds: invented }] } };
      },
    };
    const outcome = await runAnalysisJob(await pipelineDeps({ ai: lying }), jobId);
    expect(outcome.status).to.equal("completed");
    const analysis = (await db().doc(`analyses/${jobId}`).get()).data()!;
    const chunks = await db().collection(`analyses/${jobId}/comments`).orderBy("index").get();
    const first = (chunks.docs[0].get("comments") as Array<{ id: string }>)[0].id;
    const results = analysis.results as {
      insights: { themes: Array<{ commentIds: string[] }>; contentIdeas: Array<{ commentIds: string[] }> };
      summary: { priorityActions: Array<{ action: string; commentIds: string[] }> };
    };
    expect(results.insights.themes[0].commentIds).to.deep.equal([first]);
    expect(results.insights.contentIdeas[0].commentIds).to.deep.equal([first]);
    expect(results.summary.priorityActions.find((a) => a.action === "Act")!.commentIds).to.deep.equal([first]);
  });

  describe("failures leave no analysis and give the quota back", () => {
    async function expectFailed(uid: string, outcome: RunOutcome, jobId: string, code: string, message: RegExp) {
      expect(outcome.status).to.equal("failed");
      const job = await jobData(jobId);
      expect(job.status).to.equal("failed");
      expect(job.error.code).to.equal(code);
      expect(job.error.message).to.match(message);
      expect(await videosUsed(uid)).to.equal(0);
      expect(await analysesOf(uid)).to.have.length(0);
    }

    it("YouTube: comments disabled", async () => {
      await seedUser("yt-fail", "pro");
      const jobId = await createJob("yt-fail", { videoUrlOrId: FIXTURE_IDS.commentsDisabled });
      await expectFailed("yt-fail", await runAnalysisJob(await pipelineDeps(), jobId), jobId, "failed-precondition", /comments/i);
    });

    it("YouTube: down after retries", async () => {
      await seedUser("yt-down", "pro");
      const jobId = await createJob("yt-down", { videoUrlOrId: FIXTURE_IDS.unavailable });
      await expectFailed("yt-down", await runAnalysisJob(await pipelineDeps(), jobId), jobId, "unavailable", /YouTube/i);
    });

    it("AI: the provider fails", async () => {
      await seedUser("ai-fail", "pro");
      const jobId = await createJob("ai-fail", { videoUrlOrId: DEMO, maxComments: 100 });
      const { AiUnavailableError } = await import("../../src/ai/errors");
      const local = await localProvider();
      let calls = 0;
      const flaky = withAnalyze(local, (batch, video) =>
        ++calls === 2 ? Promise.reject(new AiUnavailableError("server_error", 503)) : local.analyzeComments(batch, video),
      );
      const outcome = await runAnalysisJob(await pipelineDeps({ ai: flaky, concurrency: 1 }), jobId);
      await expectFailed("ai-fail", outcome, jobId, "unavailable", /AI service/i);
    });

    it("Firestore: the chunk writes fail", async () => {
      await seedUser("fs-fail", "pro");
      const jobId = await createJob("fs-fail", { videoUrlOrId: DEMO, maxComments: 100 });
      const outcome = await runAnalysisJob(await pipelineDeps({ db: failingBatches(db(), (path) => path.startsWith("analyses/")) }), jobId);
      await expectFailed("fs-fail", outcome, jobId, "unavailable", /database was unavailable/);
      expect((await db().collectionGroup("comments").where("jobId", "==", jobId).get()).size).to.equal(0);
    });

    it("Firestore: the final commit itself fails after every chunk is written: no chunk is left behind", async () => {
      await seedUser("fs-final", "pro");
      const jobId = await createJob("fs-final", { videoUrlOrId: DEMO, maxComments: 200 });
      // Only the commit that writes the analysis document (analyses/{id}, not its chunks) fails.
      const outcome = await runAnalysisJob(await pipelineDeps({ db: failingBatches(db(), (path) => /^analyses\/[^/]+$/.test(path)) }), jobId);
      await expectFailed("fs-final", outcome, jobId, "unavailable", /database was unavailable/);
      expect((await db().collectionGroup("comments").where("jobId", "==", jobId).get()).size).to.equal(0);
      expect((await db().collection(`analysis_jobs/${jobId}/batches`).get()).size).to.equal(0);
    });

    it("a client-written job with bad input fails with the field named, charging nothing", async () => {
      await seedUser("bad-input", "pro");
      const jobId = await createJob("bad-input", { videoUrlOrId: "https://vimeo.com/123" });
      await expectFailed("bad-input", await runAnalysisJob(await pipelineDeps(), jobId), jobId, "invalid-argument", /^videoUrlOrId: /);
    });
  });

  describe("cancellation", () => {
    it("cancels a pending job before it runs", async () => {
      await seedUser("cancel-pending", "pro");
      const jobId = await createJob("cancel-pending", { videoUrlOrId: DEMO });
      const result = await call(cancelAnalysis, { jobId }, { uid: "cancel-pending" });
      expect(result).to.deep.equal({ jobId, status: "cancelled" });
      expect((await runAnalysisJob(await pipelineDeps(), jobId)).status).to.equal("skipped");
      expect((await jobData(jobId)).status).to.equal("cancelled");
      expect(await videosUsed("cancel-pending")).to.equal(0);
    });

    it("cancelled in the middle of its batches: cancelled at once, the quota released once, no analysis", async () => {
      await seedUser("cancel-running", "pro", 2);
      const jobId = await createJob("cancel-running", { videoUrlOrId: DEMO, maxComments: 200 });
      const local = await localProvider();
      const slowAi = withAnalyze(local, async (batch, video) => {
        if ((await jobData(jobId)).cancelRequested !== true) await call(cancelAnalysis, { jobId }, { uid: "cancel-running" });
        return local.analyzeComments(batch, video);
      });
      const outcome = await runAnalysisJob(await pipelineDeps({ ai: slowAi, concurrency: 1 }), jobId);
      expect(outcome.status).to.equal("cancelled");
      expect((await jobData(jobId)).status).to.equal("cancelled");
      // Seeded with 2 used: a second release would show 0.
      expect(await videosUsed("cancel-running")).to.equal(2);
      expect(await analysesOf("cancel-running")).to.have.length(0);
    });

    it("refuses to cancel a finished job, and someone else's", async () => {
      await seedUser("cancel-done", "pro");
      const jobId = await createJob("cancel-done", { videoUrlOrId: DEMO, maxComments: 50 });
      await runAnalysisJob(await pipelineDeps(), jobId);
      expect((await callError(call(cancelAnalysis, { jobId }, { uid: "cancel-done" }))).code).to.equal("failed-precondition");
      expect((await callError(call(cancelAnalysis, { jobId }, { uid: "intruder" }))).code).to.equal("not-found");
    });
  });

  it("a job stuck in processing past the timeout is failed by the sweep, and its quota released", async () => {
    await seedUser("stuck", "pro", 1);
    const jobId = await createJob("stuck", { videoUrlOrId: DEMO });
    const { Timestamp } = await import("firebase-admin/firestore");
    const old = Timestamp.fromMillis(Date.now() - 20 * 60_000);
    const usage = (await db().doc("users/stuck/billing/usage").get()).data()!;
    await db()
      .doc(`analysis_jobs/${jobId}`)
      .update({
        status: "processing",
        heartbeatAt: old,
        reservation: { uid: "stuck", type: "videos", amount: 1, periodStart: (usage.period_start as { toMillis(): number }).toMillis(), used: 1, limit: 20 },
      });
    const result = await failStuckJobs(db(), new Date(), { stallMs: 10 * 60_000 });
    expect(result.failed).to.be.greaterThanOrEqual(1);
    const job = await jobData(jobId);
    expect(job.status).to.equal("failed");
    expect(job.error.code).to.equal("deadline-exceeded");
    expect(await videosUsed("stuck")).to.equal(0);
  });

  it("getAnalysis is owner-only; history pages newest first", async () => {
    await seedUser("historian", "pro");
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const jobId = await createJob("historian", { videoUrlOrId: DEMO, maxComments: 30 });
      const outcome = await runAnalysisJob(await pipelineDeps(), jobId);
      if (outcome.status === "completed") ids.push(outcome.analysisId);
    }
    const own = await call(getAnalysis, { analysisId: ids[0], includeComments: true, commentLimit: 5 }, { uid: "historian" });
    expect(own.analysis.id).to.equal(ids[0]);
    expect(own.comments).to.have.length(5);
    expect((own.analysis as unknown as { completedAt: string }).completedAt).to.match(/^\d{4}-\d\d-\d\dT/);
    expect((await callError(call(getAnalysis, { analysisId: ids[0] }, { uid: "someone-else" }))).code).to.equal("not-found");
    expect((await callError(call(getAnalysis, { analysisId: "nope" }, { uid: "historian" }))).code).to.equal("not-found");

    const first = await call(getAnalysisHistory, { limit: 2 }, { uid: "historian" });
    expect(first.analyses.map((a) => a.id)).to.deep.equal([ids[2], ids[1]]);
    expect(first.nextCursor).to.equal(ids[1]);
    const second = await call(getAnalysisHistory, { limit: 2, cursor: first.nextCursor! }, { uid: "historian" });
    expect(second.analyses.map((a) => a.id)).to.deep.equal([ids[0]]);
    expect(second.nextCursor).to.equal(null);
  });
});

/**
 * The Firestore handle with every batch that writes a document whose path
 * `fails` failing to commit, as when the database is unavailable (gRPC 14).
 * Other writes (the job's claim, progress, its final status) go through.
 */
function failingBatches(real: Firestore, fails: (path: string) => boolean): Firestore {
  const bind = (target: object, prop: string | symbol, receiver: unknown) => {
    const value = Reflect.get(target, prop, receiver) as unknown;
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  };
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop !== "batch") return bind(target, prop, receiver);
      return () => {
        const batch = target.batch();
        let touchesAnalyses = false;
        return new Proxy(batch, {
          get(b, p, r) {
            if (p === "commit" && touchesAnalyses) {
              return () => Promise.reject(Object.assign(new Error("14 UNAVAILABLE: injected"), { code: 14 }));
            }
            if (p === "set" || p === "create" || p === "update") {
              return (ref: DocumentReference, ...rest: unknown[]) => {
                if (fails(ref.path)) touchesAnalyses = true;
                return (b[p] as (...a: unknown[]) => unknown).call(b, ref, ...rest);
              };
            }
            return bind(b, p, r);
          },
        });
      };
    },
  });
}
