// Readers for the shared, human-labelled datasets (../shared/datasets). They
// read in place: the data is never copied into this repo.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { YouTubeComment } from "../../functions/src/youtube/types";
import { parseCsv, parseCsvRecords } from "../csv";

export const SHARED_DATASETS = resolve(__dirname, "..", "..", "..", "shared", "datasets");

/** Non-empty lines of a one-comment-per-line file; a missing file is empty. */
export function readLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export type Polarity = "positive" | "negative";

export interface LabelledText<L extends string> {
  text: string;
  label: L;
}

export const SENTUBE_SPLITS = ["train", "dev", "test"] as const;

/** One SenTube split: pos.txt and neg.txt, in that order. */
export function readSentubeSplit(dir: string, split: string): Array<LabelledText<Polarity>> {
  return [
    ...readLines(join(dir, split, "pos.txt")).map((text) => ({ text, label: "positive" as const })),
    ...readLines(join(dir, split, "neg.txt")).map((text) => ({ text, label: "negative" as const })),
  ];
}

/**
 * yt-comments-corpus' positive and negative rows (Sentiment 2 / 0; neutral 1
 * left out). Its labels' origin is undocumented: a weak check on videos of
 * every topic, never a result.
 */
export function readCorpusPolarity(file: string): Array<LabelledText<Polarity>> {
  if (!existsSync(file)) return [];
  const out: Array<LabelledText<Polarity>> = [];
  for (const r of parseCsvRecords(readFileSync(file, "utf8"))) {
    const text = r.Comment?.trim() ?? "";
    const label = Number(r.Sentiment) === 2 ? "positive" : Number(r.Sentiment) === 0 && r.Sentiment !== "" ? "negative" : undefined;
    if (text && label) out.push({ text, label });
  }
  return out;
}

export interface ConcernVideo {
  id: string;
  concerns: string[];
  others: string[];
}

/** comment-concerns: one folder per video with concerns.txt and others.txt, sorted by id. */
export function readConcernVideos(dir: string): ConcernVideo[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((id) => ({
      id,
      concerns: readLines(join(dir, id, "concerns.txt")),
      others: readLines(join(dir, id, "others.txt")),
    }));
}

export interface LabelledComment {
  comment: YouTubeComment;
  spam: boolean;
}

/** Rows of one collection file as comments with their gold label. */
export function readSpamCollection(path: string): LabelledComment[] {
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

/** The YouTube Spam Collection: one video per .csv file, sorted by name. */
export function readSpamVideos(dir: string): Array<{ id: string; comments: LabelledComment[] }> {
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort();
  return files.map((f) => ({ id: f, comments: readSpamCollection(join(dir, f)) }));
}

export interface ToxicRow {
  text: string;
  toxic: boolean;
  /** The file the row came from. */
  file: string;
}

/** Every *.csv in `dir` with columns Text,IsToxic (TRUE/FALSE), files sorted by name. */
export function readToxicRows(dir: string): ToxicRow[] {
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".csv"))
    .sort();
  const out: ToxicRow[] = [];
  for (const file of files) {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, file), "utf8"));
    const col = (name: string): number => {
      const i = header?.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase()) ?? -1;
      if (i < 0) throw new Error(`${file}: no ${name} column`);
      return i;
    };
    const [text, label] = [col("Text"), col("IsToxic")];
    for (const r of rows) {
      if (r.length === 1 && r[0] === "") continue;
      out.push({ text: r[text] ?? "", toxic: (r[label] ?? "").trim().toUpperCase() === "TRUE", file });
    }
  }
  return out;
}
