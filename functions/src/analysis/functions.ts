import { onCall } from "firebase-functions/v2/https";
import { authed, contractOf } from "../core/callable";
import { failedPrecondition } from "../core/errors";
import { ownedDoc } from "../core/ownership";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";

const contract = contractOf(() => import("../contracts/analysis"));
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
