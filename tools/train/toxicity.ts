// Trains the local toxicity model (functions/src/ai/local/toxicity.ts) on the
// training part of ../shared/datasets/youtoxic and writes
// functions/src/ai/local/toxicity-model.generated.ts.
//
//   node --import tsx tools/train/toxicity.ts            train and write the weights
//   node --import tsx tools/train/toxicity.ts --search   5-fold cross-validation on the training part
//
// The data has no video ids, so a fixed quarter of the rows (by a hash of the
// text, see heldOut) is held out: never trained or tuned on, scored by
// `npm run eval -- toxicity`. The threshold is chosen by cross-validation on
// the training part.
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { TOXIC_DENSE_FEATURES, toxicDense, toxicScale, toxicSparse } from "../../functions/src/ai/local/toxicFeatures";
import { tokenize } from "../../functions/src/ai/local/tokenize";
import { readToxicRows, SHARED_DATASETS, type ToxicRow } from "../eval/datasets";
import { logit, sigmoid, train, type Example, type TrainOptions } from "./logistic";
import { pickThreshold, renderWeights, type ScoredRow } from "./render";

// Chosen by `--search` (5-fold cross-validation on the training rows, never the held-out quarter).
export const TOXIC_SETTINGS: TrainOptions = { epochs: 8, l2: 0.001, learningRate: 0.05, minCount: 1, seed: 5 };
// Higher than the other models: minCount 1 keeps many rare words whose small weights decide nothing.
const PRUNE_BELOW = 0.1;
const FOLDS = 5;
const OUT = resolve(__dirname, "..", "..", "functions", "src", "ai", "local", "toxicity-model.generated.ts");

/** FNV-1a of the text: a row's split never depends on file order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The held-out quarter: never trained or tuned on. */
export const heldOut = (text: string): boolean => hash(text.trim()) % 4 === 0;

export function toxicExample(row: ToxicRow): Example {
  const tokens = tokenize(row.text);
  const sparse = toxicSparse(tokens);
  return { sparse, scale: toxicScale(sparse.length), dense: toxicDense(tokens, row.text), y: row.toxic ? 1 : 0 };
}

function crossValidated(examples: Example[], options: TrainOptions): ScoredRow[] {
  const out: ScoredRow[] = [];
  for (let f = 0; f < FOLDS; f += 1) {
    const m = train(examples.filter((_, i) => i % FOLDS !== f), options);
    examples.forEach((ex, i) => {
      if (i % FOLDS === f) out.push({ p: sigmoid(logit(m, ex)), y: ex.y });
    });
  }
  return out;
}

function f1At(rows: ScoredRow[], t: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    if (r.p >= t && r.y === 1) tp += 1;
    else if (r.p >= t) fp += 1;
    else if (r.y === 1) fn += 1;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

function search(examples: Example[]): void {
  const results: Array<{ o: TrainOptions; f1: number; t: number }> = [];
  for (const l2 of [0.0005, 0.001, 0.003])
    for (const minCount of [1, 2, 3])
      for (const learningRate of [0.05, 0.1, 0.2]) {
        const o = { ...TOXIC_SETTINGS, l2, minCount, learningRate };
        const rows = crossValidated(examples, o);
        const t = pickThreshold(rows, 0);
        results.push({ o, f1: f1At(rows, t), t });
      }
  results.sort((a, b) => b.f1 - a.f1);
  for (const r of results.slice(0, 8)) console.log(`cv F1 ${r.f1.toFixed(4)} at ${r.t}  l2=${r.o.l2} minCount=${r.o.minCount} learningRate=${r.o.learningRate}`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const dir = join(SHARED_DATASETS, "youtoxic");
  if (!existsSync(dir)) {
    console.log(`train toxicity: no data at ${dir}; the committed weights stay as they are.`);
    return;
  }
  const examples = readToxicRows(dir)
    .filter((r) => !heldOut(r.text))
    .map(toxicExample);
  if (argv.includes("--search")) {
    search(examples);
    return;
  }
  // Best F1 threshold on cross-validated scores (minPrecision 0: F1 alone decides).
  const threshold = pickThreshold(crossValidated(examples, TOXIC_SETTINGS), 0);
  const model = train(examples, TOXIC_SETTINGS);
  const text = renderWeights({
    script: "tools/train/toxicity.ts",
    about: `Logistic regression on YouToxic English (${examples.length} training rows, the held-out quarter excluded); features from ./toxicFeatures.ts.`,
    model,
    denseNames: TOXIC_DENSE_FEATURES,
    pruneBelow: PRUNE_BELOW,
    extra: [`// Chosen by ${FOLDS}-fold cross-validation on the training rows (best F1).`, `export const THRESHOLD = ${threshold.toFixed(2)};`],
  });
  writeFileSync(OUT, text.source);
  console.log(`wrote ${OUT}: ${text.kept} sparse weights (of ${model.sparse.size}), threshold ${threshold.toFixed(2)}`);
}

if (require.main === module) main();
