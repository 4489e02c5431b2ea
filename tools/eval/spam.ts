// `npm run eval -- spam`: the comment filter against the YouTube Spam
// Collection (one CSV per video: COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS; 1 = spam).
// Each file is filtered as one video, so batch signals (floods) apply, and
// "removed as spam" is compared with CLASS. The filter is rules, not a trained
// model: nothing is fitted on these rows, so every file is test data and
// --split is ignored.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { filterComments } from "../../functions/src/youtube/quality/filter";
import type { YouTubeComment } from "../../functions/src/youtube/types";
import { parseCsv } from "../csv";
import type { EvalArgs, EvalTask } from "../eval";
import { addCounts, binaryScores, count, emptyCounts, type BinaryCounts, type BinaryScores } from "./metrics";

interface LabelledComment {
  comment: YouTubeComment;
  spam: boolean;
}

/** Rows of one collection file as comments with their gold label. */
function readCollection(path: string): LabelledComment[] {
  const [header, ...rows] = parseCsv(readFileSync(path, "utf8"));
  const col = (name: string): number => {
    const i = header?.findIndex((h) => h.trim().toUpperCase() === name) ?? -1;
    if (i < 0) throw new Error(`${basename(path)}: no ${name} column`);
    return i;
  };
  const [id, author, date, content, label] = [col("COMMENT_ID"), col("AUTHOR"), col("DATE"), col("CONTENT"), col("CLASS")];
  const out: LabelledComment[] = [];
  for (const r of rows) {
    if (r.length === 1 && r[0] === "") continue; // blank line
    const raw = r[date] ?? "";
    // Dates carry no zone; read them as UTC so results do not depend on the machine's zone.
    const when = raw && !/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? `${raw}Z` : raw;
    out.push({
      comment: { id: r[id], author: r[author] ?? "", text: r[content] ?? "", likeCount: 0, replyCount: 0, publishedAt: when, updatedAt: when },
      spam: (r[label] ?? "").trim() === "1",
    });
  }
  return out;
}

// A type alias (not the interface) so scores fit EvalTask's Record<string, unknown>.
type Scores = { [K in keyof BinaryScores]: BinaryScores[K] };

interface SpamEvalResult {
  overall: Scores;
  files: Record<string, Scores>;
  removedByReason: Record<string, number>;
  [key: string]: unknown;
}

function isScores(x: unknown): x is Scores {
  return typeof x === "object" && x !== null && typeof (x as Partial<Scores>).f1 === "number";
}

async function run(args: EvalArgs): Promise<SpamEvalResult> {
  const files = readdirSync(args.data)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort();
  if (files.length === 0) throw new Error(`eval spam: no .csv files in ${args.data}`);
  let total: BinaryCounts = emptyCounts();
  const perFile: Record<string, Scores> = {};
  const removedByReason: Record<string, number> = {};
  for (const file of files) {
    const labelled = readCollection(join(args.data, file));
    const result = filterComments(labelled.map((l) => l.comment));
    const removed = new Set(result.removed.map((r) => r.comment));
    for (const [reason, k] of Object.entries(result.counts.byReason)) removedByReason[reason] = (removedByReason[reason] ?? 0) + k;
    const counts = emptyCounts();
    for (const l of labelled) count(counts, removed.has(l.comment), l.spam);
    perFile[file] = binaryScores(counts);
    total = addCounts(total, counts);
  }
  return Promise.resolve({ overall: binaryScores(total), files: perFile, removedByReason });
}

const pct = (x: unknown): string => (typeof x === "number" ? x.toFixed(3) : "-");

function print(result: { overall: Record<string, unknown>; [key: string]: unknown }): void {
  const files = typeof result.files === "object" && result.files !== null ? Object.entries(result.files) : [];
  const rows: Array<[string, Scores]> = [];
  for (const [name, scores] of [...files, ["overall", result.overall] as const]) if (isScores(scores)) rows.push([name, scores]);
  const width = Math.max(...rows.map(([name]) => name.length), 7);
  const head = ["n", "precision", "recall", "F1", "accuracy", "MCC", "FPR"];
  console.log(`spam filter vs. YouTube Spam Collection labels (spam = removed)\n`);
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
}

export const spamTask: EvalTask = { dataset: "youtube-spam", run, print };
