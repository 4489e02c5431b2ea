// The learned spam model beside the rules: a logistic regression over
// character n-grams, words and a few context signals (spamFeatures.ts),
// trained by tools/train/spam.ts. It only sees comments the explainable rules
// kept, and a removal it makes still carries a reason: the words that
// weighed most towards spam.
import { lazyModel, probability, type GeneratedWeights, type LinearModel } from "../../core/linearModel";
import { spamDense, spamScale, spamSparse, type SpamContextFeatures } from "./spamFeatures";

export type SpamModel = LinearModel;

/**
 * The committed model, loaded and built on first use: this module is part of
 * lib/index.js (fetching comments filters them), and ~100 KB of weights would
 * otherwise be parsed in the cold start of every function.
 */
export const shippedSpamModel = lazyModel(
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  () => require("./spam-model.generated") as GeneratedWeights,
);

export interface SpamScore {
  probability: number;
  /** The words that weighed most towards spam, strongest first (only above the threshold). */
  evidence: string[];
}

const EVIDENCE = 3;

export function scoreSpam(model: SpamModel, text: string, lower: string, ctx: SpamContextFeatures): SpamScore {
  const sparse = spamSparse(lower);
  const p = probability(model, spamDense(text, lower, ctx), sparse, spamScale(sparse.length));
  if (p < model.threshold) return { probability: p, evidence: [] };
  const evidence = sparse
    .filter((f) => f.startsWith("w:") && (model.sparse.get(f) ?? 0) > 0)
    .sort((a, b) => (model.sparse.get(b) ?? 0) - (model.sparse.get(a) ?? 0))
    .slice(0, EVIDENCE)
    .map((f) => f.slice(2));
  return { probability: p, evidence };
}
