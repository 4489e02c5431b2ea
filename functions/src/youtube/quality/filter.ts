// Entry point of comment quality: removes spam (each removal with its reason)
// and ranks what is left by how much it deserves the creator's attention.
// The batch is one video's comments, which is what makes floods visible.
import type { YouTubeComment } from "../types";
import { engagementScore } from "./engagement";
import { linkedVideoIds } from "./links";
import { SPAM_REASONS, type SpamReason } from "./reasons";
import { contentSignals } from "./signals";
import { judgeNormalized, type DuplicateInfo } from "./spam";
import { normalizeText, skeleton } from "./text";

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
}

// Skeletons shorter than this are never grouped: short praise recurs innocently.
const MIN_GROUPED_KEY = 16;

const authorOf = (c: YouTubeComment): string => c.authorChannelId ?? c.author;

// Cheap pre-check before lower-casing a raw text to look for video links.
const VIDEO_LINK_HINT = /v=|youtu\.?be|\/embed\/|\/shorts\/|\/live\//i;

/**
 * Without an explicit id, the video most often linked by distinct authors is
 * taken to be the video itself: viewers share it and link its timestamps,
 * while spammers each link their own. Raw texts are read because the API's
 * HTML keeps timestamp links' targets in href attributes.
 */
function inferSelfVideo(comments: readonly YouTubeComment[]): Set<string> {
  const authorsById = new Map<string, Set<string>>();
  for (const c of comments) {
    if (typeof c.text !== "string" || !VIDEO_LINK_HINT.test(c.text)) continue;
    for (const id of linkedVideoIds(c.text.toLowerCase().replace(/&amp;/g, "&"))) {
      let authors = authorsById.get(id);
      if (!authors) authorsById.set(id, (authors = new Set()));
      authors.add(authorOf(c));
    }
  }
  let best: string | undefined;
  let bestCount = 0;
  let secondCount = 0;
  for (const [id, authors] of authorsById) {
    if (authors.size > bestCount) {
      secondCount = bestCount;
      best = id;
      bestCount = authors.size;
    } else if (authors.size > secondCount) secondCount = authors.size;
  }
  return best !== undefined && bestCount >= 2 && bestCount > secondCount ? new Set([best]) : new Set();
}

/** Copies of each skeleton, their distinct authors and the most by one author. */
function groupCopies(keys: readonly string[], comments: readonly YouTubeComment[]): Map<string, DuplicateInfo> {
  const groups = new Map<string, DuplicateInfo>();
  const perAuthor = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key.length < MIN_GROUPED_KEY) continue;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { copies: 0, authors: 0, maxPerAuthor: 0 }));
    g.copies += 1;
    const authorKey = `${key}\u0000${authorOf(comments[i])}`;
    const mine = (perAuthor.get(authorKey) ?? 0) + 1;
    perAuthor.set(authorKey, mine);
    if (mine === 1) g.authors += 1;
    if (mine > g.maxPerAuthor) g.maxPerAuthor = mine;
  }
  return groups;
}

function latestTime(comments: readonly YouTubeComment[]): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of comments) {
    const t = Date.parse(c.publishedAt);
    if (t > latest) latest = t;
  }
  return Number.isFinite(latest) ? latest : 0;
}

function byAttention(a: ScoredComment, b: ScoredComment): number {
  return (
    b.engagement - a.engagement ||
    b.likeCount - a.likeCount ||
    (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function filterComments(comments: YouTubeComment[], options: FilterOptions = {}): FilterResult {
  const n = comments.length;
  const texts = new Array<string>(n);
  const lowers = new Array<string>(n);
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const text = normalizeText(typeof comments[i].text === "string" ? comments[i].text : "");
    texts[i] = text;
    lowers[i] = text.toLowerCase();
    keys[i] = skeleton(lowers[i]);
  }

  const selfVideoIds = options.videoId ? new Set([options.videoId.toLowerCase()]) : inferSelfVideo(comments);
  const groups = groupCopies(keys, comments);
  const nowMs = options.now ? options.now.getTime() : latestTime(comments);

  const kept: ScoredComment[] = [];
  const removed: RemovedComment[] = [];
  const byReason: Record<string, number> = {};
  for (const reason of SPAM_REASONS) byReason[reason] = 0;
  let lowValue = 0;

  for (let i = 0; i < n; i++) {
    const comment = comments[i];
    const group = groups.get(keys[i]);
    const verdict = judgeNormalized(texts[i], lowers[i], keys[i], {
      selfVideoIds,
      duplicates: group && group.copies > 1 ? group : undefined,
    });
    if (verdict.spam && verdict.reason) {
      removed.push({ comment, reason: verdict.reason, detail: verdict.detail ?? verdict.reason });
      byReason[verdict.reason] += 1;
      continue;
    }
    const signals = contentSignals(lowers[i]);
    if (signals.lowValue) lowValue += 1;
    kept.push({
      ...comment,
      engagement: engagementScore(comment, signals, nowMs),
      isQuestion: signals.isQuestion,
      isFeedback: signals.isFeedback,
      lowValue: signals.lowValue,
    });
  }
  kept.sort(byAttention);

  return { kept, removed, counts: { total: n, kept: kept.length, removed: removed.length, lowValue, byReason } };
}
