// The local provider's per-comment analysis: sentiment, emotions, category and toxicity
// for a batch, offline and deterministic (same input, same output).
import type { Category, CommentAnalysis, CommentInput } from "../types";
import { classifyCategory } from "./category";
import { emotionsOfTokens } from "./emotion";
import { sentimentOfTokens } from "./sentiment";
import { isToxicTokens } from "./toxicity";
import { flatten, tokenize } from "./tokenize";

const ASKING: ReadonlySet<Category> = new Set(["question", "request", "suggestion"]);

export function analyzeComment(comment: CommentInput): CommentAnalysis {
  // Stored data is not always what the types promise: a missing text is an empty comment.
  const text = typeof comment.text === "string" ? comment.text : "";
  const tokens = tokenize(text);
  const flat = flatten(text);
  const details = sentimentOfTokens(tokens);
  const category = classifyCategory(text, details, flat);
  // The sentiment model learned from product reviews, where plain factual
  // sentences lean negative. On a creator's video, a question or request with
  // no negative word in it is not criticism: call it neutral.
  const plainAsk = ASKING.has(category) && details.sentiment === "negative" && details.lexicon.negative === 0;
  return {
    id: comment.id,
    sentiment: plainAsk ? "neutral" : details.sentiment,
    score: plainAsk ? 0 : details.score,
    emotions: emotionsOfTokens(tokens, flat),
    category,
    toxic: isToxicTokens(tokens, text),
  };
}

export function analyzeCommentsLocally(batch: CommentInput[]): CommentAnalysis[] {
  return batch.map(analyzeComment);
}
