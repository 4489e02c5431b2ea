// Analysed comments as compact prompt rows: [n, text, likes, sentiment, category],
// keyed by position so the model cites short numbers that map back to real ids.
import { uncheckedCounts, unansweredCounts } from "../needsAnswer";
import { ACTIONABLE_CATEGORIES, type AnalysedComment, type SentimentSummary, type ClassificationSummary } from "../types";
import { codeOfSentiment } from "./analysis";
import { clip } from "./fence";

export type CommentRow = [number, string, number, string, string];

export function commentRows(comments: readonly AnalysedComment[], maxChars: number): CommentRow[] {
  return comments.map((c, n) => [n + 1, clip(c.text, maxChars), c.likeCount ?? 0, c.sentiment ? codeOfSentiment(c.sentiment) : "-", c.category ?? "-"]);
}

/** Real comment ids for the row numbers a model cited; numbers outside the rows are dropped, repeats once. */
export function idsOf(numbers: readonly number[], comments: readonly AnalysedComment[]): string[] {
  const ids = new Set<string>();
  for (const n of numbers) {
    const comment = Number.isInteger(n) ? comments[n - 1] : undefined;
    if (comment) ids.add(comment.id);
  }
  return [...ids];
}

/**
 * Up to `limit` comments worth showing a model: spam and refused comments out;
 * half the room for the most liked, the rest preferring actionable comments
 * (questions, requests, criticism) so they are not crowded out by praise.
 */
export function sampleComments(comments: readonly AnalysedComment[], limit: number): AnalysedComment[] {
  const ranked = comments
    .filter((c) => !c.blocked && c.category !== "spam")
    .sort((a, b) => (b.likeCount ?? 0) - (a.likeCount ?? 0));
  if (ranked.length <= limit) return ranked;
  const picked = new Set(ranked.slice(0, Math.ceil(limit / 2)));
  for (const c of ranked) if (picked.size < limit && c.category !== null && ACTIONABLE_CATEGORIES.includes(c.category)) picked.add(c);
  for (const c of ranked) if (picked.size < limit) picked.add(c);
  return ranked.filter((c) => picked.has(c));
}

/** The aggregate figures a model needs, without the zero rows. */
export function statsData(sentiment?: SentimentSummary, classification?: ClassificationSummary) {
  const nonZero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v > 0));
  return {
    ...(sentiment
      ? {
          comments: sentiment.total,
          sentimentPct: nonZero(sentiment.percentages),
          averageScore: sentiment.averageScore,
          topEmotions: sentiment.topEmotions.map((e) => `${e.emotion}:${e.count}`),
        }
      : {}),
    ...(classification ? { categories: nonZero(classification.counts), actionable: classification.actionableCount } : {}),
  };
}

/** Questions, requests and criticism the creator has not replied to (only when replies are known); `notChecked`: in threads not read whole. */
export function unansweredData(comments: readonly AnalysedComment[]) {
  if (!comments.some((c) => c.answeredByOwner)) return undefined;
  const unread = Object.entries(uncheckedCounts(comments)).filter(([, n]) => n > 0);
  return {
    ...unansweredCounts(comments),
    answeredByCreator: comments.filter((c) => c.answeredByOwner).length,
    ...(unread.length ? { notChecked: Object.fromEntries(unread) } : {}),
  };
}
