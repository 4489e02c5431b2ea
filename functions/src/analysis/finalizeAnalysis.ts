// Stage 3 of an analysis: the threads whose owner reply matters, insights,
// the executive summary and the stored analysis, enqueued by the batch that
// completed the set.
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { GEMINI_API_KEY } from "../ai/config";
import { db } from "../core/firebase";
import { YOUTUBE_API_KEY } from "../youtube/config";
import type { FinalizeTaskData } from "./fanout/dispatch";
import { ANALYSIS_TASK_MAX_ATTEMPTS, retryConfig } from "./fanout/queues";

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
