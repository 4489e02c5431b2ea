// The analysis' deployed functions, in the order a job meets them: the
// callable that writes the job, the trigger that claims and ingests it, the
// batch and finalize task queues, the owner's reads and cancel, and the sweep.
// Each loads its service on its first call.
import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { onCall } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onTaskDispatched, type Request } from "firebase-functions/v2/tasks";
import { AI_BATCH_CONCURRENCY, GEMINI_API_KEY } from "../ai/config";
import { authed, contractOf } from "../core/callable";
import { failedPrecondition, invalidArgument } from "../core/errors";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";
import { ownedDoc } from "../core/ownership";
import { YOUTUBE_API_KEY } from "../youtube/config";
import { parseVideoId } from "../youtube/videoInput";
import type { BatchTaskData, FinalizeTaskData } from "./fanout/dispatch";
import { ANALYSIS_TASK_MAX_ATTEMPTS, batchDispatchRates, retryConfig, type Priority } from "./fanout/queues";
import { ANALYSIS_BATCH_SIZE, ANALYSIS_STALL_SECONDS, ANALYSIS_TIMEOUT_SECONDS } from "./limits";

const contract = contractOf(() => import("../contracts/analysis"));

// startAnalysis: validates the request, answers fast when the video or the
// quota rules it out, and writes the job document. The trigger does the work.
export const startAnalysis = onCall(
  { secrets: [YOUTUBE_API_KEY], consumeAppCheckToken: true },
  authed(contract("startAnalysisRequest"), async (input, { uid }) => {
    const videoId = parseVideoId(input.videoUrlOrId, "videoUrlOrId");
    const [{ lookupDepsFromParams, startLookup }, { assertAvailable, currentUsage, usageDocs }, { readSettings }, { resolveOptions }] = await Promise.all([
      import("../youtube/lookups"),
      import("../core/quota"),
      import("../domain/settings"),
      import("../domain/analysisRequest"),
    ]);
    const { meter } = await startLookup(lookupDepsFromParams(db()), uid);
    // The trigger decides again when it claims the job; this is the fast answer.
    const [usageSnap, profileSnap] = await db().getAll(...usageDocs(db(), uid));
    const { usage } = currentUsage(usageSnap, profileSnap, new Date());
    const { problem } = resolveOptions(input, readSettings(profileSnap.get("settings")).defaultAnalysis, usage.limits.comments_per_video);
    if (problem) throw invalidArgument(problem.field, problem.why);
    assertAvailable(usage, "videos", 1);
    const { checkVideoForAnalysis } = await import("./videoCheck");
    const video = await checkVideoForAnalysis(db(), videoId, meter);
    const ref = db().collection("analysis_jobs").doc();
    await ref.set({
      userId: uid,
      input,
      status: "pending",
      createdAt: FieldValue.serverTimestamp(),
      source: "callable",
      videoId,
      video: { title: video.title, thumbnail: video.thumbnail, commentCount: video.commentCount },
      progress: 0,
      currentStep: "Waiting to start",
    });
    return { jobId: ref.id, videoId, video };
  }, { consumesAppCheck: true }),
);

// Runs the first stage of an analysis when a job document appears, whoever
// wrote it (startAnalysis or the web app directly): claims the job with its
// quota before any client is built, fetches and filters the comments, and
// fans the AI work out to the batch task queue. Delivered at least once: the
// claim makes a redelivered event do nothing.
export const onAnalysisJobCreated = onDocumentCreated(
  {
    document: "analysis_jobs/{jobId}",
    retry: true,
    timeoutSeconds: ANALYSIS_TIMEOUT_SECONDS,
    memory: "1GiB",
    secrets: [YOUTUBE_API_KEY],
  },
  async (event) => {
    const [{ ingestJob }, { cloudTasksDispatcher }] = await Promise.all([import("./pipeline"), import("./fanout/dispatch")]);
    const firestore = db();
    await ingestJob(
      {
        db: firestore,
        connect: async (job) => {
          const [{ youtubeService }, { youtubeCommentSource }] = await Promise.all([import("../youtube/ingest"), import("./youtubeSource")]);
          return youtubeCommentSource(firestore, await youtubeService(), undefined, { userId: job.userId, plan: job.plan ?? "free" });
        },
        dispatcher: await cloudTasksDispatcher(),
        batchSize: ANALYSIS_BATCH_SIZE.value(),
      },
      event.params.jobId,
    );
  },
);

// Stage 2 of an analysis: one task per batch of comments (one AI call). Two
// queues run the same handler: paid plans' batches dispatch at the larger
// share of the project's AI quota, free plans' at the smaller one.
const rates = batchDispatchRates();

async function handle(req: Request<BatchTaskData>): Promise<void> {
  const [{ runBatchTask }, { batchTaskPayload, cloudTasksDispatcher }, { taskAiProvider }] = await Promise.all([
    import("./fanout/batchStage"),
    import("./fanout/dispatch"),
    import("./taskProvider"),
  ]);
  const data = batchTaskPayload.parse(req.data);
  await runBatchTask({ db: db(), connect: () => taskAiProvider("batch"), dispatcher: await cloudTasksDispatcher() }, data, {
    retryCount: req.retryCount,
    maxAttempts: ANALYSIS_TASK_MAX_ATTEMPTS.value(),
  });
}

function batchQueue(priority: Priority) {
  return onTaskDispatched<BatchTaskData>(
    {
      retryConfig: retryConfig(),
      rateLimits: { maxDispatchesPerSecond: rates[priority], maxConcurrentDispatches: AI_BATCH_CONCURRENCY },
      timeoutSeconds: 300,
      memory: "512MiB",
      secrets: [GEMINI_API_KEY],
    },
    handle,
  );
}

export const analyzeCommentBatch = batchQueue("paid");
export const analyzeCommentBatchFree = batchQueue("free");

// Stage 3 of an analysis: the threads whose owner reply matters, insights,
// the executive summary and the stored analysis, enqueued by the batch that
// completed the set.
export const finalizeAnalysis = onTaskDispatched<FinalizeTaskData>(
  {
    retryConfig: retryConfig(),
    rateLimits: { maxConcurrentDispatches: 4 },
    timeoutSeconds: 900,
    memory: "1GiB",
    secrets: [GEMINI_API_KEY, YOUTUBE_API_KEY],
  },
  async (req) => {
    const [{ runFinalizeTask }, { finalizeTaskPayload }, { taskAiProvider }] = await Promise.all([
      import("./fanout/finalizeStage"),
      import("./fanout/dispatch"),
      import("./taskProvider"),
    ]);
    const { jobId } = finalizeTaskPayload.parse(req.data);
    const youtube = async () => (await import("../youtube/ingest")).youtubeService();
    await runFinalizeTask({ db: db(), connect: () => taskAiProvider("finalize"), youtube }, jobId, {
      retryCount: req.retryCount,
      maxAttempts: ANALYSIS_TASK_MAX_ATTEMPTS.value(),
    });
  },
);

// getAnalysis, getAnalysisHistory, cancelAnalysis: the owner's completed analyses and running jobs.
const queries = lazy(() => import("./queries"));

export const getAnalysis = onCall(
  authed(
    contract("getAnalysisRequest"),
    async (input, { uid }) =>
      (await queries()).getAnalysis(db(), uid, input.analysisId, {
        includeComments: input.includeComments ?? false,
        commentLimit: input.commentLimit ?? 10_000,
        toxic: input.toxic,
      }),
  ),
);

export const getAnalysisHistory = onCall(
  authed(contract("getAnalysisHistoryRequest"), async (input, { uid }) => (await queries()).getAnalysisHistory(db(), uid, input.limit ?? 20, input.cursor)),
);

export const cancelAnalysis = onCall(
  authed(contract("cancelAnalysisRequest"), async ({ jobId }, { uid }) => {
    const ref = db().collection("analysis_jobs").doc(jobId);
    await ownedDoc(ref, uid, "Analysis job");
    const { cancelJob } = await import("./jobLifecycle");
    const result = await cancelJob(db(), ref, uid);
    if (result.status === "final") {
      throw failedPrecondition(`The analysis is already ${result.current} and can no longer be cancelled.`, { status: result.current });
    }
    // Comments staged for its batches are not needed any more (tasks still queued find the job cancelled).
    await (await import("./fanout/staging")).discardStaging(db(), jobId).catch(() => undefined);
    return { jobId, status: result.status };
  }),
);

// A job whose trigger or tasks died (crash, timeout, a fan-out that stalls)
// would stay `processing` forever and hold the owner's quota. Every 10
// minutes, jobs that show no sign of life for ANALYSIS_STALL_SECONDS (no
// heartbeat, no retry hold, and a queue that has not dispatched: a job
// waiting its turn in a moving queue is alive) are failed and their quota
// given back; so are jobs whose ingest went silent past the trigger's timeout
// and jobs still `pending` that long (stuckJobs.ts).
export const sweepStuckAnalyses = onSchedule({ schedule: "every 10 minutes", timeoutSeconds: 300 }, async () => {
  const result = await (await import("./stuckJobs")).failStuckJobs(db(), new Date(), { stallMs: ANALYSIS_STALL_SECONDS.value() * 1000 });
  logger.info("stuck analysis sweep", result);
});
