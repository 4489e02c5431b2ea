// Runs the first stage of an analysis when a job document appears, whoever
// wrote it (startAnalysis or the web app directly): claims the job with its
// quota before any client is built, fetches and filters the comments, and
// fans the AI work out to the batch task queue. Delivered at least once: the
// claim makes a redelivered event do nothing.
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { db } from "../core/firebase";
import { YOUTUBE_API_KEY } from "../youtube/config";
import { ANALYSIS_BATCH_SIZE, ANALYSIS_TIMEOUT_SECONDS } from "./limits";

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
