// `npm run eval -- spam`: the comment filter against the YouTube Spam
// Collection (one CSV per video: COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS; 1 = spam).
// Each file is filtered as one video, so batch signals (floods) apply, and
// "removed as spam" is compared with CLASS. Leave-one-video-out: for each file
// the learned model is trained (weights and threshold) on the other files
// only, then the full filter (rules + that model) scores the file left out.
// The rules themselves were written looking at these files: their own line
// ("rules only") is in-sample.
import { filterComments } from "../../functions/src/youtube/quality/filter";
import type { SpamModel } from "../../functions/src/youtube/quality/spamModel";
import type { EvalArgs, EvalTask } from "./task";
import type { Labeler } from "./provider";
import { spamRows, trainSpamModel } from "../train/spam";
import { readSpamVideos } from "./datasets";
import { addCounts, binaryScores, count, emptyCounts, type BinaryCounts, type BinaryScores } from "./metrics";

// A type alias (not the interface) so scores fit EvalTask's Record<string, unknown>.
type Scores = { [K in keyof BinaryScores]: BinaryScores[K] };

interface SpamEvalResult {
  overall: Scores;
  files: Record<string, Scores>;
  /** The explainable rules alone (tuned on these files: in-sample). */
  rulesOnly: Record<string, Scores>;
  removedByReason: Record<string, number>;
  [key: string]: unknown;
}

function isScores(x: unknown): x is Scores {
  return typeof x === "object" && x !== null && typeof (x as Partial<Scores>).f1 === "number";
}

async function run(args: EvalArgs): Promise<SpamEvalResult> {
  const videos = readSpamVideos(args.data);
  if (videos.length === 0) throw new Error(`eval spam: no .csv files in ${args.data}`);
  const rows = videos.map((v) => spamRows(v.comments));
  let total: BinaryCounts = emptyCounts();
  let rulesTotal: BinaryCounts = emptyCounts();
  const perFile: Record<string, Scores> = {};
  const rulesOnly: Record<string, Scores> = {};
  const removedByReason: Record<string, number> = {};
  for (let k = 0; k < videos.length; k += 1) {
    // Leave one video out: the model (and its threshold) never saw this video.
    const model = videos.length >= 2 ? trainSpamModel(rows.filter((_, j) => j !== k)) : null;
    const labelled = videos[k].comments;
    const score = async (spamModel: SpamModel | null, labeler?: Labeler): Promise<BinaryCounts> => {
      const result = filterComments(labelled.map((l) => l.comment), { spamModel });
      const removed = new Set(result.removed.map((r) => r.comment));
      // With Gemini, as in the pipeline: the filter first, then what Gemini calls spam among the kept is left out too.
      if (labeler) {
        const analyses = await labeler.analyze(result.kept.map((c) => c.text), videos[k].id.replace(/\.csv$/i, ""));
        result.kept.forEach((c, i) => {
          if (analyses[i].category === "spam") removed.add(labelled.find((l) => l.comment.id === c.id)?.comment ?? c);
        });
      }
      if (spamModel === model) for (const [reason, n] of Object.entries(result.counts.byReason)) removedByReason[reason] = (removedByReason[reason] ?? 0) + n;
      const counts = emptyCounts();
      for (const l of labelled) count(counts, removed.has(l.comment), l.spam);
      return counts;
    };
    const counts = await score(model, args.labeler.name === "gemini" ? args.labeler : undefined);
    const rules = await score(null);
    perFile[videos[k].id] = binaryScores(counts);
    rulesOnly[videos[k].id] = binaryScores(rules);
    total = addCounts(total, counts);
    rulesTotal = addCounts(rulesTotal, rules);
  }
  rulesOnly.overall = binaryScores(rulesTotal);
  return Promise.resolve({ overall: binaryScores(total), files: perFile, rulesOnly, removedByReason });
}

const pct = (x: unknown): string => (typeof x === "number" ? x.toFixed(3) : "-");

function print(result: { overall: Record<string, unknown>; [key: string]: unknown }): void {
  const files = typeof result.files === "object" && result.files !== null ? Object.entries(result.files) : [];
  const rows: Array<[string, Scores]> = [];
  for (const [name, scores] of [...files, ["overall", result.overall] as const]) if (isScores(scores)) rows.push([name, scores]);
  const width = Math.max(...rows.map(([name]) => name.length), 7);
  const head = ["n", "precision", "recall", "F1", "accuracy", "MCC", "FPR"];
  console.log(`spam filter (rules + learned model) vs. YouTube Spam Collection labels, leave-one-video-out (spam = removed)\n`);
  console.log(`${"file".padEnd(width)}  ${head.map((h) => h.padStart(9)).join(" ")}`);
  for (const [name, s] of rows) {
    const cells = [String(s.n), pct(s.precision), pct(s.recall), pct(s.f1), pct(s.accuracy), pct(s.mcc), pct(s.falsePositiveRate)];
    if (name === "overall") console.log("-".repeat(width + 2 + head.length * 10));
    console.log(`${name.padEnd(width)}  ${cells.map((c) => c.padStart(9)).join(" ")}`);
  }
  const byReason = typeof result.removedByReason === "object" && result.removedByReason !== null ? result.removedByReason : {};
  const reasons = Object.entries(byReason)
    .filter((e): e is [string, number] => typeof e[1] === "number")
    .filter(([, k]) => k > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, k]) => `${reason} ${k}`)
    .join(", ");
  console.log(`\nremoved by reason: ${reasons || "none"}`);
  const rules = typeof result.rulesOnly === "object" && result.rulesOnly !== null ? (result.rulesOnly as Record<string, unknown>) : {};
  const line = Object.entries(rules)
    .filter((e): e is [string, Scores] => isScores(e[1]))
    .map(([name, s]) => `${name} F1 ${pct(s.f1)} (P ${pct(s.precision)}, R ${pct(s.recall)})`)
    .join("; ");
  if (line) console.log(`rules alone (in-sample: written looking at these files): ${line}`);
}

export const spamTask: EvalTask = { dataset: "youtube-spam", run, print };
