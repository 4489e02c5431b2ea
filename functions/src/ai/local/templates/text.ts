// Small text helpers for the local provider's templates.
import { hasValence, isNegator } from "../lexicon";
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

const MAX_TOPIC_WORDS = 8;

/**
 * A few words naming what a comment is about, or undefined: what it asks for
 * ("how to get mingw gcc for the toolchain"), else its first two content words
 * that carry no sentiment ("audio", not "audio awful").
 */
export function topicOf(text: string): string | undefined {
  const flat = flatten(text).trim();
  const m = TOPIC_AFTER.exec(flat);
  const asked = m ? askedWords(m[1] ?? m[2] ?? "", MAX_TOPIC_WORDS) : [];
  if (asked.join(" ").length >= 3) return m?.[1] !== undefined ? asked.join(" ") : `how to ${asked.join(" ")}`;
  // The first content word with no sentiment, and the next one when it follows at once ("battery life").
  const all = flat.split(" ");
  const isTopicWord = (w: string | undefined): w is string => !!w && w.length >= 3 && !STOPWORDS.has(w) && !/^\d/.test(w) && w !== "<url>" && !hasValence(w) && !isNegator(w);
  const first = all.findIndex(isTopicWord);
  if (first < 0) return undefined;
  return isTopicWord(all[first + 1]) ? `${all[first]} ${all[first + 1]}` : all[first];
}

/** A stable small number from a text, so the same comment gets the same drafts. */
export function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

// Where the ask ends and the viewer's story starts: "… since i am new", "… everything is silent", "… please help",
// "… it wont show up in eclipse".
const STORY_STARTS =
  /[?.!,;:(]|\b(?:that s|thats|because|since|but|so|or|i get|mine is|please|thanks|thank you|any help|(?:everything|nothing|anything) (?:is|was|works?|just)|it (?:wont|won't|doesnt|doesn't|does not|isnt|isn't|is not|keeps|just)|(?:can|could|would|do|did|should) (?:you|i) |you know|(?:i|you) (?:mean|did)|i (?:have|had|want|tried|need)|what (?:file|is|does))\b/;
// Words that open a new clause inside a question: where an over-long phrase can end.
const LINKS = new Set(["when", "while", "if", "that", "which", "because", "after", "before", "so", "and", "but", "where"]);
// Words a phrase cannot end on: "… to the", "… everything is", "… about".
const DANGLING = new Set([
  "the", "a", "an", "is", "are", "was", "were", "be", "to", "of", "for", "and", "or", "with", "about", "into", "onto", "on",
  "in", "at", "from", "by", "my", "your", "his", "her", "their", "its", "this", "that", "these", "those", "quite", "very",
  "so", "just", "really", "if", "when", "how", "what", "which", "you", "i", "having", "without", "like", "getting", "doing",
]);

/**
 * The words of what a viewer asks for, from lower-case text that starts with it
 * ("set up the audio interface since i am new" → set up the audio interface):
 * cut where their own story starts, at most `max` words (then before the clause
 * that was cut), never ending on a dangling word.
 */
export function askedWords(text: string, max: number): string[] {
  const all = text.split(STORY_STARTS)[0].trim().split(/\s+/).filter(Boolean);
  const words = all.slice(0, max);
  if (all.length > max) {
    const link = words.findLastIndex((w, k) => k >= 3 && LINKS.has(w));
    if (link > 0) words.length = link;
  }
  while (words.length > 0 && DANGLING.has(words[words.length - 1])) words.pop();
  return words;
}
