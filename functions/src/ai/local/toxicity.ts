// Whether a comment is toxic (insults, harassment, hate, threats, obscenity
// aimed at a person): a logistic model over toxicFeatures.ts, trained by
// tools/train/toxicity.ts, weights in toxicity-model.generated.ts.
import { lazyModel, probability } from "../../core/linearModel";
import { abusive, explicit, toxicCounts, toxicDense, toxicScale, toxicSparse, toxicTokens, type ToxicCounts } from "./toxicFeatures";
import * as weights from "./toxicity-model.generated";
import { tokenize, type Token } from "./tokenize";

const model = lazyModel(weights);

/** The model's probability that the comment (its tokens after toxicTokens) is toxic. */
export function toxicProbabilityOfTokens(tokens: Token[], counts: ToxicCounts = toxicCounts(tokens)): number {
  const sparse = toxicSparse(tokens);
  return probability(model(), toxicDense(tokens, counts), sparse, toxicScale(sparse.length));
}

export function isToxicTokens(tokens: Token[], raw: string): boolean {
  const own = toxicTokens(tokens, raw);
  const counts = toxicCounts(own);
  // A comment with no abuse that could be aimed at someone (toxicFeatures.ts:
  // no insult, slur or profanity at a person or at no one shown, no harm done
  // to a person, no sweeping claim about a group) is never called toxic, and
  // the model is not even run on it: its training data is one heated news
  // topic, where even neutral wording leans toxic, and a creator's comment
  // section is not that. It also keeps the analysis fast. Abuse said
  // outright as a phrase (harm wished on people, a hostile order, people
  // denied their humanity) is toxic without the model, too rare in its data to learn.
  return explicit(counts) || (abusive(counts) && toxicProbabilityOfTokens(own, counts) >= model().threshold);
}

export function isToxic(text: string): boolean {
  return isToxicTokens(tokenize(text), text);
}
