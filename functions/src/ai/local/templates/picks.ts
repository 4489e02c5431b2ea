// Which comments the local templates quote to a creator as criticism, or put
// forward to thank. A category is what the models judged a comment to be; a
// quote is a claim about it ("the most liked says …"), so it must be the
// thing named: criticism of the video or its creator, appreciation of them.
import type { AnalysedComment } from "../../types";
import { explainCategory, praisesOrThanks } from "../category";
import { flatten } from "../tokenize";

// Viewers speaking of those who disliked the video ("now who are the 16 … that
// disliked it", "why is everyone disliking this") defend it: they criticise
// other viewers. "The part that I disliked" still criticises the video.
const ABOUT_DISLIKERS =
  / (?:who|that|people|ppl|guys|idiots|everyone|everybody|anyone|anybody|haters|\d+k?)(?: (?!i |we )\S+){0,2} (?:dislike|dislikes|disliked|disliking)\b| dislikers?\b/;

/** A criticism comment that criticises the video or its creator. */
export function criticisesTheVideo(comment: AnalysedComment): boolean {
  return !comment.blocked && comment.category === "criticism" && !ABOUT_DISLIKERS.test(flatten(comment.text));
}

/**
 * How well an appreciation comment serves as the one to thank, best first:
 * 0 when the rules read appreciation in it ("great tutorial, thank you"), 1
 * when the model vetoed what the rules read first but its words thank or
 * praise ("thank u so much … pls upload more"), 2 when it is only short and
 * positive ("amazing!!"); undefined when it is no thanks at all: toxic,
 * negative or mixed, or a vetoed match in a kind tone that praises nothing (a
 * long critique: "This explanation completely misses…").
 */
function thanksRank(comment: AnalysedComment): number | undefined {
  if (comment.blocked || comment.toxic || comment.category !== "appreciation") return undefined;
  if (comment.sentiment === "negative" || comment.sentiment === "mixed") return undefined;
  const flat = flatten(comment.text);
  if (!comment.sentiment) return undefined;
  const explained = explainCategory(comment.text, { sentiment: comment.sentiment, score: comment.score }, flat);
  if (explained.category === "appreciation") return explained.rule === "short-positive" ? 2 : 0;
  return praisesOrThanks(flat) ? 1 : undefined;
}

/**
 * Up to `max` appreciation comments to thank, those whose words thank or praise
 * first, then most liked. `comments` must be most liked first: only as many are
 * judged as the pick needs.
 */
export function commentsToThank(comments: readonly AnalysedComment[], max: number): AnalysedComment[] {
  const tiers: AnalysedComment[][] = [[], [], []];
  for (const c of comments) {
    if (tiers[0].length >= max) break;
    const rank = thanksRank(c);
    if (rank !== undefined) tiers[rank].push(c);
  }
  return tiers.flat().slice(0, max);
}
