// Whether a comment is toxic (insults, harassment, hate, threats, obscenity
// aimed at a person): a logistic model over toxicFeatures.ts, trained by
// tools/train/toxicity.ts, weights in toxicity-model.generated.ts.
import { toxicCounts, toxicDense, toxicScale, toxicSparse, type ToxicCounts } from "./toxicFeatures";
import { BIAS, DENSE_WEIGHTS, SPARSE_WEIGHTS, THRESHOLD } from "./toxicity-model.generated";
import { tokenize, type Token } from "./tokenize";

let weights: Map<string, number> | undefined;

// Without a single abusive word, only a near-certain model calls a comment toxic:
// its training data is one heated news topic, where even neutral wording leans
// toxic, and a creator's comment section is not that. (Held-out F1 0.75 either
// way; on the demo video's comments it is the difference between 0 and dozens flagged.)
const WITHOUT_LEXICON = 0.8;

const lexical = (c: ToxicCounts): boolean => c.profanity + c.insults + c.slurs + c.groupClaim + c.violentCall > 0;

/** The model's probability that the comment is toxic. */
export function toxicProbabilityOfTokens(tokens: Token[], raw: string, counts = toxicCounts(tokens, raw)): number {
  weights ??= new Map(Object.entries(SPARSE_WEIGHTS));
  const dense = toxicDense(tokens, raw, counts);
  let z = BIAS;
  for (let k = 0; k < dense.length; k += 1) z += (DENSE_WEIGHTS[k] ?? 0) * dense[k];
  const sparse = toxicSparse(tokens);
  const scale = toxicScale(sparse.length);
  for (const f of sparse) z += (weights.get(f) ?? 0) * scale;
  return 1 / (1 + Math.exp(-z));
}

export function isToxicTokens(tokens: Token[], raw: string): boolean {
  const counts = toxicCounts(tokens, raw);
  const p = toxicProbabilityOfTokens(tokens, raw, counts);
  return p >= THRESHOLD && (lexical(counts) || p >= WITHOUT_LEXICON);
}

export function isToxic(text: string): boolean {
  return isToxicTokens(tokenize(text), text);
}
