// Runs the analysis when a job document appears, whoever wrote it
// (startAnalysis or the web app directly). Delivered at least once: the
// pipeline claims the job by its status before any work, so a redelivered or
// retried event does nothing and never charges twice.
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { AI_BATCH_CONCURRENCY, GEMINI_API_KEY } from "../ai/config";
import { db } from "../core/firebase";
import { YOUTUBE_API_KEY } from "../youtube/config";
import { ANALYSIS_BATCH_SIZE, ANALYSIS_TIMEOUT_SECONDS } from "./limits";

export const onAnalysisJobCreated = onDocumentCreated(
  {
    document: "analysis_jobs/{jobId}",
    retry: true,
    timeoutSeconds: ANALYSIS_TIMEOUT_SECONDS,
    memory: "1GiB",
    secrets: [YOUTUBE_API_KEY, GEMINI_API_KEY],
  },
  async (event) => {
    const [{ createAiProvider }, { youtubeService }, { runAnalysisJob }, { youtubeCommentSource }] = await Promise.all([
      import("../ai/provider"),
      import("../youtube/ingest"),
      import("./pipeline"),
      import("./youtubeSource"),
    ]);
    const firestore = db();
    await runAnalysisJob(
      {
        db: firestore,
        source: youtubeCommentSource(firestore, await youtubeService()),
        ai: await createAiProvider(),
        batchSize: ANALYSIS_BATCH_SIZE.value(),
        concurrency: AI_BATCH_CONCURRENCY.value(),
      },
      event.params.jobId,
    );
  },
);
