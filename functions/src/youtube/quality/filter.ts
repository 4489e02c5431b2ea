// Entry point of comment quality: removes spam (each removal with its reason)
// and ranks what is left by how much it deserves the creator's attention.
// The batch is one video's comments, which is what makes floods visible.
import type { YouTubeComment } from "../types";
import { groupCopies, inferSelfVideo } from "./batch";
import { engagementScore } from "./engagement";
import { SPAM_REASONS, type SpamReason } from "./reasons";
import { scanText, type TextScan } from "./scan";
import { contentSignals, type ContentSignals } from "./signals";
import { judgeNormalized, type SpamVerdict } from "./spam";
import { normalizeText } from "./text";

export { detectSpam, type SpamContext, type SpamVerdict } from "./spam";
export type { SpamReason } from "./reasons";

export interface ScoredComment extends YouTubeComment {
  engagement: number;
  isQuestion: boolean;
  isFeedback: boolean;
  lowValue: boolean;
}

export interface RemovedComment {
  comment: YouTubeComment;
  reason: SpamReason;
  detail: string;
}

export interface FilterResult {
  /** Most worth the creator's attention first (engagement, then likes, then newest). */
  kept: ScoredComment[];
  removed: RemovedComment[];
  counts: { total: number; kept: number; removed: number; lowValue: number; byReason: Record<string, number> };
}

export interface FilterOptions {
  /** Reference time for recency; defaults to the newest comment's time, so results never depend on the clock. */
  now?: Date;
  /** The video the comments belong to; links to it (timestamps, shares) are not spam. Inferred when absent. */
  videoId?: string;
  /** The video's channel: its owner's own comments (pinned links, "subscribe!") are never removed. */
  channelId?: string;
}

function latestTime(times: Float64Array): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const t of times) if (t > latest) latest = t;
  return Number.isFinite(latest) ? latest : 0;
}

// Placeholder signals for removed comments, so the per-comment array needs no holes.
const NOT_SPAM: SpamVerdict = Object.freeze({ spam: false });
const NO_SIGNALS: ContentSignals = Object.freeze({ isQuestion: false, isFeedback: false, lowValue: false, words: 0 });

/**
 * The comment with its scores, built field by field: a spread would also copy
 * any extra properties a caller's objects carry, and is markedly slower in V8.
 */
function scored(c: YouTubeComment, engagement: number, s: ContentSignals): ScoredComment {
  const out: ScoredComment = {
    id: c.id,
    author: c.author,
    text: c.text,
    likeCount: c.likeCount,
    replyCount: c.replyCount,
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
    engagement,
    isQuestion: s.isQuestion,
    isFeedback: s.isFeedback,
    lowValue: s.lowValue,
  };
  if (c.authorChannelId !== undefined) out.authorChannelId = c.authorChannelId;
  return out;
}

/**
 * Spam removed with reasons, the rest scored and ranked. `comments` are one
 * video's top-level comments (text as the API's textDisplay HTML or plain).
 * Deterministic: the same input and options give the same result.
 */
export function filterComments(comments: YouTubeComment[], options: FilterOptions = {}): FilterResult {
  const n = comments.length;
  const texts = new Array<string>(n);
  const lowers = new Array<string>(n);
  const scans = new Array<TextScan>(n);
  for (let i = 0; i < n; i++) {
    const text = normalizeText(typeof comments[i].text === "string" ? comments[i].text : "");
    texts[i] = text;
    lowers[i] = text.toLowerCase();
    scans[i] = scanText(lowers[i]);
  }

  const selfVideoIds = options.videoId ? new Set([options.videoId.toLowerCase()]) : inferSelfVideo(comments);
  const groups = groupCopies(scans, comments);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = Date.parse(comments[i].publishedAt);
  const nowMs = options.now ? options.now.getTime() : latestTime(times);

  const removed: RemovedComment[] = [];
  const byReason: Record<string, number> = {};
  for (const reason of SPAM_REASONS) byReason[reason] = 0;
  let lowValue = 0;
  const keptIndex: number[] = [];
  const signalsOf = new Array<ContentSignals>(n).fill(NO_SIGNALS);
  const engagement = new Float64Array(n);

  for (let i = 0; i < n; i++) {
    const comment = comments[i];
    const byOwner = options.channelId !== undefined && comment.authorChannelId === options.channelId;
    const verdict = byOwner ? NOT_SPAM : judgeNormalized(texts[i], lowers[i], scans[i], { selfVideoIds, duplicates: groups.get(scans[i].keyHash) });
    if (verdict.spam && verdict.reason) {
      removed.push({ comment, reason: verdict.reason, detail: verdict.detail ?? verdict.reason });
      byReason[verdict.reason] += 1;
      continue;
    }
    const signals = contentSignals(lowers[i], scans[i]);
    if (signals.lowValue) lowValue += 1;
    signalsOf[i] = signals;
    engagement[i] = engagementScore(comment, signals, nowMs, times[i]);
    keptIndex.push(i);
  }

  // Most worth attention first; ties by likes, then newest, then id, so the order is deterministic.
  keptIndex.sort(
    (a, b) =>
      engagement[b] - engagement[a] ||
      comments[b].likeCount - comments[a].likeCount ||
      (times[b] > times[a] ? 1 : times[b] < times[a] ? -1 : 0) ||
      (comments[a].id < comments[b].id ? -1 : comments[a].id > comments[b].id ? 1 : 0),
  );
  const kept = keptIndex.map((i): ScoredComment => scored(comments[i], engagement[i], signalsOf[i]));

  return { kept, removed, counts: { total: n, kept: kept.length, removed: removed.length, lowValue, byReason } };
}
