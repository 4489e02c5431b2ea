// Features of the learned "needs attention" check, shared by the runtime
// (category.ts) and its trainer (tools/train/concerns.ts): which rule family
// of category.ts matched (the rules give recall), plus words and bigrams of
// the flattened text (the model learns which of those matches a creator
// should really act on: precision).
import type { Category } from "../types";
import { flatWordCount } from "./tokenize";

/** What the category rules (category.ts) decided: the check's input. */
export interface CategoryExplanation {
  category: Category;
  /** Which rule decided, e.g. "question#3" (index into that rule list): for debugging and tuning. */
  rule: string;
}

export const CONCERN_DENSE_FEATURES = ["actionable", "question", "toViewers", "request", "suggestion", "feedback", "criticism", "appreciation", "short", "long"] as const;

// Asked of the other viewers, not the creator: "anyone else here after the stream", "who else is watching at 3am", "whos here in 2026".
const TO_VIEWERS = / (?:who else|anyone else|anybody else|any1 else|everyone else|am i the only|is it just me|(?:whos|who is|who s) (?:still )?(?:here|watching|listening))\b/;

/** A flattened sentence addressed to the other viewers ("anyone else here in 2026"). */
export function asksOtherViewers(flat: string): boolean {
  return TO_VIEWERS.test(flat);
}

export function concernSparse(flat: string): string[] {
  const words = flat.trim().split(" ").filter((w) => w.length > 0);
  const out = new Set<string>();
  for (let i = 0; i < words.length && i < 80; i += 1) {
    out.add(`w:${words[i]}`);
    if (i > 0) out.add(`b:${words[i - 1]} ${words[i]}`);
    if (i === 0) out.add(`s:${words[i]}`);
  }
  return [...out];
}

export function concernScale(n: number): number {
  return 1 / Math.sqrt(Math.max(n, 1));
}

export function concernDense(explained: CategoryExplanation, actionable: boolean, flat: string): number[] {
  const family = explained.rule.split("#")[0];
  const words = flatWordCount(flat);
  return [
    actionable ? 1 : 0,
    // The training comments have no punctuation, so the "?" rule never fires
    // there: a "?" question must read as the phrase rules' questions do, or
    // the model sees an actionable match of no known family and vetoes it.
    family === "question" || family === "problem" || explained.rule === "question-mark" ? 1 : 0,
    asksOtherViewers(flat) ? 1 : 0,
    family === "request" ? 1 : 0,
    family === "suggestion" ? 1 : 0,
    family === "feedback" ? 1 : 0,
    family === "criticism" || explained.rule === "negative-about-content" ? 1 : 0,
    family === "appreciation" || explained.rule === "short-positive" ? 1 : 0,
    words <= 4 ? 1 : 0,
    words >= 30 ? 1 : 0,
  ];
}
