// startAnalysis: validates the request, answers fast when the video or the
// quota rules it out, and writes the job document. The trigger does the work.
import { FieldValue } from "firebase-admin/firestore";
import { onCall } from "firebase-functions/v2/https";
import { authed, contractOf } from "../core/callable";
import { invalidArgument } from "../core/errors";
import { db } from "../core/firebase";
import { YOUTUBE_API_KEY } from "../youtube/config";
import { parseVideoId } from "../youtube/videoInput";

const contract = contractOf(() => import("../contracts/analysis"));

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
