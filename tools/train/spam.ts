// Trains the learned spam model (functions/src/youtube/quality/spamModel.ts) on
// the YouTube Spam Collection videos in ../shared/datasets/youtube-spam and
// writes functions/src/youtube/quality/spam-model.generated.ts.
//
//   node --import tsx tools/train/spam.ts           train on every video and write the weights
//
// The removal threshold is chosen by leave-one-video-out over the training
// videos (train on the others, score the one left out), never on the rows
// the weights were fitted on. `npm run eval -- spam` repeats the whole
// procedure per fold, so its figures are out-of-sample.
import { existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { prepareBatch, ruleVerdict } from "../../functions/src/youtube/quality/filter";
import { SPAM_DENSE_FEATURES, spamDense, spamScale, spamSparse } from "../../functions/src/youtube/quality/spamFeatures";
import type { SpamModel } from "../../functions/src/youtube/quality/spamModel";
import { readSpamVideos, SHARED_DATASETS, type LabelledComment } from "../eval/datasets";
import { logit, sigmoid, train, type Example, type LogisticModel, type TrainOptions } from "./logistic";
import { pickThreshold, renderWeights } from "./render";

export const SPAM_SETTINGS: TrainOptions = { epochs: 8, l2: 0.0005, learningRate: 0.1, minCount: 3, seed: 11 };
// The bar is precision first: a creator must never lose a real comment to the model.
const MIN_PRECISION = 0.985;
const PRUNE_BELOW = 0.05;

const OUT = resolve(__dirname, "..", "..", "functions", "src", "youtube", "quality", "spam-model.generated.ts");

export interface SpamRow {
  example: Example;
  /** Removed by the explainable rules already. */
  byRules: boolean;
}

/** Each comment of one video as an example, with the batch signals the filter sees. */
export function spamRows(video: LabelledComment[]): SpamRow[] {
  const comments = video.map((l) => l.comment);
  const batch = prepareBatch(comments);
  return video.map((l, i) => {
    const { verdict, context } = ruleVerdict(batch, comments, i);
    const sparse = spamSparse(batch.lowers[i]);
    const example: Example = { sparse, scale: spamScale(sparse.length), dense: spamDense(batch.texts[i], batch.lowers[i], context), y: l.spam ? 1 : 0 };
    return { example, byRules: verdict.spam };
  });
}

const toSpamModel = (m: LogisticModel, threshold: number): SpamModel => ({ bias: m.bias, dense: m.dense, sparse: m.sparse, threshold });

/**
 * Weights fitted on all `videos`, threshold chosen by leave-one-video-out
 * among them: the highest F1 of rules + model with precision ≥ MIN_PRECISION.
 */
export function trainSpamModel(videos: SpamRow[][]): SpamModel {
  const scored: Array<{ p: number; y: number; byRules: boolean }> = [];
  if (videos.length >= 2) {
    for (let k = 0; k < videos.length; k += 1) {
      const m = train(videos.filter((_, j) => j !== k).flat().map((r) => r.example), SPAM_SETTINGS);
      for (const r of videos[k]) scored.push({ p: sigmoid(logit(m, r.example)), y: r.example.y, byRules: r.byRules });
    }
  }
  const threshold = scored.length > 0 ? pickThreshold(scored, MIN_PRECISION) : 0.9;
  return toSpamModel(train(videos.flat().map((r) => r.example), SPAM_SETTINGS), threshold);
}

function main(): void {
  const dir = join(SHARED_DATASETS, "youtube-spam");
  if (!existsSync(dir)) {
    console.log(`train spam: no data at ${dir}; the committed weights stay as they are.`);
    return;
  }
  const videos = readSpamVideos(dir);
  const model = trainSpamModel(videos.map((v) => spamRows(v.comments)));
  const text = renderWeights({
    script: "tools/train/spam.ts",
    about: `Logistic regression on the YouTube Spam Collection (${videos.map((v) => v.id).join(", ")}); features from ./spamFeatures.ts.`,
    model,
    denseNames: SPAM_DENSE_FEATURES,
    pruneBelow: PRUNE_BELOW,
    extra: [`// Chosen by leave-one-video-out over the training videos (precision ≥ ${MIN_PRECISION}).`, `export const THRESHOLD = ${model.threshold.toFixed(3)};`],
  });
  writeFileSync(OUT, text.source);
  console.log(`wrote ${OUT}: ${text.kept} sparse weights (of ${model.sparse.size}), threshold ${model.threshold.toFixed(3)}`);
}

if (require.main === module) main();
