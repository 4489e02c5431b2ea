// Whether a comment is toxic (insults, harassment, hate, threats, obscenity
// aimed at a person): a logistic model over toxicFeatures.ts, trained by
// tools/train/toxicity.ts, weights in toxicity-model.generated.ts.
import { lazyModel, probability } from "../../core/linearModel";
import { toxicCounts, toxicDense, toxicScale, toxicSparse, type ToxicCounts } from "./toxicFeatures";
import * as weights from "./toxicity-model.generated";
import { tokenize, type Token } from "./tokenize";

const model = lazyModel(weights);

// A comment with no abusive word at all (lexicon, toxicLexicon.ts) is never
// called toxic, and the model is not even run on it: its training data is one
// heated news topic, where even neutral wording leans toxic, and a creator's
// comment section is not that. It also keeps the analysis fast, since most
// comments have no such word.
const lexical = (c: ToxicCounts): boolean => c.profanity + c.insults + c.slurs + c.groupClaim + c.violentCall > 0;

/** The model's probability that the comment is toxic. */
export function toxicProbabilityOfTokens(tokens: Token[], raw: string, counts = toxicCounts(tokens, raw)): number {
  const sparse = toxicSparse(tokens);
  return probability(model(), toxicDense(tokens, raw, counts), sparse, toxicScale(sparse.length));
}

export function isToxicTokens(tokens: Token[], raw: string): boolean {
  const counts = toxicCounts(tokens, raw);
  return lexical(counts) && toxicProbabilityOfTokens(tokens, raw, counts) >= model().threshold;
}

export function isToxic(text: string): boolean {
  return isToxicTokens(tokenize(text), text);
}
