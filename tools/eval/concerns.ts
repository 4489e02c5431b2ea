// `npm run eval -- concerns`: does the local category model flag what a creator
// should act on? Poché et al.'s coding-tutorial comments, one folder per video:
// concerns.txt (questions, problems, requests, suggestions) vs others.txt.
// Predicted concern = needsAttention(classifyCategory(text, sentiment)).
import { classifyCategory, needsAttention } from "../../functions/src/ai/local/category";
import { scoreSentiment } from "../../functions/src/ai/local/sentiment";
import type { EvalArgs, EvalTask } from "../eval";
import { readConcernVideos } from "./datasets";
import { addCounts, binaryScores, count, emptyCounts, type BinaryCounts, type BinaryScores } from "./metrics";

export function flagsConcern(text: string): boolean {
  return needsAttention(classifyCategory(text, scoreSentiment(text)));
}

type Reported = Pick<BinaryScores, "precision" | "recall" | "f1" | "accuracy" | "n">;

function report(counts: BinaryCounts): Reported {
  const { precision, recall, f1, accuracy, n } = binaryScores(counts);
  return { precision, recall, f1, accuracy, n };
}

export const concernsTask: EvalTask = {
  dataset: "comment-concerns",
  run(args: EvalArgs) {
    let total = emptyCounts();
    const videos: Record<string, Reported> = {};
    for (const video of readConcernVideos(args.data)) {
      const counts = emptyCounts();
      for (const text of video.concerns) count(counts, flagsConcern(text), true);
      for (const text of video.others) count(counts, flagsConcern(text), false);
      videos[video.id] = report(counts);
      total = addCounts(total, counts);
    }
    return Promise.resolve({ overall: report(total), videos });
  },
  print(result) {
    const line = (name: string, s: Reported): string =>
      `${name.padEnd(12)} n=${String(s.n).padStart(5)}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  ` +
      `F1 ${s.f1.toFixed(4)}  accuracy ${s.accuracy.toFixed(4)}`;
    console.log("concerns: local category model, needsAttention(category) vs human \"concern\" labels");
    for (const [id, s] of Object.entries(result.videos as Record<string, Reported>)) console.log(line(id, s));
    console.log(line("overall", result.overall as Reported));
  },
};
