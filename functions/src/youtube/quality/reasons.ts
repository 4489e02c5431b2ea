// Why a comment was removed. Each value names one kind of spam a creator recognises.
export const SPAM_REASONS = [
  "link", // a link elsewhere: the commonest payload of comment spam
  "promotion", // third-party promotion: petitions, votes, apps, "check this out"
  "self_promotion", // "check my channel", "subscribe to me", subscriber goals
  "sub4sub", // subscribe-for-subscribe and follow-back offers
  "like_bait", // "like this comment"
  "scam", // free gift cards, money making, hacks, adult offers
  "contact", // phone numbers, WhatsApp/Telegram handles
  "bot_pattern", // template text posted by scripts (share-button text)
  "duplicate_flood", // the same text pasted across accounts or reposted by one
  "spam_wording", // no single rule, but wording the learned model has seen in spam (spamModel.ts)
  "impersonation", // a name that reads as the channel's own, on another account (impersonation.ts)
  "known_spammer", // an author on the creator's spammer list (authorLists)
  "channel_flood", // near-same text already posted on the channel's other videos (waves.ts)
] as const;

export type SpamReason = (typeof SPAM_REASONS)[number];

/** How much a removal should worry the creator: high ones are scams, sorted first, their authors worth banning. */
export type SpamSeverity = "high" | "medium" | "low";

const SEVERITY: Record<SpamReason, SpamSeverity> = {
  link: "medium",
  promotion: "low",
  self_promotion: "low",
  sub4sub: "low",
  like_bait: "low",
  scam: "high",
  contact: "high",
  bot_pattern: "low",
  duplicate_flood: "medium",
  spam_wording: "low",
  impersonation: "medium",
  known_spammer: "high",
  channel_flood: "medium",
};

/** A reason's severity; a contact lure on the comment makes any removal high. */
export function spamSeverity(reason: SpamReason, lures: readonly string[] = []): SpamSeverity {
  return lures.length > 0 ? "high" : SEVERITY[reason];
}
