// reply_history/{uid}_{commentId}: every reply Lently posted to one comment for
// one creator. It makes posting idempotent (a second post is refused unless
// asked for), tells the inbox a thread is answered before the next analysis
// sees the reply on YouTube, and is the audit of what was posted and from
// which draft. Server only (no rule matches it).
import type { DocumentReference, Firestore, Timestamp } from "firebase-admin/firestore";

export const REPLY_HISTORY_COLLECTION = "reply_history";

export interface PostedReply {
  replyId: string;
  text: string;
  /** The generated draft it came from, when the creator started from one. */
  draft?: string;
  edited: boolean;
  postedAt: Timestamp;
  youtubeUnits: number;
}

export interface ReplyHistoryDoc {
  userId: string;
  commentId: string;
  videoId: string;
  analysisId: string;
  /** `posting` while a post is in flight (a claim, so two requests never post twice). */
  status: "posting" | "posted" | "failed";
  postingSince?: Timestamp;
  posts: PostedReply[];
  updatedAt: Timestamp;
}

export function historyRef(db: Firestore, uid: string, commentId: string): DocumentReference<ReplyHistoryDoc> {
  return db.collection(REPLY_HISTORY_COLLECTION).doc(`${uid}_${commentId}`) as DocumentReference<ReplyHistoryDoc>;
}

/** The caller's posted replies on one video, by comment id. */
export async function postedReplies(db: Firestore, uid: string, videoId: string): Promise<Map<string, PostedReply>> {
  const snap = await db.collection(REPLY_HISTORY_COLLECTION).where("userId", "==", uid).where("videoId", "==", videoId).get();
  const out = new Map<string, PostedReply>();
  for (const doc of snap.docs) {
    const h = doc.data() as ReplyHistoryDoc;
    const last = h.posts.at(-1);
    if (last) out.set(h.commentId, last);
  }
  return out;
}
