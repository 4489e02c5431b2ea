// The learned half of "needs attention": the phrase rules of category.ts
// find questions, problems, requests and suggestions with high recall; this
// logistic model (concernFeatures.ts, trained by tools/train/concerns.ts)
// vetoes the matches a creator would not act on ("how did you get so good",
// "why is this so funny"), which is where the rules lost precision.
import { lazyModel, probability, type LinearModel } from "../../core/linearModel";
import { concernDense, concernScale, concernSparse, type CategoryExplanation } from "./concernFeatures";
import * as weights from "./concern-model.generated";

export type ConcernModel = LinearModel;

export const shippedConcernModel = lazyModel(weights);

/**
 * Whether a comment the rules found actionable really asks something of the
 * creator; `strictness` scales the threshold (1 = as trained, lower = veto only when surer).
 */
export function confirmsConcern(model: ConcernModel, explained: CategoryExplanation, flat: string, strictness = 1): boolean {
  const sparse = concernSparse(flat);
  return probability(model, concernDense(explained, true, flat), sparse, concernScale(sparse.length)) >= model.threshold * strictness;
}
