// L2-regularised logistic regression over sparse binary + dense features,
// trained by AdaGrad with a seeded shuffle so every run gives the same weights.

export interface Example {
  sparse: string[];
  /** Value of every sparse feature of this example (e.g. 1/√n length normalisation). */
  scale: number;
  dense: number[];
  /** 1 = positive class. */
  y: 0 | 1;
}

export interface TrainOptions {
  epochs: number;
  /** L2 strength per example update. */
  l2: number;
  learningRate: number;
  /** Sparse features seen in fewer training examples are ignored. */
  minCount: number;
  seed: number;
}

export interface LogisticModel {
  bias: number;
  dense: number[];
  sparse: Map<string, number>;
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function logit(model: LogisticModel, ex: Omit<Example, "y">): number {
  let z = model.bias;
  for (let k = 0; k < ex.dense.length; k += 1) z += (model.dense[k] ?? 0) * ex.dense[k];
  let sum = 0;
  for (const f of ex.sparse) sum += model.sparse.get(f) ?? 0;
  return z + sum * ex.scale;
}

export function train(examples: Example[], options: TrainOptions): LogisticModel {
  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of ex.sparse) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c >= options.minCount) index.set(f, index.size);

  const denseSize = examples[0]?.dense.length ?? 0;
  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  const wd = new Float64Array(denseSize);
  const gd2 = new Float64Array(denseSize).fill(1e-8);
  let bias = 0;
  let gb2 = 1e-8;

  const rows = examples.map((ex) => ({
    ids: ex.sparse.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    dense: ex.dense,
    scale: ex.scale,
    y: ex.y,
  }));
  const order = rows.map((_, i) => i);
  const random = rng(options.seed);
  const lr = options.learningRate;

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const r of order) {
      const row = rows[r];
      let z = bias;
      for (const id of row.ids) z += w[id] * row.scale;
      for (let k = 0; k < denseSize; k += 1) z += wd[k] * row.dense[k];
      const err = sigmoid(z) - row.y;
      gb2 += err * err;
      bias -= (lr * err) / Math.sqrt(gb2);
      for (const id of row.ids) {
        const g = err * row.scale + options.l2 * w[id];
        g2[id] += g * g;
        w[id] -= (lr * g) / Math.sqrt(g2[id]);
      }
      for (let k = 0; k < denseSize; k += 1) {
        const g = err * row.dense[k] + options.l2 * wd[k];
        gd2[k] += g * g;
        wd[k] -= (lr * g) / Math.sqrt(gd2[k]);
      }
    }
  }
  const sparse = new Map<string, number>();
  for (const [f, id] of index) sparse.set(f, w[id]);
  return { bias, dense: [...wd], sparse };
}
