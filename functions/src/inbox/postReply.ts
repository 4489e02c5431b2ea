// postReply: a reply from the creator's channel to a comment on their own
// video (comments.insert, 50 units). Idempotent through the reply history:
// a comment already replied to is refused unless `force`; two requests at
// once cannot both post (the first claims the comment). `dryRun` answers what
// would be posted, and spends nothing.
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { ownedAnalysis, storedComments } from "../analysis/ownedAnalysis";
import { notFound, permissionDenied } from "../core/errors";
import { readModifyWrite } from "../core/readModifyWrite";
import { UNIT_COST } from "../youtube/units";
import { ownerSession, type ChannelDeps } from "../channel/service";
import { addActionUnits } from "./analysisCost";
import { historyRef, type PostedReply, type ReplyHistoryDoc } from "./replyHistory";

/** A claim older than this is a crashed attempt and may be taken over. */
export const POSTING_CLAIM_MS = 120_000;

export interface PostReplyInput {
  commentId: string;
  text: string;
  videoId: string;
  analysisId?: string;
  /** The generated draft the text was edited from (kept in the history). */
  draft?: string;
  dryRun?: boolean;
  /** Post even though this comment was already replied to. */
  force?: boolean;
}

function alreadyReplied(last: PostedReply): HttpsError {
  return new HttpsError("already-exists", "You already replied to this comment through Lently. Send force: true to post another reply.", {
    reason: "already_replied",
    replyId: last.replyId,
    postedAt: last.postedAt.toDate().toISOString(),
  });
}

export async function postReply(deps: ChannelDeps, uid: string, input: PostReplyInput) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const analysis = await ownedAnalysis(db, uid, input.analysisId !== undefined ? { analysisId: input.analysisId } : { videoId: input.videoId });
  if (analysis.videoId !== input.videoId) throw permissionDenied("analysisId: is an analysis of another video");
  const comment = (await storedComments(db, analysis.id)).find((c) => c.id === input.commentId);
  if (!comment) throw notFound("That comment in your analysis of this video");

  const session = await ownerSession(deps, uid);
  const channelId = (await db.doc(`analyses/${analysis.id}`).get()).get("video.channelId") as string | undefined;
  if (channelId !== session.channel.id) {
    throw new HttpsError("permission-denied", "Lently replies only on your connected channel's own videos; this video belongs to another channel.", { reason: "not_channel_owner" });
  }

  const ref = historyRef(db, uid, input.commentId);
  const before = (await ref.get()).data();
  const last = before?.status === "posted" ? before.posts.at(-1) : undefined;
  const edited = input.draft !== undefined && input.draft.trim() !== input.text.trim();
  if (input.dryRun) {
    return {
      dryRun: true as const,
      wouldPost: { parentId: input.commentId, videoId: input.videoId, text: input.text, channel: session.channel, edited },
      alreadyReplied: Boolean(last),
      wouldBeRefused: Boolean(last) && !input.force,
      youtubeUnits: 0,
      unitsIfPosted: UNIT_COST["comments.insert"],
    };
  }

  // Claim the comment: only one request at a time gets to post.
  const claimedAt = now();
  await readModifyWrite(db, [ref], ([snap], writer) => {
    const h = snap.data() as ReplyHistoryDoc | undefined;
    const lastPost = h?.status === "posted" ? h.posts.at(-1) : undefined;
    if (lastPost && !input.force) throw alreadyReplied(lastPost);
    if (h?.status === "posting" && h.postingSince && claimedAt.getTime() - h.postingSince.toMillis() < POSTING_CLAIM_MS) {
      throw new HttpsError("aborted", "A reply to this comment is being posted right now.", { reason: "reply_in_progress" });
    }
    const ts = Timestamp.fromDate(claimedAt);
    writer.write(ref, { userId: uid, commentId: input.commentId, videoId: input.videoId, analysisId: analysis.id, status: "posting", postingSince: ts, posts: h?.posts ?? [], updatedAt: ts });
  });

  let reply;
  try {
    reply = await session.youtube.insertReply(input.commentId, input.text);
  } catch (err) {
    await ref.update({ status: before?.status === "posted" ? "posted" : "failed", postingSince: FieldValue.delete(), updatedAt: Timestamp.fromDate(now()) });
    if (session.units() > 0) await addActionUnits(db, analysis.id, "replies", session.units());
    throw err;
  }
  const units = session.units();
  const post: PostedReply = {
    replyId: reply.id ?? "",
    text: reply.snippet?.textOriginal ?? input.text,
    ...(input.draft !== undefined ? { draft: input.draft } : {}),
    edited,
    postedAt: Timestamp.fromDate(now()),
    youtubeUnits: units,
  };
  await ref.update({ status: "posted", postingSince: FieldValue.delete(), posts: FieldValue.arrayUnion(post), updatedAt: post.postedAt });
  await addActionUnits(db, analysis.id, "replies", units);
  return {
    dryRun: false as const,
    posted: true,
    commentId: input.commentId,
    reply: { replyId: post.replyId, text: post.text, postedAt: post.postedAt.toDate().toISOString(), edited },
    analysisId: analysis.id,
    youtubeUnits: units,
  };
}
