// Turns provider output (keyed by short per-request ids like "c17") into what
// Lently stores: per-comment records keyed by YouTube comment ids, and
// insights/summary whose comment references all exist in the analysis.
import { isUnanswered, isViewerQuestion, uncheckedCounts, unansweredCounts } from "../ai/needsAnswer";
import type { AnalysedComment, CommentAnalysis, ExecutiveSummary, Insights } from "../ai/types";
import type { ScoredComment } from "../youtube/quality/filter";
import type { OwnerReplyState } from "../youtube/threads";

/** One analysed comment as stored in analyses/{id}/comments/{chunk}. */
export interface StoredComment {
  id: string;
  author: string;
  text: string;
  likeCount: number;
  replyCount: number;
  publishedAt: string;
  engagement: number;
  isQuestion: boolean;
  isFeedback: boolean;
  sentiment: CommentAnalysis["sentiment"];
  score: number;
  emotions: CommentAnalysis["emotions"];
  category: CommentAnalysis["category"];
  /** Absent on analyses stored before the flag existed. */
  toxic?: boolean;
  blocked?: boolean;
  /** ISO 639-1 code (ai/language/detect.ts), null when undetermined; absent on analyses stored before it existed. */
  language?: string | null;
  /** `language`: the provider could not read it (sentiment and category null). */
  unread?: "language";
  /** The channel owner replied in this comment's thread (whole threads, youtube/threads.ts); always written since threads are fetched whole. */
  answeredByOwner?: boolean;
  ownerRepliedAt?: string;
  /** Written (true) when the thread has replies nobody read: answeredByOwner is then false but not known, and the comment is counted as unchecked, never unanswered. */
  repliesUnchecked?: boolean;
  /** Written (true) on the channel owner's own comments: analysed like the rest, but nothing the owner must answer. */
  byOwner?: boolean;
}

/** A kept comment as the source loads it: scored, and with its thread's owner-reply state when known. */
export type SourceComment = ScoredComment & Partial<OwnerReplyState>;

export const shortId = (index: number): string => `c${index}`;

/**
 * Joins comments with their analyses. A comment the provider returned nothing
 * for is kept as neutral/other rather than dropped: every fetched comment
 * stays in the analysis.
 */
export function joinAnalyses(comments: SourceComment[], analyses: CommentAnalysis[]): {
  stored: StoredComment[];
  analysed: AnalysedComment[];
  missing: number;
} {
  const byId = new Map(analyses.map((a) => [a.id, a]));
  const stored: StoredComment[] = [];
  const analysed: AnalysedComment[] = [];
  let missing = 0;
  comments.forEach((comment, index) => {
    const id = shortId(index);
    let result = byId.get(id);
    if (!result) {
      missing += 1;
      result = { id, sentiment: "neutral", score: 0, emotions: [], category: "other" };
    }
    stored.push({
      id: comment.id,
      author: comment.author,
      text: comment.text,
      likeCount: comment.likeCount,
      replyCount: comment.replyCount,
      publishedAt: comment.publishedAt,
      engagement: comment.engagement,
      isQuestion: comment.isQuestion,
      isFeedback: comment.isFeedback,
      sentiment: result.sentiment,
      score: result.score,
      emotions: result.emotions,
      toxic: result.toxic === true,
      category: result.category,
      ...(result.blocked ? { blocked: true } : {}),
      language: result.language ?? null,
      ...(result.unread ? { unread: result.unread } : {}),
      answeredByOwner: comment.answeredByOwner ?? false,
      ...(comment.ownerRepliedAt ? { ownerRepliedAt: comment.ownerRepliedAt } : {}),
      ...(comment.repliesUnchecked ? { repliesUnchecked: true } : {}),
      ...(comment.byOwner ? { byOwner: true } : {}),
    });
    analysed.push({
      text: comment.text,
      author: comment.author,
      likeCount: comment.likeCount,
      answeredByOwner: comment.answeredByOwner ?? false,
      ...(comment.repliesUnchecked ? { repliesUnchecked: true } : {}),
      ...(comment.byOwner ? { byOwner: true } : {}),
      ...result,
    });
  });
  return { stored, analysed, missing };
}

/** Maps short ids to YouTube ids, dropping any id the provider made up. */
export function resolveIds(ids: readonly string[], stored: readonly StoredComment[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const match = /^c(\d+)$/.exec(id);
    const comment = match ? stored[Number(match[1])] : undefined;
    if (comment && !out.includes(comment.id)) out.push(comment.id);
  }
  return out;
}

export function resolveInsights(insights: Insights, stored: StoredComment[]): Insights {
  return {
    themes: insights.themes.map((t) => ({ ...t, commentIds: resolveIds(t.commentIds, stored) })),
    contentIdeas: insights.contentIdeas.map((c) => ({ ...c, commentIds: resolveIds(c.commentIds, stored) })),
    audience: insights.audience,
  };
}

export function resolveSummary(summary: ExecutiveSummary, stored: StoredComment[]): ExecutiveSummary {
  return {
    ...summary,
    priorityActions: summary.priorityActions.map((a) => ({ ...a, commentIds: resolveIds(a.commentIds, stored) })),
  };
}

type QuestionOrder = "engagement" | "likes";

/** Most likes first, then by id: the inbox's default order (getInbox), so both list the same questions first. */
export const byLikesThenId = (a: Pick<StoredComment, "id" | "likeCount">, b: Pick<StoredComment, "id" | "likeCount">): number =>
  b.likeCount - a.likeCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The viewer questions most worth answering: questions first by engagement (or by likes, as the inbox lists them). */
export function topQuestions(stored: StoredComment[], max = 10, order: QuestionOrder = "engagement") {
  return stored
    .filter(isViewerQuestion)
    .sort(order === "likes" ? byLikesThenId : (a, b) => b.engagement - a.engagement)
    .slice(0, max)
    .map((c) => ({ commentId: c.id, author: c.author, text: c.text, likeCount: c.likeCount, replyCount: c.replyCount }));
}

/**
 * What still needs the owner: questions, requests and criticism the channel
 * has not replied to in threads read whole, and apart from them those whose
 * thread was not read whole (`unchecked`: not claimed either way).
 */
export function ownerAnswers(stored: StoredComment[], max = 10) {
  const unanswered = unansweredCounts(stored);
  const unchecked = uncheckedCounts(stored);
  return {
    unanswered: { ...unanswered, total: unanswered.question + unanswered.request + unanswered.criticism },
    unchecked: { ...unchecked, total: unchecked.question + unchecked.request + unchecked.criticism },
    answeredByOwner: stored.filter((c) => c.answeredByOwner).length,
    unansweredQuestions: topQuestions(stored.filter(isUnanswered), max, "likes"),
  };
}
