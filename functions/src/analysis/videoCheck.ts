// startAnalysis' up-front check: the video exists, is not private and has
// comments on. Served from the cache the pipeline will read right after, so
// the check costs no extra YouTube units.
import type { Firestore } from "firebase-admin/firestore";
import { analysisBlocker, findVideoCached, youtubeService } from "../youtube/ingest";
import { toHttpsError } from "../youtube/errors";
import type { UnitMeter } from "../core/budgets/unitMeter";

/** `meter`: the caller's budgeted look-up meter (youtube/lookups.ts), so a cache miss is charged to them. */
export async function checkVideoForAnalysis(db: Firestore, videoId: string, meter?: UnitMeter) {
  const { video } = await findVideoCached(db, await youtubeService(), { videoId, meter });
  if (!video) throw toHttpsError({ kind: "notFound" }, { videoId, attempts: 1 });
  const blocker = analysisBlocker(video);
  if (blocker) throw blocker;
  return {
    title: video.title,
    channelTitle: video.channelTitle,
    thumbnail: video.thumbnails.medium ?? video.thumbnails.default ?? null,
    commentCount: video.commentCount,
  };
}
