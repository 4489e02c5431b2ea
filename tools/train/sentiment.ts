// Trains the local provider's sentiment model on SenTube tablets train + dev
// (never test) and writes functions/src/ai/local/sentiment-model.generated.ts.
//
//   node --import tsx tools/train/sentiment.ts            cross-validate on train, then train and write the weights
//   node --import tsx tools/train/sentiment.ts --search   the cross-validated figure for a grid of settings
//
// Model selection is by 5-fold cross-validation on the train split alone, in
// contiguous blocks: the files list a video's comments together, so a block
// holds mostly videos the other four never saw (a random split would let
// a video's own words leak into its score). A fold is scored by the whole
// decision of ai/local/sentiment.ts (neutral and mixed answers count as wrong)
// on every row of its block, both copies of a text the annotators disagreed on
// included, as the test split is scored by `npm run eval -- sentiment`.
//
// The written file holds only single tokens and bigrams with their weights.
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DENSE_FEATURES, denseFeatures, sparseFeatures, sparseScale } from "../../functions/src/ai/local/features";
import { lexiconScore } from "../../functions/src/ai/local/lexicon-score";
import { sentimentOfTokens, type SentimentModel } from "../../functions/src/ai/local/sentiment";
import { tokenize, type Token } from "../../functions/src/ai/local/tokenize";
import { readSentubeSplit, SHARED_DATASETS, type LabelledText, type Polarity } from "../eval/datasets";
import { train, type Example, type TrainOptions } from "./logistic";
import { renderWeights } from "./render";

// Chosen by `--search` (blocked 5-fold cross-validation on train); minCount 4 and
// the pruning keep the file small (~3.7k weights) at no cost in the cross-validated figure.
export const SETTINGS: TrainOptions = { epochs: 6, l2: 0.0005, learningRate: 0.05, minCount: 4, seed: 7 };
// Weights smaller than this change no decision worth their bytes at cold start.
const PRUNE_BELOW = 0.05;
const FOLDS = 5;
// Candidate log-odds from which a comment counts as positive; the trainer keeps the best macro-F1 of cross-validation.
const POSITIVE_FROM_GRID = [-0.3, -0.2, -0.15, -0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2, 0.3];

const OUT = resolve(__dirname, "..", "..", "functions", "src", "ai", "local", "sentiment-model.generated.ts");

interface Row {
  text: string;
  tokens: Token[];
  example: Example;
  label: Polarity;
  /** Both pos.txt and neg.txt hold this text: never trained on, still scored. */
  disputed: boolean;
  fold: number;
}

function toRows(labelled: Array<LabelledText<Polarity>>): Row[] {
  const labels = new Map<string, Set<Polarity>>();
  for (const row of labelled) labels.set(row.text, (labels.get(row.text) ?? new Set<Polarity>()).add(row.label));
  // Contiguous blocks within each file (readSentubeSplit gives pos.txt, then neg.txt).
  const count = { positive: 0, negative: 0 };
  for (const row of labelled) count[row.label] += 1;
  const seen = { positive: 0, negative: 0 };
  return labelled.map((row) => {
    const tokens = tokenize(row.text);
    const sparse = sparseFeatures(tokens);
    const example: Example = { sparse, scale: sparseScale(sparse.length), dense: denseFeatures(tokens, lexiconScore(tokens)), y: row.label === "positive" ? 1 : 0 };
    const fold = Math.floor((seen[row.label] * FOLDS) / count[row.label]);
    seen[row.label] += 1;
    return { text: row.text, tokens, example, label: row.label, disputed: labels.get(row.text)?.size !== 1, fold };
  });
}

/** About a tenth of SenTube's texts sit in both pos.txt and neg.txt (annotators disagreed): they teach nothing. */
const trainable = (rows: Row[]): Example[] => rows.filter((r) => !r.disputed).map((r) => r.example);

function asSentimentModel(model: ReturnType<typeof train>, positiveFrom: number): SentimentModel {
  return { bias: model.bias, dense: model.dense, sparse: model.sparse, positiveFrom };
}

interface CvResult {
  positiveFrom: number;
  accuracy: number;
  macroF1: number;
  recall: Record<Polarity, number>;
  /** Share of rows answered neutral or mixed (always wrong on SenTube). */
  unpolar: number;
  /** Accuracy of the model's lean alone (log-odds against the threshold, never neutral or mixed). */
  lean: number;
  perFold: number[];
}

/** Blocked cross-validation of the whole decision, for every candidate threshold. */
function crossValidate(rows: Row[], options: TrainOptions): CvResult[] {
  const answers = POSITIVE_FROM_GRID.map(() => new Array<string>(rows.length));
  const logits = new Array<number>(rows.length);
  for (let f = 0; f < FOLDS; f += 1) {
    const model = train(trainable(rows.filter((r) => r.fold !== f)), options);
    POSITIVE_FROM_GRID.forEach((t, g) => {
      const m = asSentimentModel(model, t);
      rows.forEach((r, i) => {
        if (r.fold !== f) return;
        const details = sentimentOfTokens(r.tokens, r.text, m);
        answers[g][i] = details.sentiment;
        logits[i] = details.logit;
      });
    });
  }
  return POSITIVE_FROM_GRID.map((positiveFrom, g) => {
    const hit = { positive: 0, negative: 0 };
    const gold = { positive: 0, negative: 0 };
    const said = { positive: 0, negative: 0 };
    const foldOk = new Array<number>(FOLDS).fill(0);
    const foldN = new Array<number>(FOLDS).fill(0);
    let unpolar = 0;
    let leanOk = 0;
    rows.forEach((r, i) => {
      if ((logits[i] >= positiveFrom ? "positive" : "negative") === r.label) leanOk += 1;
      const a = answers[g][i];
      gold[r.label] += 1;
      foldN[r.fold] += 1;
      if (a === "positive" || a === "negative") said[a] += 1;
      else unpolar += 1;
      if (a === r.label) {
        hit[r.label] += 1;
        foldOk[r.fold] += 1;
      }
    });
    const f1 = (c: Polarity): number => (2 * hit[c]) / (gold[c] + said[c]);
    return {
      positiveFrom,
      accuracy: (hit.positive + hit.negative) / rows.length,
      macroF1: (f1("positive") + f1("negative")) / 2,
      recall: { positive: hit.positive / gold.positive, negative: hit.negative / gold.negative },
      unpolar: unpolar / rows.length,
      lean: leanOk / rows.length,
      perFold: foldOk.map((ok, k) => ok / foldN[k]),
    };
  });
}

// Accuracy is flat over the thresholds (within 0.005); macro-F1 keeps both recalls up.
const best = (results: CvResult[]): CvResult => results.reduce((a, b) => (b.macroF1 > a.macroF1 ? b : a));

function describe(r: CvResult): string {
  return (
    `accuracy ${r.accuracy.toFixed(4)}  macro-F1 ${r.macroF1.toFixed(4)}  recall +${r.recall.positive.toFixed(4)} -${r.recall.negative.toFixed(4)}  ` +
    `neutral/mixed ${(100 * r.unpolar).toFixed(1)}% (lean alone ${r.lean.toFixed(4)})  positive from ${r.positiveFrom}  folds ${r.perFold.map((a) => a.toFixed(3)).join(" ")}`
  );
}

function search(rows: Row[]): void {
  const results: Array<{ options: TrainOptions; cv: CvResult }> = [];
  for (const l2 of [0.0005, 0.002])
    for (const minCount of [2, 4])
      for (const learningRate of [0.03, 0.05, 0.1])
        for (const epochs of [4, 6, 10]) {
          const options = { ...SETTINGS, l2, minCount, learningRate, epochs };
          results.push({ options, cv: best(crossValidate(rows, options)) });
        }
  results.sort((a, b) => b.cv.macroF1 - a.cv.macroF1);
  for (const r of results.slice(0, 12)) {
    const { l2, minCount, learningRate, epochs } = r.options;
    console.log(`l2=${l2} minCount=${minCount} learningRate=${learningRate} epochs=${epochs}  cv ${describe(r.cv)}`);
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const dataFlag = argv.indexOf("--data");
  const dir = dataFlag >= 0 ? resolve(argv[dataFlag + 1]) : join(SHARED_DATASETS, "sentube-tablets");
  if (!existsSync(dir)) {
    console.log(`train sentiment: no data at ${dir}; the committed weights stay as they are.`);
    return;
  }
  const trainRows = toRows(readSentubeSplit(dir, "train"));
  if (argv.includes("--search")) {
    search(trainRows);
    return;
  }
  const all = crossValidate(trainRows, SETTINGS);
  if (process.env.DEBUG_CV) for (const r of all) console.log(describe(r));
  const cv = best(all);
  console.log(`cross-validated on train (${trainRows.length} comments, ${FOLDS} blocks): ${describe(cv)}`);
  // The shipped model also learns from dev (never from test).
  const examples = [...trainable(trainRows), ...trainable(toRows(readSentubeSplit(dir, "dev")))];
  const model = train(examples, SETTINGS);
  const text = renderWeights({
    script: "tools/train/sentiment.ts",
    about: `Logistic regression on SenTube tablets train + dev (${examples.length} comments); features from ./features.ts: unigrams ("!" = negated), bigrams, lexicon scores.`,
    model,
    denseNames: DENSE_FEATURES,
    pruneBelow: PRUNE_BELOW,
    extra: [
      `// Log-odds from which a comment counts as positive: best macro-F1 of blocked 5-fold cross-validation on train`,
      `// (accuracy ${cv.accuracy.toFixed(4)}, macro-F1 ${cv.macroF1.toFixed(4)}, neutral and mixed answers counted wrong).`,
      `export const POSITIVE_FROM = ${cv.positiveFrom};`,
    ],
  });
  writeFileSync(OUT, text.source);
  console.log(`wrote ${OUT}: ${text.kept} sparse weights (of ${model.sparse.size})`);
}

if (require.main === module) main();
