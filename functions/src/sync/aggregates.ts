// The channel's aggregates, updated incrementally in the commit that stores
// the comments they count (docs/channel.md): per video (channel_videos), per
// day (channel_days), per commenter (channel_commenters), per channel
// (channel_stats), and the open questions (channel_questions). Every read the
// creator makes is of these, never a scan of synced_comments.
import { FieldValue, Timestamp, type Firestore, type WriteBatch } from "firebase-admin/firestore";
import { isUnanswered, isViewerQuestion } from "../ai/needsAnswer";
import type { SyncedComment } from "../domain/sync";

/** The channel a source's aggregates are kept under: its channel id, or "videos" for watched public videos. */
export const channelKeyOf = (channelId: string | null) => channelId ?? "videos";
export const dayOf = (iso: string) => iso.slice(0, 10).replace(/-/g, "");
/** Firestore ids may not hold "/": an author key from the channel id, else the display name. */
export const authorKeyOf = (c: Pick<SyncedComment, "authorChannelId" | "authorName">) => (c.authorChannelId ?? `name:${c.authorName}`).replace(/\//g, "_").slice(0, 200);

export const videoAggRef = (db: Firestore, uid: string, videoId: string) => db.doc(`channel_videos/${uid}_${videoId}`);
export const dayAggRef = (db: Firestore, uid: string, channelKey: string, day: string) => db.doc(`channel_days/${uid}_${channelKey}_${day}`);
export const commenterRef = (db: Firestore, uid: string, channelKey: string, authorKey: string) => db.doc(`channel_commenters/${uid}_${channelKey}_${authorKey}`);
export const statsRef = (db: Firestore, uid: string, channelKey: string) => db.doc(`channel_stats/${uid}_${channelKey}`);
export const questionRef = (db: Firestore, uid: string, commentId: string) => db.doc(`channel_questions/${uid}_${commentId}`);
export const syncedRef = (db: Firestore, uid: string, commentId: string) => db.doc(`synced_comments/${uid}_${commentId}`);

const inc = (n: number) => FieldValue.increment(n);

interface Tally {
  comments: number;
  spam: number;
  toxic: number;
  questions: number;
  unanswered: number;
  sentiment: Record<string, number>;
  categories: Record<string, number>;
  scoreSum: number;
  likes: number;
}

const tally = (): Tally => ({ comments: 0, spam: 0, toxic: 0, questions: 0, unanswered: 0, sentiment: {}, categories: {}, scoreSum: 0, likes: 0 });

export const isOpenQuestion = (c: SyncedComment) =>
  c.labels !== null && isViewerQuestion({ category: c.labels.category, blocked: c.labels.blocked, byOwner: c.byOwner }) && isUnanswered(c);

function add(t: Tally, c: SyncedComment): void {
  if (!c.labels) {
    t.spam += 1;
    return;
  }
  t.comments += 1;
  t.likes += c.likeCount;
  t.sentiment[c.labels.sentiment] = (t.sentiment[c.labels.sentiment] ?? 0) + 1;
  t.categories[c.labels.category] = (t.categories[c.labels.category] ?? 0) + 1;
  t.scoreSum += c.labels.score;
  if (c.labels.toxic) t.toxic += 1;
  if (isViewerQuestion({ category: c.labels.category, blocked: c.labels.blocked, byOwner: c.byOwner })) {
    t.questions += 1;
    if (isUnanswered(c)) t.unanswered += 1;
  }
}

/** Increments of a tally, as nested fields for a merge write. */
function increments(t: Tally) {
  const map = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, inc(v)]));
  return {
    comments: inc(t.comments),
    spam: inc(t.spam),
    toxic: inc(t.toxic),
    questions: inc(t.questions),
    unanswered: inc(t.unanswered),
    sentiment: map(t.sentiment),
    categories: map(t.categories),
    scoreSum: inc(t.scoreSum),
    likes: inc(t.likes),
  };
}

function group<K>(comments: readonly SyncedComment[], key: (c: SyncedComment) => K): Map<K, SyncedComment[]> {
  const out = new Map<K, SyncedComment[]>();
  for (const c of comments) out.set(key(c), [...(out.get(key(c)) ?? []), c]);
  return out;
}

const tallyOf = (list: readonly SyncedComment[]) => {
  const t = tally();
  for (const c of list) add(t, c);
  return t;
};

export interface AggregateContext {
  uid: string;
  sourceId: string;
  channelId: string | null;
  titles: Record<string, string>;
  now: Date;
  /** First-seen times of the commenters already stored (read before the commit). */
  firstSeen: Map<string, string>;
}

/** Adds the writes of one group of synced comments (the comments and every aggregate they move) to `batch`. */
export function writeGroup(db: Firestore, batch: WriteBatch, comments: readonly SyncedComment[], ctx: AggregateContext): void {
  const { uid } = ctx;
  const channelKey = channelKeyOf(ctx.channelId);
  const at = Timestamp.fromDate(ctx.now);
  for (const c of comments) {
    batch.set(syncedRef(db, uid, c.commentId), { ...c, userId: uid });
    if (isOpenQuestion(c)) {
      batch.set(questionRef(db, uid, c.commentId), {
        userId: uid,
        channelKey,
        videoId: c.videoId,
        commentId: c.commentId,
        text: c.text.slice(0, 500),
        authorName: c.authorName,
        likeCount: c.likeCount,
        publishedAt: c.publishedAt,
        runId: c.runId,
      });
    }
  }
  for (const [videoId, list] of group(comments, (c) => c.videoId)) {
    const newest = list.reduce((m, c) => (c.publishedAt > m ? c.publishedAt : m), "");
    batch.set(
      videoAggRef(db, uid, videoId),
      { userId: uid, sourceId: ctx.sourceId, channelKey, videoId, title: ctx.titles[videoId] ?? videoId, ...increments(tallyOf(list)), lastCommentAt: newest, lastSyncAt: at },
      { merge: true },
    );
  }
  for (const [day, list] of group(comments, (c) => dayOf(c.publishedAt))) {
    const perVideo = Object.fromEntries([...group(list, (c) => c.videoId)].map(([v, l]) => [v, inc(l.filter((c) => c.labels).length)]));
    batch.set(dayAggRef(db, uid, channelKey, day), { userId: uid, channelKey, day, ...increments(tallyOf(list)), videos: perVideo }, { merge: true });
  }
  for (const [author, list] of group(comments, authorKeyOf)) {
    const kept = list.filter((c) => c.labels);
    if (kept.length === 0) continue;
    const first = kept[0];
    const times = kept.map((c) => c.publishedAt).sort();
    const t = tallyOf(kept);
    batch.set(
      commenterRef(db, uid, channelKey, author),
      {
        userId: uid,
        channelKey,
        authorKey: author,
        authorName: first.authorName,
        authorChannelId: first.authorChannelId,
        comments: inc(t.comments),
        likes: inc(t.likes),
        sentiment: Object.fromEntries(Object.entries(t.sentiment).map(([k, v]) => [k, inc(v)])),
        answered: inc(kept.filter((c) => c.answeredByOwner).length),
        firstSeen: ctx.firstSeen.get(author) ?? times[0],
        lastSeen: times[times.length - 1],
        videos: Object.fromEntries([...new Set(kept.map((c) => c.videoId))].map((v) => [v, true])),
      },
      { merge: true },
    );
  }
  batch.set(statsRef(db, uid, channelKey), { userId: uid, channelKey, ...increments(tallyOf(comments)), lastSyncAt: at }, { merge: true });
}
