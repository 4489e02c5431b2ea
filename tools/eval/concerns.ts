// `npm run eval -- concerns`: does the local category model flag what a creator
// should act on? Poché et al.'s coding-tutorial comments, one folder per video:
// concerns.txt (questions, problems, requests, suggestions) vs others.txt.
// Predicted concern = needsAttention(classifyCategory(text, sentiment)).
// Leave-one-video-out: for each video the learned check is trained (weights
// and threshold) on the other videos only, then scores the one left out. The
// phrase rules were written looking at these videos: "rules alone" is in-sample.
import { classifyCategory, needsAttention } from "../../functions/src/ai/local/category";
import type { ConcernModel } from "../../functions/src/ai/local/concerns";
import { scoreSentiment } from "../../functions/src/ai/local/sentiment";
import { flatten } from "../../functions/src/ai/local/tokenize";
import type { EvalArgs, EvalTask } from "./task";
import { concernRows, trainConcernModel } from "../train/concerns";
import { readConcernVideos } from "./datasets";
import { addCounts, binaryScores, count, emptyCounts, type BinaryCounts, type BinaryScores } from "./metrics";

export function flagsConcern(text: string, model: ConcernModel | null): boolean {
  return needsAttention(classifyCategory(text, scoreSentiment(text), flatten(text), model));
}

type Reported = Pick<BinaryScores, "precision" | "recall" | "f1" | "accuracy" | "n">;

function report(counts: BinaryCounts): Reported {
  const { precision, recall, f1, accuracy, n } = binaryScores(counts);
  return { precision, recall, f1, accuracy, n };
}

export const concernsTask: EvalTask = {
  dataset: "comment-concerns",
  async run(args: EvalArgs) {
    let total = emptyCounts();
    let rulesTotal = emptyCounts();
    const videos: Record<string, Reported> = {};
    const all = readConcernVideos(args.data);
    const rows = all.map(concernRows);
    for (const [k, video] of all.entries()) {
      const model = all.length >= 2 && args.labeler.name === "local" ? trainConcernModel(rows.filter((_, j) => j !== k)) : null;
      const counts = emptyCounts();
      const rules = emptyCounts();
      const byGemini = args.labeler.name === "gemini" ? await args.labeler.analyze([...video.concerns, ...video.others], "programming tutorial") : undefined;
      let i = 0;
      for (const [texts, gold] of [[video.concerns, true], [video.others, false]] as const) {
        for (const text of texts) {
          count(counts, byGemini ? needsAttention(byGemini[i].category ?? "other") : flagsConcern(text, model), gold);
          count(rules, flagsConcern(text, null), gold);
          i += 1;
        }
      }
      videos[video.id] = report(counts);
      total = addCounts(total, counts);
      rulesTotal = addCounts(rulesTotal, rules);
    }
    return { overall: report(total), videos, rulesAlone: report(rulesTotal) };
  },
  print(result) {
    const line = (name: string, s: Reported): string =>
      `${name.padEnd(12)} n=${String(s.n).padStart(5)}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  ` +
      `F1 ${s.f1.toFixed(4)}  accuracy ${s.accuracy.toFixed(4)}`;
    console.log("concerns: rules + learned check, needsAttention(category) vs human \"concern\" labels, leave-one-video-out");
    for (const [id, s] of Object.entries(result.videos as Record<string, Reported>)) console.log(line(id, s));
    console.log(line("overall", result.overall as Reported));
    console.log(line("rules alone*", result.rulesAlone as Reported));
    console.log("* the phrase rules were written looking at these videos: in-sample");
  },
};
