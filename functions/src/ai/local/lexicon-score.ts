// Rule-based valence in the spirit of VADER (Hutto & Gilbert, 2014): lexicon
// hits adjusted for negation, degree words, contrast, emphasis and questions.
import { CONTRAST, DIMINISHERS, INTENSIFIERS, isNegator, MAX_PHRASE_WORDS, negatesNext, PHRASE_STARTS, PHRASES, valenceOf } from "./lexicon";
import type { Token } from "./tokenize";

export interface LexiconScore {
  /** Normalised sum of valences, -1..1. */
  compound: number;
  /** Sum of positive contributions (after adjustments). */
  positive: number;
  /** Sum of negative contributions, as a positive number. */
  negative: number;
  /** Number of tokens that carried sentiment. */
  hits: number;
  /** Internet-slang verdicts among them ("huge W", "kinda mid", "goated", "smh"). */
  slang: number;
}

// Negation flips and dampens: "not good" is bad, but "not bad" is only mildly good.
const NEGATION_FACTOR = -0.74;
const NEGATION_SCOPE = 3;
const EMPHASIS = 0.7;
const QUESTION_DAMPING = 0.6;

// Words after which slang like "fire", "mid", "lit" is a verdict ("this is fire", "kinda mid").
const PREDICATE_LEAD = new Set([
  "is", "it's", "its", "was", "so", "soo", "straight", "pure", "absolute", "absolutely", "lowkey", "kinda", "be", "are",
  "looks", "sounds", "very", "literally", "that's", "thats", "this", "just", "too", "been", "honestly", "actually", "really",
  "were", "damn", "fucking", "freaking",
]);
const SLANG_PREDICATES = new Map<string, number>([
  ["fire", 2.5], ["lit", 2], ["mid", -1.5], ["peak", 2], ["sick", 1.5], ["clean", 1.5], ["valid", 1.5], ["based", 1.5],
  ["sus", -1], ["ass", -2],
]);
// "W" / "L" as a verdict: "huge W", "take the L", or written alone in capitals.
const WIN_LOSS_LEAD = new Set([
  "big", "huge", "massive", "another", "absolute", "a", "an", "the", "take", "took", "taking", "such", "major", "easy",
  "biggest", "total",
]);
// Subjects after which "like" is the verb ("i like", "really like", "don't like").
const LIKE_LEAD = new Set([
  "i", "we", "you", "u", "they", "really", "also", "just", "definitely", "totally", "i'd", "would", "do", "does", "did",
  "still", "actually", "absolutely", "people", "everyone", "guys", "kinda", "much", "truly", "honestly", "who", "always",
]);

// Slang that is a verdict by itself wherever it appears.
const SLANG_WORDS = new Set([
  "goated", "goat", "banger", "bangers", "slaps", "bussin", "trash", "garbage", "meh", "smh", "cringe", "cringy", "cringey",
  "lol", "lmao", "lmfao", "underrated", "overrated", "clickbait", "based", "dope", "legend",
]);

/** True when token i is a slang verdict (in context for "fire", "W" and the like). */
function isSlangVerdict(tokens: Token[], i: number, value: number): boolean {
  const word = tokens[i].norm;
  if (SLANG_WORDS.has(word)) return true;
  return value !== 0 && (SLANG_PREDICATES.has(word) || word === "w" || word === "l");
}

const CLAUSE_BREAK = new Set([".", "...", "!", "!!", "?", "??", "?!", ",", ";", ":", "(", ")", "-", "—", "–"]);
const SENTENCE_END = new Set([".", "...", "!", "!!", "?", "??", "?!"]);

function isClauseBreak(token: Token): boolean {
  return token.kind === "punct" && CLAUSE_BREAK.has(token.norm);
}

/** Valence of token i in its context: slang read as a verdict only where it is one. */
function contextualValence(tokens: Token[], i: number): number {
  const token = tokens[i];
  if (token.kind !== "word") return valenceOf(token);
  const prev = i > 0 ? tokens[i - 1] : undefined;
  const next = i + 1 < tokens.length ? tokens[i + 1] : undefined;
  const prevWord = prev?.kind === "word" ? prev.norm : "";
  const alone = tokens.length <= 2 && (next === undefined || next.kind !== "word");
  const word = token.norm;
  if (word === "like") {
    if (LIKE_LEAD.has(prevWord) || isNegator(prevWord)) return 2;
    return 0;
  }
  const slang = SLANG_PREDICATES.get(word);
  if (slang !== undefined) {
    const verdictAfter = next === undefined || next.kind === "emoji" || next.kind === "punct" || next.norm === "af";
    if (alone || (PREDICATE_LEAD.has(prevWord) && verdictAfter)) return slang;
    return valenceOf(token);
  }
  // "holy shit", "holy crap": amazement, not disgust.
  if (prevWord === "holy" && (word === "shit" || word === "crap" || word === "fuck" || word === "cow")) return 1.5;
  if (word === "w" || word === "l") {
    if (token.caps || alone || WIN_LOSS_LEAD.has(prevWord)) return word === "w" ? 2 : -2;
    return 0;
  }
  return valenceOf(token);
}

/** The longest known phrase starting at token i: its valence and length in tokens. */
function phraseAt(tokens: Token[], i: number): { value: number; length: number } | undefined {
  let key = "";
  let found: { value: number; length: number } | undefined;
  for (let k = 0; k < MAX_PHRASE_WORDS && i + k < tokens.length; k += 1) {
    const t = tokens[i + k];
    if (t.kind !== "word") break;
    key = k === 0 ? t.norm.replace(/'/g, "") : `${key} ${t.norm.replace(/'/g, "")}`;
    const value = k > 0 ? PHRASES.get(key) : undefined;
    if (value !== undefined) found = { value, length: k + 1 };
  }
  return found;
}

export function lexiconScore(tokens: Token[]): LexiconScore {
  let capsWords = 0;
  let words = 0;
  for (const t of tokens) {
    if (t.kind !== "word") continue;
    words += 1;
    if (t.caps && t.norm.length > 1) capsWords += 1;
  }
  // When everything is in capitals, capitals emphasise nothing.
  const capsEmphasis = capsWords > 0 && capsWords < words * 0.6;

  const contributions: number[] = [];
  // Contribution index where the current sentence starts, and where its last contrast was.
  let sentenceStart = 0;
  let clauseWeight = 1;
  let negationLeft = 0;
  let modifier = 1;
  let modifierLeft = 0;
  let concessionOpen = false;
  let exclamations = 0;
  let slang = 0;

  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (token.kind === "punct") {
      if (token.norm.startsWith("!") || token.norm === "?!") exclamations += token.norm.length;
      if (isClauseBreak(token)) {
        negationLeft = 0;
        modifierLeft = 0;
        if (concessionOpen && token.norm === ",") {
          // "Although it's pricey, it's great": the concession is over.
          concessionOpen = false;
          clauseWeight = 1.5;
        }
      }
      if (SENTENCE_END.has(token.norm) || token.norm === "?!") {
        if (token.norm.includes("?")) {
          for (let k = sentenceStart; k < contributions.length; k += 1) contributions[k] *= QUESTION_DAMPING;
        }
        sentenceStart = contributions.length;
        clauseWeight = 1;
        concessionOpen = false;
      }
      continue;
    }
    const word = token.kind === "word" ? token.norm : "";
    const phrase = token.kind === "word" && PHRASE_STARTS.has(word) ? phraseAt(tokens, i) : undefined;
    if (phrase) {
      // A phrase is one unit: "doesn't work" is not a negated "work".
      let value = phrase.value;
      if (modifierLeft > 0) value *= modifier;
      if (negationLeft > 0) value *= NEGATION_FACTOR;
      contributions.push(value * clauseWeight);
      i += phrase.length - 1;
      modifierLeft = 0;
      negationLeft = 0;
      continue;
    }
    if (CONTRAST.has(word)) {
      negationLeft = 0;
      modifierLeft = 0;
      const atStart = i === 0 || isClauseBreak(tokens[i - 1]);
      if ((word === "although" || word === "though") && atStart) {
        concessionOpen = true;
        clauseWeight = 0.5;
      } else if (word === "though" || word === "tho") {
        // "Great, though pricey": the afterthought weighs less than what came before.
        clauseWeight = 0.5;
      } else {
        for (let k = sentenceStart; k < contributions.length; k += 1) contributions[k] *= 0.5;
        clauseWeight = 1.5;
      }
      continue;
    }
    if (word && isNegator(word)) {
      // "not only", "no doubt": no flip.
      if (negatesNext(word, tokens[i + 1]?.norm)) negationLeft = NEGATION_SCOPE;
      continue;
    }
    const boost = INTENSIFIERS.get(word) ?? DIMINISHERS.get(word);
    let value = contextualValence(tokens, i);
    // "damn good": a degree word that also carries valence modifies when a sentiment word follows.
    if (boost !== undefined && (value === 0 || (i + 1 < tokens.length && contextualValence(tokens, i + 1) !== 0))) {
      modifier = boost;
      modifierLeft = 2;
      continue;
    }
    if (value !== 0) {
      if (modifierLeft > 0) value *= modifier;
      if (capsEmphasis && token.caps) value += Math.sign(value) * EMPHASIS;
      if (token.elongated) value += Math.sign(value) * 0.3;
      if (negationLeft > 0) value *= NEGATION_FACTOR;
      contributions.push(value * clauseWeight);
      if (token.kind === "word" && isSlangVerdict(tokens, i, value)) slang += 1;
      modifierLeft = 0;
    } else if (modifierLeft > 0) {
      modifierLeft -= 1;
    }
    if (negationLeft > 0) negationLeft -= 1;
  }
  // A trailing question without a final "?" token still ends here; nothing to damp.

  let sum = 0;
  let positive = 0;
  let negative = 0;
  for (const c of contributions) {
    sum += c;
    if (c > 0) positive += c;
    else negative -= c;
  }
  if (sum !== 0 && exclamations > 0) sum += Math.sign(sum) * 0.25 * Math.min(exclamations, 4);
  return {
    compound: sum / Math.sqrt(sum * sum + 15),
    positive,
    negative,
    hits: contributions.length,
    slang,
  };
}
