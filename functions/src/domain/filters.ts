// The comment filters a caller picks from and a service applies: which
// comments Ask AI reads, which the inbox lists, which held comments the review
// queue shows. Plain values: the contracts validate with them and the services
// filter with them, without loading each other.
export const CONTEXT_FILTERS = ["all", "positive", "negative", "questions", "feedback", "toxic"] as const;
export type ContextFilter = (typeof CONTEXT_FILTERS)[number];

export const INBOX_KINDS = ["question", "request", "criticism", "toxic"] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const HELD_STATUSES = ["heldForReview", "likelySpam"] as const;
