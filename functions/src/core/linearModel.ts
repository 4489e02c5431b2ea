// A trained logistic model as the generated weight files hold it (see
// tools/train/render.ts): shared by the spam, toxicity and needs-attention
// models, each of which brings its own features.

export interface LinearModel {
  bias: number;
  dense: readonly number[];
  sparse: ReadonlyMap<string, number>;
  /** Probability from which the model says yes. */
  threshold: number;
}

export interface GeneratedWeights {
  BIAS: number;
  DENSE_WEIGHTS: readonly number[];
  SPARSE_WEIGHTS: Readonly<Record<string, number>>;
  THRESHOLD: number;
}

/**
 * The model of a generated module, built on first use (the Map costs a few ms).
 * `weights` may be a function that loads the module only then.
 */
export function lazyModel(source: GeneratedWeights | (() => GeneratedWeights)): () => LinearModel {
  let model: LinearModel | undefined;
  return () => {
    if (!model) {
      const weights = typeof source === "function" ? source() : source;
      model = { bias: weights.BIAS, dense: weights.DENSE_WEIGHTS, sparse: new Map(Object.entries(weights.SPARSE_WEIGHTS)), threshold: weights.THRESHOLD };
    }
    return model;
  };
}

/** Probability of yes: sigmoid(bias + dense·w + scale·Σ sparse weights). */
export function probability(model: LinearModel, dense: readonly number[], sparse: readonly string[], scale: number): number {
  let z = model.bias;
  for (let k = 0; k < dense.length; k += 1) z += (model.dense[k] ?? 0) * dense[k];
  let sum = 0;
  for (const f of sparse) sum += model.sparse.get(f) ?? 0;
  return 1 / (1 + Math.exp(-(z + sum * scale)));
}
