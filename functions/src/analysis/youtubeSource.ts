// The pipeline's comment source in production: YouTube through the Firestore
// cache, then the spam filter.
import type { Firestore } from "firebase-admin/firestore";
import { loadVideoAndComments } from "../youtube/ingest";
import type { YouTubeService } from "../youtube/service";
import type { CommentSource } from "./pipeline";

export function youtubeCommentSource(db: Firestore, youtube: YouTubeService, now: () => Date = () => new Date()): CommentSource {
  return {
    async load(videoId, limit) {
      const loaded = await loadVideoAndComments(db, youtube, { videoId, limit, now: now() });
      return {
        video: loaded.video,
        comments: loaded.filtered.kept,
        filtered: loaded.filtered.counts,
        youtubeUnits: loaded.youtubeUnits,
        firestoreReads: loaded.firestoreOps?.reads ?? 0,
        firestoreWrites: loaded.firestoreOps?.writes ?? 0,
      };
    },
  };
}
