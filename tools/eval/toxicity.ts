// `npm run eval -- toxicity [--data DIR] [--json]`: the local toxicity flag
// against every *.csv in DIR (columns Text,IsToxic with TRUE/FALSE); default
// ../shared/datasets/youtoxic. `overall` is the toxic class over all rows.
// On the default data the shipped model was trained on three quarters of the
// rows, so `heldOut` (the quarter tools/train/toxicity.ts never trains or
// tunes on) is the fair figure there and `overall` is partly in-sample; the
// trainer's `--cv` gives the cross-validated figure of the other rows.
// `--split corpus` reads no labels: the share of yt-comments-corpus (the most
// relevant comments of 1,869 videos on every topic) flagged, per 1,000, with
// the flagged texts in `--json`: the guard against cues that only hold on
// youtoxic's one news story.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isToxic } from "../../functions/src/ai/local/toxicity";
import type { EvalArgs, EvalTask } from "./task";
import { heldOut } from "../train/toxicity";
import { parseCsvRecords } from "../csv";
import { readToxicRows } from "./datasets";
import { binaryScores, count, emptyCounts, type BinaryScores } from "./metrics";

type Reported = Pick<BinaryScores, "precision" | "recall" | "f1" | "accuracy" | "n">;

function report(rows: Array<{ text: string; toxic: boolean; flagged: boolean }>): Reported {
  const counts = emptyCounts();
  for (const row of rows) count(counts, row.flagged, row.toxic);
  const { precision, recall, f1, accuracy, n } = binaryScores(counts);
  return { precision, recall, f1, accuracy, n };
}

function corpusFlags(file: string) {
  const texts = parseCsvRecords(readFileSync(file, "utf8")).map((r) => r.Comment?.trim() ?? "").filter((t) => t.length > 0);
  const flaggedTexts = texts.filter((t) => isToxic(t));
  return { overall: { n: texts.length, flagged: flaggedTexts.length, perThousand: (1000 * flaggedTexts.length) / texts.length }, split: "corpus", flaggedTexts };
}

export const toxicityTask: EvalTask = {
  dataset: "youtoxic",
  async run(args: EvalArgs) {
    if (args.split === "corpus") return corpusFlags(join(args.data, "..", "yt-comments-corpus", "comments.csv"));
    const read = readToxicRows(args.data);
    if (read.length === 0) throw new Error(`eval toxicity: no .csv rows in ${args.data}`);
    const byGemini = args.labeler.name === "gemini" ? await args.labeler.analyze(read.map((r) => r.text), "news discussion") : undefined;
    const rows = read.map((r, i) => ({ ...r, flagged: byGemini ? byGemini[i].toxic === true : isToxic(r.text) }));
    const files: Record<string, Reported> = {};
    for (const file of [...new Set(rows.map((r) => r.file))]) files[file] = report(rows.filter((r) => r.file === file));
    const held = rows.filter((r) => heldOut(r.text));
    return { overall: report(rows), heldOut: report(held), inSample: report(rows.filter((r) => !heldOut(r.text))), files };
  },
  print(result) {
    if (result.split === "corpus") {
      const o = result.overall as { n: number; flagged: number; perThousand: number };
      console.log(`toxicity: yt-comments-corpus (other topics, no labels): ${o.flagged} of ${o.n} flagged, ${o.perThousand.toFixed(1)} per 1,000 (texts in --json)`);
      return;
    }
    const line = (name: string, s: Reported): string =>
      `${name.padEnd(22)} n=${String(s.n).padStart(5)}  precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  F1 ${s.f1.toFixed(4)}  accuracy ${s.accuracy.toFixed(4)}`;
    console.log("toxicity: toxic class vs IsToxic labels");
    for (const [file, s] of Object.entries(result.files as Record<string, Reported>)) console.log(line(file, s));
    console.log(line("overall", result.overall as Reported));
    console.log(line("held-out quarter", result.heldOut as Reported));
    console.log(line("training rows*", result.inSample as Reported));
    console.log("* rows of the default data the shipped model was trained on (tools/train/toxicity.ts): in-sample, not a result;");
    console.log("  their cross-validated figure: node --import tsx tools/train/toxicity.ts --cv");
  },
};
