// The local provider's per-comment analysis: sentiment, emotions, category and toxicity
// for a batch, offline and deterministic (same input, same output).
import type { Category, CommentAnalysis, CommentInput } from "../types";
import { classifyCategory } from "./category";
import { emotionsOfTokens } from "./emotion";
import { sentimentOfTokens } from "./sentiment";
import { isToxicTokens } from "./toxicity";
import { flattenNormalized, normalizeText, tokenizeNormalized } from "./tokenize";
import { verdictOf } from "./verdicts";

const ASKING: ReadonlySet<Category> = new Set(["question", "request", "suggestion"]);

export function analyzeComment(comment: CommentInput): CommentAnalysis {
  // Stored data is not always what the types promise: a missing text is an empty comment.
  const text = typeof comment.text === "string" ? comment.text : "";
  // Normalised once for both forms (tokenize and flatten would each do it).
  const clean = normalizeText(text);
  const tokens = tokenizeNormalized(clean);
  const flat = flattenNormalized(clean);
  // A plain question or remark (no sentiment word, no sign of an opinion) is already neutral here.
  const details = sentimentOfTokens(tokens, text);
  const category = classifyCategory(text, details, flat);
  const verdict = verdictOf(flat, details.sentiment, details.lexicon.negative, ASKING.has(category));
  return {
    id: comment.id,
    sentiment: verdict ?? details.sentiment,
    score: verdict === "positive" ? Math.max(0.5, details.score) : verdict === "negative" ? Math.min(-0.5, details.score) : details.score,
    emotions: emotionsOfTokens(tokens, flat),
    category,
    toxic: isToxicTokens(tokens, text),
  };
}

export function analyzeCommentsLocally(batch: CommentInput[]): CommentAnalysis[] {
  return batch.map(analyzeComment);
}
