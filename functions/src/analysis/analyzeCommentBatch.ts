// Stage 2 of an analysis: one task per batch of comments (one AI call). Two
// queues run the same handler: paid plans' batches dispatch at the larger
// share of the project's AI quota, free plans' at the smaller one.
import { onTaskDispatched, type Request } from "firebase-functions/v2/tasks";
import { z } from "zod";
import { db } from "../core/firebase";
import { AI_BATCH_CONCURRENCY, GEMINI_API_KEY } from "../ai/config";
import type { BatchTaskData } from "./fanout/dispatch";
import { ANALYSIS_TASK_MAX_ATTEMPTS, batchDispatchRates, retryConfig, type Priority } from "./fanout/queues";

const payload = z.object({ jobId: z.string().min(1).max(200), index: z.number().int().min(0).max(100_000) }).strict();
const rates = batchDispatchRates();

async function handle(req: Request<BatchTaskData>): Promise<void> {
  const data = payload.parse(req.data);
  const [{ runBatchTask }, { cloudTasksDispatcher }, { taskAiProvider }] = await Promise.all([
    import("./fanout/batchStage"),
    import("./fanout/dispatch"),
    import("./taskProvider"),
  ]);
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
