// The pipeline's comment source in production: YouTube through the Firestore
// cache, then the spam filter, then what the five replies each thread carries
// say about the channel owner's answer (no unit). Threads with more replies
// are left `repliesUnchecked`: the finalize stage reads the ones whose answer
// matters once the batches have classified them (fanout/ownerReplies.ts).
// With a `spender` every YouTube call it makes is charged to the project's
// daily ledger as an "analysis" (core/budgets), so a paid analysis may use the
// reserve that look-ups may not.
import type { Firestore } from "firebase-admin/firestore";
import { youtubeBudget, type YoutubeSpender } from "../core/budgets/youtubeBudget";
import { loadVideoAndComments } from "../youtube/ingest";
import { UnitMeter } from "../core/budgets/unitMeter";
import type { YouTubeService } from "../youtube/service";
import { inlineOwnerReply } from "../youtube/threads";
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
      const raw = new Map(loaded.comments.map((c) => [c.id, c]));
      return {
        video: loaded.video,
        comments: kept.map((c) => {
          const thread = raw.get(c.id);
          return thread ? { ...c, ...inlineOwnerReply(thread) } : c;
        }),
        filtered: loaded.filtered.counts,
        // The video and the comment pages (reply pages are the finalize stage's).
        youtubeUnits: meter.units - before,
        firestoreReads: loaded.firestoreOps?.reads ?? 0,
        firestoreWrites: loaded.firestoreOps?.writes ?? 0,
      };
    },
  };
}
