// The pipeline's comment source in production: YouTube through the Firestore
// cache, then the spam filter. With a `spender` every YouTube call it makes is
// charged to the project's daily ledger as an "analysis" (core/budgets), so a
// paid analysis may use the reserve that look-ups may not.
import type { Firestore } from "firebase-admin/firestore";
import { youtubeBudget, type YoutubeSpender } from "../core/budgets/youtubeBudget";
import { loadVideoAndComments } from "../youtube/ingest";
import type { YouTubeService } from "../youtube/service";
import type { CommentSource } from "./pipeline";

export function youtubeCommentSource(
  db: Firestore,
  youtube: YouTubeService,
  now: () => Date = () => new Date(),
  spender?: Omit<YoutubeSpender, "purpose">,
): CommentSource {
  return {
    async load(videoId, limit) {
      const meter = spender ? youtubeBudget.meter(db, { ...spender, purpose: "analysis" }, { now }) : undefined;
      const loaded = await loadVideoAndComments(db, youtube, { videoId, limit, now: now(), meter });
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
