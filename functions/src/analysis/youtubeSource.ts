// The pipeline's comment source in production: YouTube through the Firestore
// cache, then the spam filter, then whole threads: whether the channel owner
// answered each kept comment (replies beyond the five a thread carries cost a
// unit per page, counted in the analysis' YouTube units).
import type { Firestore } from "firebase-admin/firestore";
import { loadVideoAndComments } from "../youtube/ingest";
import { UnitMeter, type YouTubeService } from "../youtube/service";
import { MAX_REPLY_PAGES, resolveOwnerReplies } from "../youtube/threads";
import type { CommentSource } from "./pipeline";

export function youtubeCommentSource(db: Firestore, youtube: YouTubeService, now: () => Date = () => new Date()): CommentSource {
  return {
    async load(videoId, limit) {
      const meter = new UnitMeter();
      const loaded = await loadVideoAndComments(db, youtube, { videoId, limit, now: now(), meter });
      const kept = new Set(loaded.filtered.kept.map((c) => c.id));
      const threads = await resolveOwnerReplies(
        youtube,
        loaded.comments.filter((c) => kept.has(c.id)),
        { ownerChannelId: loaded.video.channelId, videoId, meter, maxPages: MAX_REPLY_PAGES, charge: { db, now: now() } },
      );
      return {
        video: loaded.video,
        comments: loaded.filtered.kept.map((c) => ({ ...c, ...threads.states.get(c.id) })),
        filtered: loaded.filtered.counts,
        youtubeUnits: meter.units,
        firestoreReads: loaded.firestoreOps?.reads ?? 0,
        firestoreWrites: (loaded.firestoreOps?.writes ?? 0) + (threads.pages > 0 ? 1 : 0),
      };
    },
  };
}
