// The channel view (docs/channel.md): every answer from the stored aggregates
// (channel_days, channel_videos, channel_questions, channel_commenters), one
// bounded page of each per call, never a scan of synced_comments. Each answer
// says how many documents it read.
import type { Firestore, Query } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";

/** Days one overview may span (a quarter): its day buckets are one bounded read. */
export const MAX_RANGE_DAYS = 92;
export const VIDEOS_PER_PAGE = 20;
export const OPEN_QUESTIONS = 10;

const compact = (day: string) => day.replace(/-/g, "");
const dashed = (day: string) => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;

function rangeDays(range: { from: string; to: string }): number {
  const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
  if (!Number.isFinite(days) || days < 1) throw new HttpsError("invalid-argument", "range: `to` must not be before `from`");
  if (days > MAX_RANGE_DAYS) throw new HttpsError("invalid-argument", `range: at most ${MAX_RANGE_DAYS} days`);
  return days;
}

/** Monday of the ISO week of a yyyy-mm-dd day. */
function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

type Counts = Record<string, number>;
const num = (v: unknown) => (typeof v === "number" ? v : 0);
const addCounts = (a: Counts, b: unknown) => {
  for (const [k, v] of Object.entries((b as Counts | undefined) ?? {})) a[k] = (a[k] ?? 0) + num(v);
  return a;
};

export async function getChannelOverview(
  db: Firestore,
  uid: string,
  input: { range: { from: string; to: string }; granularity?: "day" | "week"; cursor?: string },
) {
  const days = rangeDays(input.range);
  let reads = 0;
  const daySnap = await db
    .collection("channel_days")
    .where("userId", "==", uid)
    .where("day", ">=", compact(input.range.from))
    .where("day", "<=", compact(input.range.to))
    .orderBy("day")
    // A user watches one channel and videos ("videos"): two buckets a day at most.
    .limit(days * 2)
    .get();
  reads += Math.max(1, daySnap.size);
  const periods = new Map<string, { start: string; comments: number; sentiment: Counts; toxic: number; questions: number; videos: Set<string> }>();
  for (const doc of daySnap.docs) {
    const day = dashed(doc.get("day") as string);
    const start = input.granularity === "week" ? weekStart(day) : day;
    const p = periods.get(start) ?? { start, comments: 0, sentiment: {}, toxic: 0, questions: 0, videos: new Set<string>() };
    p.comments += num(doc.get("comments"));
    addCounts(p.sentiment, doc.get("sentiment"));
    p.toxic += num(doc.get("toxic"));
    p.questions += num(doc.get("questions"));
    for (const v of Object.keys((doc.get("videos") as Counts | undefined) ?? {})) p.videos.add(v);
    periods.set(start, p);
  }

  let videosQuery: Query = db.collection("channel_videos").where("userId", "==", uid).orderBy("lastCommentAt", "desc");
  if (input.cursor) {
    const after = await db.doc(`channel_videos/${uid}_${input.cursor}`).get();
    reads += 1;
    if (after.exists) videosQuery = videosQuery.startAfter(after);
  }
  const [videoSnap, questionSnap] = await Promise.all([
    videosQuery.limit(VIDEOS_PER_PAGE).get(),
    db.collection("channel_questions").where("userId", "==", uid).orderBy("publishedAt", "desc").limit(OPEN_QUESTIONS).get(),
  ]);
  reads += Math.max(1, videoSnap.size) + Math.max(1, questionSnap.size);

  const videos = videoSnap.docs.map((doc) => {
    const comments = num(doc.get("comments"));
    const sentiment = addCounts({}, doc.get("sentiment"));
    const categories = addCounts({}, doc.get("categories"));
    const top = Object.entries(categories).sort((a, b) => b[1] - a[1])[0];
    const last = doc.get("lastRun") as { comments: number; negative: number; newQuestions: number; averageScoreBefore: number | null } | undefined;
    return {
      videoId: doc.get("videoId") as string,
      title: (doc.get("title") as string | undefined) ?? "",
      comments,
      sentiment,
      negativeShare: comments ? (sentiment.negative ?? 0) / comments : 0,
      toxicShare: comments ? num(doc.get("toxic")) / comments : 0,
      unanswered: num(doc.get("unanswered")),
      topCategory: top ? top[0] : null,
      change: last
        ? { newComments: last.comments, newNegative: last.negative, newQuestions: last.newQuestions, averageScoreBefore: last.averageScoreBefore, averageScoreNow: comments ? num(doc.get("scoreSum")) / comments : 0 }
        : null,
    };
  });
  return {
    periods: [...periods.values()].map((p) => ({ start: p.start, comments: p.comments, sentiment: p.sentiment, toxic: p.toxic, questions: p.questions, videos: p.videos.size })),
    videos,
    openQuestions: questionSnap.docs.map((d) => ({
      commentId: d.get("commentId") as string,
      videoId: d.get("videoId") as string,
      text: d.get("text") as string,
      authorName: d.get("authorName") as string,
      likeCount: num(d.get("likeCount")),
      publishedAt: d.get("publishedAt") as string,
    })),
    nextCursor: videoSnap.size === VIDEOS_PER_PAGE ? (videoSnap.docs[videoSnap.size - 1].get("videoId") as string) : null,
    documentsRead: reads,
  };
}

/** The people who comment most across the channel's videos, most comments first, one page. */
export async function getTopCommenters(db: Firestore, uid: string, input: { range?: { from: string; to: string }; limit?: number; cursor?: string }) {
  const limit = input.limit ?? 20;
  let reads = 0;
  let query: Query = db.collection("channel_commenters").where("userId", "==", uid).orderBy("comments", "desc");
  if (input.cursor) {
    const after = await db.doc(`channel_commenters/${uid}_${input.cursor}`).get();
    reads += 1;
    if (after.exists) query = query.startAfter(after);
  }
  const snap = await query.limit(limit).get();
  reads += Math.max(1, snap.size);
  // The range keeps commenters active in it (seen in it, or spanning it): a filter on the page, never a wider read.
  const from = input.range?.from ?? "";
  const to = input.range ? `${input.range.to}T23:59:59Z` : "\uffff";
  const commenters = snap.docs
    .filter((d) => (d.get("lastSeen") as string) >= from && (d.get("firstSeen") as string) <= to)
    .map((d) => ({
      authorName: d.get("authorName") as string,
      authorChannelId: (d.get("authorChannelId") as string | null) ?? null,
      comments: num(d.get("comments")),
      likes: num(d.get("likes")),
      firstSeen: d.get("firstSeen") as string,
      lastSeen: d.get("lastSeen") as string,
      sentiment: addCounts({}, d.get("sentiment")),
      answered: num(d.get("answered")) > 0,
      videos: Object.keys((d.get("videos") as Counts | undefined) ?? {}).length,
    }));
  const lastDoc = snap.docs[snap.size - 1];
  return {
    commenters,
    nextCursor: snap.size === limit && lastDoc ? `${lastDoc.get("channelKey") as string}_${lastDoc.get("authorKey") as string}` : null,
    documentsRead: reads,
  };
}
