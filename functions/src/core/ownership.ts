// Every top-level collection whose documents belong to one user, by their
// `userId` field. deleteAccount removes all of them (with subcollections),
// so a feature that adds a user-owned collection adds it here.
export const USER_OWNED_COLLECTIONS = ["analysis_jobs", "analyses", "conversations", "paddle_events", "paddle_customers", "channel_tokens", "reply_history", "moderation_actions"] as const;
