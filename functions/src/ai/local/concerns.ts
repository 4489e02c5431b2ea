// The learned half of "needs attention": the phrase rules of category.ts
// find questions, problems, requests and suggestions with high recall; this
// logistic model (concernFeatures.ts, trained by tools/train/concerns.ts)
// vetoes the matches a creator would not act on ("how did you get so good",
// "why is this so funny"), which is where the rules lost precision.
import { concernDense, concernScale, concernSparse } from "./concernFeatures";
import type { CategoryExplanation } from "./category";
import { BIAS, DENSE_WEIGHTS, SPARSE_WEIGHTS, THRESHOLD } from "./concern-model.generated";

export interface ConcernModel {
  bias: number;
  dense: readonly number[];
  sparse: ReadonlyMap<string, number>;
  threshold: number;
}

let shipped: ConcernModel | undefined;

export function shippedConcernModel(): ConcernModel {
  shipped ??= { bias: BIAS, dense: DENSE_WEIGHTS, sparse: new Map(Object.entries(SPARSE_WEIGHTS)), threshold: THRESHOLD };
  return shipped;
}

/**
 * Whether a comment the rules found actionable really asks something of the
 * creator; `strictness` scales the threshold (1 = as trained, lower = veto only when surer).
 */
export function confirmsConcern(model: ConcernModel, explained: CategoryExplanation, flat: string, strictness = 1): boolean {
  const dense = concernDense(explained, true, flat);
  let z = model.bias;
  for (let k = 0; k < dense.length; k += 1) z += (model.dense[k] ?? 0) * dense[k];
  const sparse = concernSparse(flat);
  const scale = concernScale(sparse.length);
  for (const f of sparse) z += (model.sparse.get(f) ?? 0) * scale;
  return 1 / (1 + Math.exp(-z)) >= model.threshold * strictness;
}
