// Small text helpers for the local provider's templates.
import { STOPWORDS } from "../stopwords";
import { flatten } from "../tokenize";

/** A short quotation of a comment: “…”, cut at a word boundary. */
export function quote(text: string, max = 90): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return `“${clean}”`;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `“${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,.;:!?-]+$/, "")}…”`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c". */
export function listOf(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/** Lower-case content words of a text, in order (no stopwords, no short words). */
export function contentWords(text: string): string[] {
  return flatten(text)
    .trim()
    .split(" ")
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d/.test(w) && w !== "<url>");
}

// What a request or question is about: "a video on <topic>", "how do I <topic>".
const TOPIC_AFTER =
  /\b(?:video|videos|vid|tutorial|episode|series|part|guide|review|more) (?:on|about|of|for|covering|explaining) ([\p{L}\p{N} ]+)|\bhow (?:do|can|to|would|did) (?:i|you|we|u)? ?([\p{L}\p{N} ]+)/u;

/** A few words naming what a comment is about, or undefined. */
export function topicOf(text: string): string | undefined {
  const flat = flatten(text).trim();
  const m = TOPIC_AFTER.exec(flat);
  const phrase = (m?.[1] ?? m?.[2])?.split(" ").filter(Boolean).slice(0, 5).join(" ");
  if (phrase && phrase.length >= 3) return phrase;
  const words = contentWords(text);
  return words.length ? words.slice(0, 2).join(" ") : undefined;
}

/** A stable small number from a text, so the same comment gets the same drafts. */
export function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
