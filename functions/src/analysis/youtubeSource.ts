// The pipeline's comment source in production: YouTube through the Firestore
// cache, then the spam filter, then whole threads: whether the channel owner
// answered each kept comment (replies beyond the five a thread carries cost a
// unit per page). With a `spender` every YouTube call it makes, reply pages
// included, is charged to the project's daily ledger as an "analysis"
// (core/budgets), so a paid analysis may use the reserve that look-ups may not.
import type { Firestore } from "firebase-admin/firestore";
import { youtubeBudget, type YoutubeSpender } from "../core/budgets/youtubeBudget";
import { loadVideoAndComments } from "../youtube/ingest";
import { UnitMeter, type YouTubeService } from "../youtube/service";
import { MAX_REPLY_PAGES, resolveOwnerReplies } from "../youtube/threads";
import type { CommentSource } from "./pipeline";

export function youtubeCommentSource(
  db: Firestore,
  youtube: YouTubeService,
  now: () => Date = () => new Date(),
  spender?: Omit<YoutubeSpender, "purpose">,
): CommentSource {
  return {
    async load(videoId, limit) {
      const meter = spender ? youtubeBudget.meter(db, { ...spender, purpose: "analysis" }, { now }) : new UnitMeter();
      const before = meter.units;
      const loaded = await loadVideoAndComments(db, youtube, { videoId, limit, now: now(), meter });
      const kept = loaded.filtered.kept;
      // The raw comments: the replies seen with each thread are not on the scored copies.
      const keptIds = new Set(kept.map((c) => c.id));
      const threads = await resolveOwnerReplies(youtube, loaded.comments.filter((c) => keptIds.has(c.id)), { ownerChannelId: loaded.video.channelId, videoId, meter, maxPages: MAX_REPLY_PAGES });
      return {
        video: loaded.video,
        comments: kept.map((c) => ({ ...c, ...threads.states.get(c.id) })),
        filtered: loaded.filtered.counts,
        // The video, the comment pages and the reply pages.
        youtubeUnits: meter.units - before,
        firestoreReads: loaded.firestoreOps?.reads ?? 0,
        firestoreWrites: loaded.firestoreOps?.writes ?? 0,
      };
    },
  };
}
