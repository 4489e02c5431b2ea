// Stage 2 of an analysis: one task per batch of comments (one AI call). Two
// queues run the same handler: paid plans' batches dispatch at the larger
// share of the project's AI quota, free plans' at the smaller one.
import { onTaskDispatched, type Request } from "firebase-functions/v2/tasks";
import { db } from "../core/firebase";
import { AI_BATCH_CONCURRENCY, GEMINI_API_KEY } from "../ai/config";
import type { BatchTaskData } from "./fanout/dispatch";
import { ANALYSIS_TASK_MAX_ATTEMPTS, batchDispatchRates, retryConfig, type Priority } from "./fanout/queues";

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
