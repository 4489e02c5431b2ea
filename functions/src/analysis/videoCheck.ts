// startAnalysis' up-front check: the video exists, is not private and has
// comments on. Served from the cache the pipeline will read right after, so
// the check costs no extra YouTube units.
import type { Firestore } from "firebase-admin/firestore";
import { analysisBlocker, findVideoCached, youtubeService } from "../youtube/ingest";
import { toHttpsError } from "../youtube/errors";

export async function checkVideoForAnalysis(db: Firestore, videoId: string) {
  const { video } = await findVideoCached(db, await youtubeService(), { videoId });
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
