// What the creator owes an answer to: which comments are questions, requests
// or criticism to answer, which threads are known unanswered, and what reaches
// the inbox. The one definition the pipeline's counts, the prompts, the local
// templates, Ask AI and the inbox all use.
import { zeroes } from "./summaries";
import type { Category, CommentAnalysis } from "./types";

/** What a creator owes a reply to: the analysis' questions, requests and criticism. */
export const OWNER_KINDS = ["question", "request", "criticism"] as const satisfies readonly Category[];
export type OwnerKind = (typeof OWNER_KINDS)[number];

/** What decides whether a reply is owed: the category, a refusal, and who wrote it. */
type Owed = Pick<CommentAnalysis, "category" | "blocked"> & { byOwner?: boolean };
type Replyable = Owed & { answeredByOwner?: boolean; repliesUnchecked?: boolean };

/**
 * Which of OWNER_KINDS a comment is, by the category the analysis gave it
 * (never a refused comment). The one definition every count, list, prompt and
 * inbox of questions uses: the category, not the quality filter's `isQuestion`
 * (any "?" or wh-word), so "who's here in 2025?" is no question to answer, a
 * "can you…?" request counts once, and the numbers match the category counts.
 */
export function ownerKind(comment: Owed): OwnerKind | undefined {
  // The creator's own comment ("Which topic should I cover next?") owes nobody a reply.
  return comment.blocked || comment.byOwner ? undefined : OWNER_KINDS.find((k) => k === comment.category);
}

export const isViewerQuestion = (comment: Owed): boolean => ownerKind(comment) === "question";

/** What reaches the creator's inbox (getInbox's kinds): OWNER_KINDS, and toxic comments to moderate. */
export type AttentionKind = OwnerKind | "toxic";

export function attentionKinds(comment: Owed & Pick<CommentAnalysis, "toxic">): AttentionKind[] {
  const kind = ownerKind(comment);
  const kinds: AttentionKind[] = kind ? [kind] : [];
  if (comment.toxic === true && !comment.byOwner) kinds.push("toxic");
  return kinds;
}

/** Known not to have the owner's reply: no reply from the channel in a thread read whole (never one with unread replies). */
export const isUnanswered = (c: { answeredByOwner?: boolean; repliesUnchecked?: boolean }): boolean => !c.answeredByOwner && !c.repliesUnchecked;

/** Questions, requests and criticism the channel has not replied to (in threads read whole). */
export function unansweredCounts(comments: readonly Replyable[]): Record<OwnerKind, number> {
  const counts = zeroes<OwnerKind>(OWNER_KINDS);
  for (const c of comments) {
    const kind = isUnanswered(c) ? ownerKind(c) : undefined;
    if (kind) counts[kind] += 1;
  }
  return counts;
}

/** Questions, requests and criticism whose thread has replies nobody read (the page cap, a refusal): neither answered nor unanswered. */
export function uncheckedCounts(comments: readonly Replyable[]): Record<OwnerKind, number> {
  const counts = zeroes<OwnerKind>(OWNER_KINDS);
  for (const c of comments) {
    const kind = !c.answeredByOwner && c.repliesUnchecked ? ownerKind(c) : undefined;
    if (kind) counts[kind] += 1;
  }
  return counts;
}
