// The channel over time (docs/channel.md): watching sources, the schedule
// that enqueues one sync per due source, the sync task, and the sync jobs'
// finalize (the batches in between are the analysis' own batch tasks).
import { logger } from "firebase-functions/logger";
import { onCall } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";
import { YOUTUBE_API_KEY } from "../youtube/config";
import { parseVideoId } from "../youtube/videoInput";
import { ANALYSIS_BATCH_SIZE } from "../analysis/limits";
import { ANALYSIS_TASK_MAX_ATTEMPTS, retryConfig } from "../analysis/fanout/queues";
import type { SyncTaskData } from "./run";

const contract = contractOf(() => import("../contracts/sync"));
const sources = lazy(() => import("./sources"));

export const watchChannel = onCall(
  authed(contract("watchChannelRequest"), async (_input, { uid }) => {
    const s = await sources();
    const { sourceId, ...source } = await s.watchChannel(db(), uid);
    return { source: s.sourceView(sourceId, source) };
  }),
);

export const watchVideo = onCall(
  authed(contract("watchVideoRequest"), async (input, { uid }) => {
    const s = await sources();
    const { sourceId, ...source } = await s.watchVideo(db(), uid, parseVideoId(input.videoUrlOrId, "videoUrlOrId"));
    return { source: s.sourceView(sourceId, source) };
  }),
);

export const unwatch = onCall(authed(contract("unwatchRequest"), async ({ sourceId }, { uid }) => (await sources()).unwatch(db(), uid, sourceId)));

export const getWatched = onCall(authed(contract("getWatchedRequest"), async (_input, { uid }) => (await sources()).getWatched(db(), uid)));

// Every 15 minutes: one sync task per due source (named after source + window: enqueued once).
export const scheduleSyncs = onSchedule({ schedule: "every 15 minutes", timeoutSeconds: 300 }, async () => {
  const { enqueueDueSyncs, cloudTasksSyncDispatcher } = await import("./schedule");
  const result = await enqueueDueSyncs(db(), await cloudTasksSyncDispatcher());
  logger.info("syncs enqueued", result);
});

// One sync of one source: list newest-first to the mark, filter, hand the new comments to the batch tasks.
export const syncSource = onTaskDispatched<SyncTaskData>(
  { retryConfig: retryConfig(), rateLimits: { maxConcurrentDispatches: 4, maxDispatchesPerSecond: 2 }, timeoutSeconds: 540, memory: "1GiB", secrets: [YOUTUBE_API_KEY] },
  async (req) => {
    const [{ runSyncTask }, { cloudTasksDispatcher }, { youtubeService }, { youtubeBudget }, { syncTaskPayload }] = await Promise.all([
      import("./run"),
      import("../analysis/fanout/dispatch"),
      import("../youtube/ingest"),
      import("../core/budgets/youtubeBudget"),
      import("./payloads"),
    ]);
    const firestore = db();
    await runSyncTask(
      {
        db: firestore,
        youtube: youtubeService,
        meter: (userId, plan) => youtubeBudget.meter(firestore, { userId, plan: plan as "free", purpose: "analysis" }),
        dispatcher: await cloudTasksDispatcher(),
        batchSize: ANALYSIS_BATCH_SIZE.value(),
      },
      syncTaskPayload.parse(req.data),
    );
  },
);

// The sync jobs' finalize: comments and aggregates committed in groups, the observers, the mark.
export const finalizeSync = onTaskDispatched<{ jobId: string }>(
  { retryConfig: retryConfig(), rateLimits: { maxConcurrentDispatches: 4 }, timeoutSeconds: 540, memory: "1GiB" },
  async (req) => {
    const [{ runSyncFinalize }, { finalizeTaskPayload }] = await Promise.all([import("./finalize"), import("../analysis/fanout/dispatch")]);
    const { jobId } = finalizeTaskPayload.parse(req.data);
    logger.info("sync finalize", { jobId, attempt: req.retryCount + 1, maxAttempts: ANALYSIS_TASK_MAX_ATTEMPTS.value() });
    await runSyncFinalize({ db: db() }, jobId);
  },
);
