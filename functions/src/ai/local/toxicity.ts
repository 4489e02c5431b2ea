// Whether a comment is toxic (insults, harassment, hate, threats, obscenity
// aimed at a person): a logistic model over toxicFeatures.ts, trained by
// tools/train/toxicity.ts, weights in toxicity-model.generated.ts.
import { toxicDense, toxicScale, toxicSparse } from "./toxicFeatures";
import { BIAS, DENSE_WEIGHTS, SPARSE_WEIGHTS, THRESHOLD } from "./toxicity-model.generated";
import { tokenize, type Token } from "./tokenize";

let weights: Map<string, number> | undefined;

/** The model's probability that the comment is toxic. */
export function toxicProbabilityOfTokens(tokens: Token[], raw: string): number {
  weights ??= new Map(Object.entries(SPARSE_WEIGHTS));
  const dense = toxicDense(tokens, raw);
  let z = BIAS;
  for (let k = 0; k < dense.length; k += 1) z += (DENSE_WEIGHTS[k] ?? 0) * dense[k];
  const sparse = toxicSparse(tokens);
  const scale = toxicScale(sparse.length);
  for (const f of sparse) z += (weights.get(f) ?? 0) * scale;
  return 1 / (1 + Math.exp(-z));
}

export function isToxicTokens(tokens: Token[], raw: string): boolean {
  return toxicProbabilityOfTokens(tokens, raw) >= THRESHOLD;
}

export function isToxic(text: string): boolean {
  return isToxicTokens(tokenize(text), text);
}
