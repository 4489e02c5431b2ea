// Features of the local toxicity model, shared by the runtime scorer
// (toxicity.ts) and its trainer (tools/train/toxicity.ts): words, bigrams and
// character 4-grams (elongations squeezed: "idiooot"; spelling-robust), masked
// swear words ("f*cking"), and lexicon counts
// of profanity, insults, slurs and threats, with whether they are aimed at
// someone ("you idiot", "these animals").
import { GROUPS, INSULTS, PROFANITY, SLURS, SWEEPING, THREATS } from "./toxicLexicon";
import { squeeze, type Token } from "./tokenize";

export const TOXIC_DENSE_FEATURES = ["profanity", "insults", "slurs", "threats", "aimed", "groupClaim", "violentCall", "shouting", "exclaims", "long"] as const;

const AIMED_AT = new Set(["you", "u", "ur", "your", "youre", "you're", "ya", "these", "those", "this", "they", "them", "he", "she", "his", "her", "such", "all", "bunch", "like"]);
// Stars and digits spammers and angry writers put inside swear words: "f*ck", "sh1t".
const MASKED = /(?<![^\s])[a-z]+[*#@$1]+[a-z]*(?![^\s!?.,])/g;
const MASK_HINT = /[a-z][*#@$1]/i;

const wordOf = (t: Token): string => (t.elongated ? squeeze(t.norm) : t.norm).replace(/'/g, "");

export function toxicSparse(tokens: Token[]): string[] {
  const out = new Set<string>();
  let prev = "";
  for (const t of tokens) {
    if (t.kind !== "word") {
      if (t.kind === "emoji") out.add(`e:${t.norm}`);
      prev = "";
      continue;
    }
    const w = wordOf(t);
    out.add(w);
    if (prev) out.add(`${prev} ${w}`);
    prev = w;
    // Character 4-grams of the space-padded word (" idi", "diot", "iot "): they never
    // collide with words (no space) or bigrams (a space inside).
    if (w.length >= 4) {
      const padded = ` ${w} `;
      for (let i = 0; i + 4 <= padded.length; i += 1) out.add(padded.slice(i, i + 4));
    }
  }
  return [...out];
}

export function toxicScale(n: number): number {
  return 1 / Math.sqrt(Math.max(n, 1));
}

export interface ToxicCounts {
  profanity: number;
  insults: number;
  slurs: number;
  threats: number;
  /** Insults or slurs right after a word pointing at someone. */
  aimed: number;
  /** A group named with a sweeping word around it ("blacks are", "all muslims"). */
  groupClaim: number;
  /** A violent word with a sweeping one or people as its object ("they should all be shot", "run them over"). */
  violentCall: number;
}

export function toxicCounts(tokens: Token[], raw: string): ToxicCounts {
  const counts: ToxicCounts = { profanity: 0, insults: 0, slurs: 0, threats: 0, aimed: 0, groupClaim: 0, violentCall: 0 };
  const words: string[] = [];
  for (const t of tokens) if (t.kind === "word") words.push(wordOf(t));
  const near = (set: ReadonlySet<string>, i: number, span: number): boolean => {
    const end = Math.min(words.length - 1, i + span);
    for (let j = Math.max(0, i - span); j <= end; j += 1) if (j !== i && set.has(words[j])) return true;
    return false;
  };
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i];
    const profane = PROFANITY.has(w);
    const insult = INSULTS.has(w);
    const slur = SLURS.has(w);
    if (profane) counts.profanity += 1;
    if (insult) counts.insults += 1;
    if (slur) counts.slurs += 1;
    if (THREATS.has(w)) {
      counts.threats += 1;
      if (near(SWEEPING, i, 3) || near(GROUPS, i, 3)) counts.violentCall += 1;
    }
    if (GROUPS.has(w) && near(SWEEPING, i, 2)) counts.groupClaim += 1;
    if ((insult || slur || profane) && ((i > 0 && AIMED_AT.has(words[i - 1])) || (i > 1 && AIMED_AT.has(words[i - 2])))) counts.aimed += 1;
  }
  // Masked swear words never reach the tokenizer as one word.
  if (MASK_HINT.test(raw)) for (const _ of raw.toLowerCase().matchAll(MASKED)) counts.profanity += 1;
  return counts;
}

export function toxicDense(tokens: Token[], raw: string, counts = toxicCounts(tokens, raw)): number[] {
  let upper = 0;
  let letters = 0;
  let exclaims = 0;
  let words = 0;
  for (const t of tokens) {
    if (t.kind === "word") {
      words += 1;
      letters += t.norm.length;
      if (t.caps) upper += t.norm.length;
    } else if (t.kind === "punct" && t.norm.includes("!")) exclaims += 1;
  }
  const cap = (n: number): number => Math.min(n, 3) / 3;
  return [
    cap(counts.profanity),
    cap(counts.insults),
    cap(counts.slurs),
    cap(counts.threats),
    cap(counts.aimed),
    cap(counts.groupClaim),
    cap(counts.violentCall),
    letters >= 12 && upper / letters >= 0.5 ? 1 : 0,
    Math.min(exclaims, 3) / 3,
    words >= 40 ? 1 : 0,
  ];
}
