// The labels Lently gives a comment and the tones it writes replies in: the
// words the analysis results, the contracts and the settings all speak. Plain
// values (no zod), so any layer may load them.
export const SENTIMENTS = ["positive", "negative", "neutral", "mixed"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const CATEGORIES = [
  "question",
  "feedback",
  "suggestion",
  "appreciation",
  "criticism",
  "request",
  "discussion",
  "spam",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const EMOTIONS = [
  "joy",
  "love",
  "gratitude",
  "excitement",
  "amusement",
  "surprise",
  "curiosity",
  "confusion",
  "sadness",
  "anger",
  "frustration",
  "fear",
  "disappointment",
] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const REPLY_TONES = ["friendly", "professional", "humorous", "grateful", "informative"] as const;
export type ReplyTone = (typeof REPLY_TONES)[number];
