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
] as const;

export type SpamReason = (typeof SPAM_REASONS)[number];
