// The learned spam model beside the rules: a logistic regression over
// character n-grams, words and a few context signals (spamFeatures.ts),
// trained by tools/train/spam.ts. It only sees comments the explainable rules
// kept, and a removal it makes still carries a reason: the strongest n-grams
// that pushed it over the threshold.
import { BIAS, DENSE_WEIGHTS, SPARSE_WEIGHTS, THRESHOLD } from "./spam-model.generated";
import { spamDense, spamScale, spamSparse, type SpamContextFeatures } from "./spamFeatures";

export interface SpamModel {
  bias: number;
  dense: readonly number[];
  sparse: ReadonlyMap<string, number>;
  /** Probability from which a comment is removed. */
  threshold: number;
}

let shipped: SpamModel | undefined;

/** The committed model, built on first use. */
export function shippedSpamModel(): SpamModel {
  shipped ??= { bias: BIAS, dense: DENSE_WEIGHTS, sparse: new Map(Object.entries(SPARSE_WEIGHTS)), threshold: THRESHOLD };
  return shipped;
}

export interface SpamScore {
  probability: number;
  /** The words or fragments that weighed most towards spam, strongest first. */
  evidence: string[];
}

const EVIDENCE = 3;

export function scoreSpam(model: SpamModel, text: string, lower: string, ctx: SpamContextFeatures): SpamScore {
  const sparse = spamSparse(lower);
  const scale = spamScale(sparse.length);
  const dense = spamDense(text, lower, ctx);
  let z = model.bias;
  for (let k = 0; k < dense.length; k += 1) z += (model.dense[k] ?? 0) * dense[k];
  let top: Array<[string, number]> = [];
  for (const f of sparse) {
    const w = model.sparse.get(f);
    if (w === undefined) continue;
    z += w * scale;
    if (w > 0 && f.startsWith("w:")) top.push([f.slice(2), w]);
  }
  const probability = 1 / (1 + Math.exp(-z));
  if (probability < model.threshold) return { probability, evidence: [] };
  top = top.sort((a, b) => b[1] - a[1]).slice(0, EVIDENCE);
  return { probability, evidence: top.map(([word]) => word) };
}
