// Readers for the shared, human-labelled datasets (../shared/datasets). They
// read in place: the data is never copied into this repo.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

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
