// The sync observer (sync/observers.ts): each committed batch of a channel's
// synced comments is judged per video with the channel's context, which adds
// them to its wave index, so a wave on the first videos is caught on the next.
// A comment it flags gets its spamReason on synced_comments/{uid}_{commentId}.
import type { SyncCommittedBatch, SyncedComment, SyncObserverContext } from "../domain/sync";
import type { YouTubeComment } from "../youtube/types";
import { judgeChannelComments } from "./service";

function asComment(c: SyncedComment): YouTubeComment {
  return {
    id: c.commentId,
    author: c.authorName,
    ...(c.authorChannelId ? { authorChannelId: c.authorChannelId } : {}),
    text: c.text,
    likeCount: c.likeCount,
    replyCount: c.replyCount,
    publishedAt: c.publishedAt,
    updatedAt: c.publishedAt,
    ...(c.parentId ? { parentId: c.parentId } : {}),
  };
}

export async function spamOnSync(batch: SyncCommittedBatch, ctx: SyncObserverContext): Promise<void> {
  if (!batch.channelId) return;
  const profile = await ctx.db.doc(`users/${batch.uid}`).get();
  const title = profile.get("youtubeChannel.id") === batch.channelId ? (profile.get("youtubeChannel.title") as string | undefined) : undefined;
  const byVideo = new Map<string, SyncedComment[]>();
  for (const c of batch.comments) {
    // Already removed by the per-video filter: its reason stands.
    if (c.spamReason) continue;
    const list = byVideo.get(c.videoId) ?? [];
    byVideo.set(c.videoId, list);
    list.push(c);
  }
  for (const [videoId, comments] of byVideo) {
    const result = await judgeChannelComments(ctx.db, batch.uid, { channelId: batch.channelId, ownerNames: [title], videoId, comments: comments.map(asComment), now: ctx.now, record: true });
    if (result.removed.length === 0) continue;
    const writer = ctx.db.batch();
    for (const r of result.removed) writer.set(ctx.db.doc(`synced_comments/${batch.uid}_${r.comment.id}`), { spamReason: r.reason }, { merge: true });
    await writer.commit();
  }
}
