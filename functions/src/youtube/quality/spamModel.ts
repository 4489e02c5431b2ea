// The learned spam model beside the rules: a logistic regression over
// character n-grams, words and a few context signals (spamFeatures.ts),
// trained by tools/train/spam.ts. It only sees comments the explainable rules
// kept, and a removal it makes still carries a reason: the words that
// weighed most towards spam.
import { lazyModel, probability, type LinearModel } from "../../core/linearModel";
import * as weights from "./spam-model.generated";
import { spamDense, spamScale, spamSparse, type SpamContextFeatures } from "./spamFeatures";

export type SpamModel = LinearModel;

/** The committed model, built on first use. */
export const shippedSpamModel = lazyModel(weights);

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
