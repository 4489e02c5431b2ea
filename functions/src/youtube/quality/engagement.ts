// How much a comment deserves the creator's attention: what the audience did
// with it (likes, replies), what it offers (a question, feedback, substance)
// and how fresh it is. Deterministic for a given `nowMs`.
import type { YouTubeComment } from "../types";
import type { ContentSignals } from "./signals";

// Likes are log-scaled: the 1,000th like says less than the 10th.
const LIKE_WEIGHT = 4; // per doubling of (likes + 1)
// A reply is a conversation the creator may want to join: worth more than a like.
const REPLY_WEIGHT = 6; // per doubling of (replies + 1)
const QUESTION_BONUS = 10;
const FEEDBACK_BONUS = 12;
// Substance up to ~40 words; beyond that length stops saying more.
const WORD_WEIGHT = 0.15;
const WORD_CAP = 40;
const LOW_VALUE_PENALTY = 6;
const RECENCY_WEIGHT = 8;
const RECENCY_HALF_LIFE_MS = 7 * 24 * 3_600_000;

function nonNegative(n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0;
}

/**
 * Engagement score, 0 or more; higher means more worth reading. Pass
 * `publishedMs` when the caller has already parsed `c.publishedAt`.
 */
export function engagementScore(
  c: Pick<YouTubeComment, "likeCount" | "replyCount" | "publishedAt">,
  s: ContentSignals,
  nowMs: number,
  publishedMs: number = Date.parse(c.publishedAt),
): number {
  let score = LIKE_WEIGHT * Math.log2(1 + nonNegative(c.likeCount)) + REPLY_WEIGHT * Math.log2(1 + nonNegative(c.replyCount));
  if (s.isQuestion) score += QUESTION_BONUS;
  if (s.isFeedback) score += FEEDBACK_BONUS;
  score += WORD_WEIGHT * Math.min(s.words, WORD_CAP);
  if (s.lowValue) score -= LOW_VALUE_PENALTY;
  if (Number.isFinite(publishedMs) && Number.isFinite(nowMs)) {
    // Future timestamps (clock skew) count as brand new, not as extra-fresh.
    const age = Math.max(0, nowMs - publishedMs);
    score += RECENCY_WEIGHT * Math.pow(2, -age / RECENCY_HALF_LIFE_MS);
  }
  return Math.max(0, Math.round(score * 100) / 100);
}
