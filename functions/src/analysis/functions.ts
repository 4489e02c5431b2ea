import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { authed } from "../core/callable";
import { failedPrecondition, notFound, permissionDenied } from "../core/errors";
import { db } from "../core/firebase";
import { docId, pageInput } from "../core/schemas";
import { discardStaging } from "./fanout/staging";
import { cancelJob } from "./jobLifecycle";
import * as queries from "./queries";

export const getAnalysis = onCall(
  authed(
    z.strictObject({
      analysisId: docId,
      includeComments: z.boolean().optional(),
      commentLimit: z.number().int("must be a whole number").min(1, "must be at least 1").max(10_000, "must be at most 10000").optional(),
      toxic: z.boolean({ error: "must be true (only toxic comments) or false (only the others)" }).optional(),
    }),
    (input, { uid }) =>
      queries.getAnalysis(db(), uid, input.analysisId, {
        includeComments: input.includeComments ?? false,
        commentLimit: input.commentLimit ?? 10_000,
        toxic: input.toxic,
      }),
  ),
);

export const getAnalysisHistory = onCall(
  authed(z.strictObject(pageInput), (input, { uid }) => queries.getAnalysisHistory(db(), uid, input.limit ?? 20, input.cursor)),
);

export const cancelAnalysis = onCall(
  authed(z.strictObject({ jobId: docId }), async ({ jobId }, { uid }) => {
    const ref = db().collection("analysis_jobs").doc(jobId);
    const snap = await ref.get();
    if (!snap.exists) throw notFound("Analysis job");
    if (snap.get("userId") !== uid) throw permissionDenied("This analysis job belongs to another account.");
    const result = await cancelJob(db(), ref, uid);
    if (result.status === "final") {
      throw failedPrecondition(`The analysis is already ${result.current} and can no longer be cancelled.`, { status: result.current });
    }
    // Comments staged for its batches are not needed any more (tasks still queued find the job cancelled).
    await discardStaging(db(), jobId).catch(() => undefined);
    return { jobId, status: result.status };
  }),
);
