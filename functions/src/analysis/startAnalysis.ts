// startAnalysis: validates the request, answers fast when the video or the
// quota rules it out, and writes the job document. The trigger does the work.
import { FieldValue } from "firebase-admin/firestore";
import { onCall } from "firebase-functions/v2/https";
import { authed } from "../core/callable";
import { invalidArgument } from "../core/errors";
import { db } from "../core/firebase";
import { checkUsage, quotaExceeded } from "../core/quota";
import { YOUTUBE_API_KEY } from "../youtube/config";
import { parseVideoId } from "../youtube/videoInput";
import { analysisRequestSchema } from "./request";
import { checkVideoForAnalysis } from "./videoCheck";

export const startAnalysis = onCall(
  { secrets: [YOUTUBE_API_KEY] },
  authed(analysisRequestSchema, async (input, { uid }) => {
    const videoId = parseVideoId(input.videoUrlOrId, "videoUrlOrId");
    if (input.include && Object.keys(input.include).length === 4 && !Object.values(input.include).some(Boolean)) {
      throw invalidArgument("include", "choose at least one of sentiment, classification, insights, summary");
    }
    const quota = await checkUsage(db(), uid, "videos");
    if (!quota.allowed && quota.limit !== null) throw quotaExceeded("videos", quota.current, quota.limit);
    const video = await checkVideoForAnalysis(db(), videoId);
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
  }),
);
