// Sentiment of one comment: the lexicon/rule score (negation, degree words,
// contrast, emoji, slang) fed with word and bigram evidence into a logistic
// model trained by tools/train/sentiment.ts.
import type { Sentiment } from "../types";
import { denseFeatures, sparseFeatures, sparseScale } from "./features";
import { lexiconScore, type LexiconScore } from "./lexicon-score";
import { BIAS, DENSE_WEIGHTS, SPARSE_WEIGHTS } from "./sentiment-model.generated";
import { tokenize, type Token } from "./tokenize";

export interface SentimentResult {
  sentiment: Sentiment;
  /** -1 (very negative) … 1 (very positive). */
  score: number;
}

export interface SentimentDetails extends SentimentResult {
  lexicon: LexiconScore;
  /** The trained model's log-odds of "positive". */
  logit: number;
}

const WEIGHTS = new Map<string, number>(Object.entries(SPARSE_WEIGHTS));

// Below this log-odds, with no sentiment word at all, a comment is neutral
// ("what mic do you use"): the model alone is only guessing from topic words.
const NEUTRAL_MARGIN = 0.6;
// Both sides at least this strong, and the model undecided: mixed.
const MIXED_SIDE = 1.8;
const MIXED_MARGIN = 0.8;

function modelLogit(tokens: Token[], lex: LexiconScore): number {
  let z = BIAS;
  const dense = denseFeatures(tokens, lex);
  for (let k = 0; k < dense.length; k += 1) z += (DENSE_WEIGHTS[k] ?? 0) * dense[k];
  const sparse = sparseFeatures(tokens);
  let sum = 0;
  for (const f of sparse) sum += WEIGHTS.get(f) ?? 0;
  return z + sum * sparseScale(sparse.length);
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function sentimentOfTokens(tokens: Token[]): SentimentDetails {
  const lexicon = lexiconScore(tokens);
  const hasContent = tokens.some((t) => t.kind === "word" || t.kind === "emoji" || t.kind === "emoticon");
  if (!hasContent) return { sentiment: "neutral", score: 0, lexicon, logit: 0 };
  const logit = modelLogit(tokens, lexicon);
  const score = round3(2 / (1 + Math.exp(-logit)) - 1);
  let sentiment: Sentiment;
  if (lexicon.hits === 0 && Math.abs(logit) < NEUTRAL_MARGIN) sentiment = "neutral";
  else if (lexicon.positive >= MIXED_SIDE && lexicon.negative >= MIXED_SIDE && Math.abs(logit) < MIXED_MARGIN) sentiment = "mixed";
  else sentiment = logit >= 0 ? "positive" : "negative";
  return { sentiment, score, lexicon, logit };
}

export function scoreSentiment(text: string): SentimentResult {
  const { sentiment, score } = sentimentOfTokens(tokenize(text));
  return { sentiment, score };
}
