// Every top-level collection whose documents belong to one user, by their
// `userId` field. deleteAccount removes all of them (with subcollections),
// so a feature that adds a user-owned collection adds it here. Comment chunks
// (analyses/{id}/comments/{n}) carry `userId` too and are also found by a
// collection-group query, so a chunk whose analysis was never written goes
// as well. paddle_events is not here: billing audit records are kept, with
// the uid removed (ANONYMISED_ON_DELETE).
export const USER_OWNED_COLLECTIONS = ["analysis_jobs", "analyses", "conversations", "paddle_customers", "channel_tokens", "reply_history", "moderation_actions"] as const;

/** Collection groups of user-tagged documents that may outlive their parent. */
export const USER_TAGGED_GROUPS = ["comments"] as const;

/** Kept on deletion, with `userId` set to null. */
export const ANONYMISED_ON_DELETE = ["paddle_events"] as const;
