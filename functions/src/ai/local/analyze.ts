// The local provider's per-comment analysis: sentiment, emotions, category and toxicity
// for a batch, offline and deterministic (same input, same output).
import type { Category, CommentAnalysis, CommentInput } from "../types";
import { classifyCategory } from "./category";
import { emotionsOfTokens } from "./emotion";
import { sentimentOfTokens } from "./sentiment";
import { isToxicTokens } from "./toxicity";
import { flatten, normalizeText, tokenize } from "./tokenize";

const ASKING: ReadonlySet<Category> = new Set(["question", "request", "suggestion"]);

// A problem the video solved reads negative word by word ("the echo is almost
// gone", "the hum is finally fixed") but is the best thing a viewer can tell a creator.
const PROBLEM_SOLVED =
  /\b(?:(?:is|are|was|were|now|got|have|has|been) (?:almost |nearly |finally |totally |completely |all |pretty much |basically )?(?:gone|fixed|solved|sorted|resolved|way better|much better|so much better|a lot better|half what it was)|(?:fixed|solved|sorted) (?:it|my|the|that)|no more (?:echo|hum|noise|buzz|buzzing|problems?|issues?|lag|shadows)|works? (?:perfectly |great |fine )?now|got rid of)\b/;
const NOT_SOLVED = /\b(?:not|isn'?t|aren'?t|wasn'?t|never|still not|no longer)\b [^.!?]{0,20}\b(?:gone|fixed|solved|better|works?)\b/;

function solvesProblem(lower: string): boolean {
  return PROBLEM_SOLVED.test(lower) && !NOT_SOLVED.test(lower);
}

export function analyzeComment(comment: CommentInput): CommentAnalysis {
  // Stored data is not always what the types promise: a missing text is an empty comment.
  const text = typeof comment.text === "string" ? comment.text : "";
  const tokens = tokenize(text);
  const flat = flatten(text);
  // A plain question or remark (no sentiment word, no sign of an opinion) is already neutral here.
  const details = sentimentOfTokens(tokens, text);
  const category = classifyCategory(text, details, flat);
  const solved = !ASKING.has(category) && details.sentiment !== "positive" && solvesProblem(normalizeText(text).toLowerCase());
  return {
    id: comment.id,
    sentiment: solved ? "positive" : details.sentiment,
    score: solved ? Math.max(0.5, details.score) : details.score,
    emotions: emotionsOfTokens(tokens, flat),
    category,
    toxic: isToxicTokens(tokens, text),
  };
}

export function analyzeCommentsLocally(batch: CommentInput[]): CommentAnalysis[] {
  return batch.map(analyzeComment);
}
