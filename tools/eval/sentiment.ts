// `npm run eval -- sentiment [--split test|dev|train|all|corpus]`: the sentiment the
// provider stores for each comment (the local provider's whole per-comment
// analysis, or Gemini's) on SenTube tablets (positive vs negative). A neutral or
// mixed answer counts as wrong: every comment there was judged positive or negative.
// `--split corpus` scores agreement with yt-comments-corpus' weak labels instead
// (1,869 videos of every topic: how the tablet-trained model carries elsewhere).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { EvalArgs, EvalTask } from "./task";
import { readCorpusPolarity, readSentubeSplit, SENTUBE_SPLITS, type Polarity } from "./datasets";
import { multiClassScores } from "./metrics";

const CLASSES: readonly Polarity[] = ["positive", "negative"];

type Scores = ReturnType<typeof multiClassScores<Polarity>> & { predicted: Record<string, number> };

async function score(rows: Array<{ text: string; label: Polarity }>, args: EvalArgs, videoTitle = "tablet review"): Promise<Scores> {
  // "unread": a comment the local models leave without a verdict (another language): scored as a miss.
  const predicted: Record<string, number> = { positive: 0, negative: 0, neutral: 0, mixed: 0, unread: 0 };
  const analysed = await args.labeler.analyze(rows.map((r) => r.text), videoTitle);
  const pairs = rows.map((row, i) => {
    const sentiment = analysed[i].sentiment ?? "unread";
    predicted[sentiment] += 1;
    return { gold: row.label, predicted: sentiment };
  });
  return { ...multiClassScores(pairs, CLASSES), predicted };
}

export const sentimentTask: EvalTask = {
  dataset: "sentube-tablets",
  async run(args: EvalArgs) {
    if (args.split === "corpus") {
      const file = join(args.data, "..", "yt-comments-corpus", "comments.csv");
      const rows = readCorpusPolarity(file);
      if (rows.length === 0) throw new Error(`sentiment: no corpus at ${file}`);
      return { overall: await score(rows, args, "YouTube video"), split: "corpus" };
    }
    const splits = args.split === "all" ? SENTUBE_SPLITS.filter((s) => existsSync(join(args.data, s))) : [args.split];
    for (const split of splits) {
      if (!existsSync(join(args.data, split))) throw new Error(`sentiment: no split "${split}" in ${args.data}`);
    }
    const rowsBySplit = splits.map((split) => ({ split, rows: readSentubeSplit(args.data, split) }));
    if (splits.length === 1) return { overall: await score(rowsBySplit[0].rows, args), split: splits[0] };
    const perSplit: Record<string, Scores> = {};
    for (const { split, rows } of rowsBySplit) perSplit[split] = await score(rows, args);
    return { overall: await score(rowsBySplit.flatMap((s) => s.rows), args), splits: perSplit };
  },
  print(result) {
    // The shipped model was trained on train + dev: only test is a fair score.
    const line = (name: string, s: Scores): string =>
      `${(name === "train" || name === "dev" ? `${name}*` : name).padEnd(8)} n=${String(s.n).padStart(5)}  accuracy ${s.accuracy.toFixed(4)}  macro-F1 ${s.macroF1.toFixed(4)}  ` +
      `recall +${s.recallByClass.positive.toFixed(4)} -${s.recallByClass.negative.toFixed(4)}  ` +
      `(answered neutral ${s.predicted.neutral}, mixed ${s.predicted.mixed})`;
    console.log(result.split === "corpus" ? "sentiment: yt-comments-corpus (positive vs negative rows)" : "sentiment: SenTube tablets (positive vs negative)");
    const splits = result.splits as Record<string, Scores> | undefined;
    if (splits) for (const [name, s] of Object.entries(splits)) console.log(line(name, s));
    console.log(line(typeof result.split === "string" ? result.split : "overall", result.overall as Scores));
    if (result.split === "corpus") console.log("corpus: agreement with yt-comments-corpus' labels (origin undocumented), other topics: a weak check, not a result");
    if (splits || result.split === "train" || result.split === "dev") console.log("* training data of the shipped model (tools/train/sentiment.ts): not a fair score");
  },
};
