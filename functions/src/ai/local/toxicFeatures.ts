// Features of the local toxicity model, shared by the runtime scorer
// (toxicity.ts) and its trainer (tools/train/toxicity.ts): words, bigrams and
// character n-grams (elongations squeezed: "idiooot"), and lexicon counts of
// profanity, insults, slurs and threats, each with whom it is aimed at: a
// person ("you idiot", "this guy is a loser", "kill them"), the writer ("I'm
// such an idiot", "that solo killed me"), a thing ("this beat is sick", "kill
// it with this mic"), or nobody (profanity as praise: "f***ing brilliant").
// What a word is aimed at is what carries to a creator's comments: the
// training data is one news story, its topic words do not.
import {
  BEASTS,
  DEHUMANISING,
  DETERMINERS,
  GROUPS,
  HARM_WISHES,
  HARM_PREPOSITIONS,
  HARM_TO_SUBJECT,
  HOSTILE_COMMANDS,
  INSULTS,
  ONLY_AT_A_PERSON,
  OTHERED,
  PERSON_NOUNS,
  PERSON_TARGETS,
  PERSON_WORDS,
  PHRASE_KEYS,
  POSSESSIVES,
  PRAISE,
  PROFANITY,
  QUOTED_PEOPLE_BEFORE,
  SELF_TARGETS,
  SEVERE_THREATS,
  SLURS,
  SWEEPING,
  SWEEPING_OF_ANYONE,
  TARGET_FILLER,
  THING_TARGETS,
  THREATS,
} from "./toxicLexicon";
import { squeeze, tokenize, type Token } from "./tokenize";

export const TOXIC_DENSE_FEATURES = [
  "profanity", "insults", "slurs", "threats", "aimed", "loose", "notAimed", "threatAimed", "threatLoose", "groupInsult", "groupClaim", "violentCall", "wished", "commanded", "dehumanised", "second", "shouting", "exclaims", "long",
] as const;

export interface ToxicSparseOptions {
  bigrams: boolean;
  /** Lengths of the character n-grams taken of each word. */
  charGrams: readonly number[];
  /**
   * Words naming people by who they are ("women", "muslims", "cops", "woman",
   * "guy") read as one word, "<group>": who is named is no sign of abuse, what
   * is said of them is.
   */
  groupsAsOne: boolean;
}

/** The sparse features the shipped model uses (chosen by cross-validation, tools/train/toxicity.ts). */
export const TOXIC_SPARSE: ToxicSparseOptions = { bigrams: false, charGrams: [4], groupsAsOne: true };

const wordOf = (t: Token): string => (t.elongated ? squeeze(t.norm) : t.norm).replace(/'/g, "");

// Letters with stars, digits or signs inside, as people write swear words past a filter: "f*ck", "idi0t", "b1tch", "sh!t".
const OBFUSCATED_HINT = /[a-z][*#@$0-9!]+[a-z*]/i;
const OBFUSCATED = /[a-z][a-z*#@$0-9!]*[*#@$0-9!][a-z*#@$0-9!]*/gi;
const LEET: Readonly<Record<string, string>> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s", "!": "i" };
const ABUSIVE_WORDS: readonly string[] = [...new Set([...PROFANITY, ...INSULTS, ...SLURS])];
const ABUSIVE: ReadonlySet<string> = new Set(ABUSIVE_WORDS);

function repairWord(chunk: string): string | undefined {
  const word = chunk.toLowerCase().replace(/!+$/, "");
  if (!/[*#@$0-9!]/.test(word)) return undefined;
  const unleet = word.replace(/[013457@$!]/g, (c) => LEET[c]);
  if (ABUSIVE.has(unleet)) return unleet;
  if (!/[*#]/.test(unleet)) return undefined;
  // A star stands for one hidden letter: "f***ing" is f + 3 letters + ing.
  const pattern = new RegExp(`^${unleet.replace(/[*#]/g, "[a-z]")}$`);
  return ABUSIVE_WORDS.find((w) => pattern.test(w));
}

/**
 * The comment's tokens with obfuscated abusive words written out ("idi0t" →
 * "idiot"), or the tokens as given when it has none (the common case, one regex test).
 */
export function toxicTokens(tokens: Token[], raw: string): Token[] {
  if (!OBFUSCATED_HINT.test(raw)) return tokens;
  let changed = false;
  const repaired = raw.replace(OBFUSCATED, (chunk) => {
    const word = repairWord(chunk);
    if (word === undefined) return chunk;
    changed = true;
    return word + chunk.slice(chunk.replace(/!+$/, "").length);
  });
  return changed ? tokenize(repaired) : tokens;
}

export function toxicSparse(tokens: Token[], options: ToxicSparseOptions = TOXIC_SPARSE): string[] {
  const out = new Set<string>();
  let prev = "";
  for (const t of tokens) {
    if (t.kind !== "word") {
      if (t.kind === "emoji") out.add(`e:${t.norm}`);
      prev = "";
      continue;
    }
    const own = wordOf(t);
    const group = options.groupsAsOne && (GROUPS.has(own) || PERSON_WORDS.has(own));
    const w = group ? "<group>" : own;
    out.add(w);
    if (prev && options.bigrams) out.add(`${prev} ${w}`);
    prev = w;
    // Character n-grams of the space-padded word (" idi", "diot", "iot ").
    for (const n of options.charGrams) {
      if (group || w.length < n) continue;
      const padded = ` ${w} `;
      for (let i = 0; i + n <= padded.length; i += 1) out.add(padded.slice(i, i + n));
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
  /** Insults, slurs and profanity aimed at a person, or a person likened to an animal: "you idiot", "this guy is a loser", "fuck you", "women are stupid", "like roaches". */
  aimed: number;
  /** Insults and profanity aimed at no one the words show ("Masri is stupid", "what a load of crap"). */
  loose: number;
  /** Insults and profanity aimed at the writer or a thing, or used as praise or an exclamation. */
  notAimed: number;
  /** A harm word done to a person: "kill yourself", "punch this guy", "I hope you die". */
  threatAimed: number;
  /** A severe harm word done to someone the words do not show: "kill Masri", "time to kill". */
  threatLoose: number;
  /** Insults and profanity aimed at a group of people: "women are stupid", "stupid liberals". */
  groupInsult: number;
  /** A group named with a sweeping word around it ("blacks are", "all muslims"). */
  groupClaim: number;
  /** A violent word with a sweeping one or people as its object ("they should all be shot", "run them over"). */
  violentCall: number;
  /** Harm wished on people or approved of: "they should all be shot", "deserved to die", "I hope they rot" (HARM_WISHES). */
  wished: number;
  /** A hostile order at a person: "Get a job!", "go to hell", "screw you" (HOSTILE_COMMANDS). */
  commanded: number;
  /** People denied their humanity: these "people", "if they can be called that". */
  dehumanised: number;
  /** Words addressing someone: "you", "your". */
  second: number;
}

type Target = "group" | "person" | "self" | "thing" | "other" | "none";

const atPerson = (t: Target): boolean => t === "person" || t === "group";

function targetOf(w: string): Target {
  if (GROUPS.has(w)) return "group";
  if (PERSON_TARGETS.has(w)) return "person";
  if (SELF_TARGETS.has(w)) return "self";
  if (THING_TARGETS.has(w)) return "thing";
  return "other";
}

/** Whom words[i] is said of: the first word before it that is not filler ("you are such a stupid clown"). */
function targetBefore(words: string[], i: number): Target {
  for (let j = i - 1; j >= 0 && j >= i - 5; j -= 1) {
    if (TARGET_FILLER.has(words[j]) || INSULTS.has(words[j])) continue;
    return targetOf(words[j]);
  }
  return "none";
}

/**
 * Whom words[i] is done to: the first word after it that is not filler ("punch
 * this guy", "kill it"). A word no list knows after a determiner is a thing
 * ("beat the final boss"): people are named by pronouns, person words and groups.
 */
function targetAfter(words: string[], i: number, span: number): Target {
  let determiner = false;
  for (let j = i + 1; j < words.length && j <= i + span; j += 1) {
    if (DETERMINERS.has(words[j])) determiner = true;
    if (TARGET_FILLER.has(words[j]) || HARM_PREPOSITIONS.has(words[j]) || words[j] === "this" || words[j] === "that") continue;
    const target = targetOf(words[j]);
    return target === "other" && determiner ? "thing" : target;
  }
  return "none";
}

const NEGATIONS: ReadonlySet<string> = new Set(["no", "nobody", "noone", "never", "cant", "cannot", "couldnt", "wont", "dont", "didnt", "not", "nothing"]);
const WH: ReadonlySet<string> = new Set(["what", "who", "how", "why", "where", "when", "whats", "wtf"]);
const SECOND: ReadonlySet<string> = new Set(["you", "u", "ur", "your", "youre", "ya", "yall", "yourself"]);

export function toxicCounts(tokens: Token[]): ToxicCounts {
  const counts: ToxicCounts = { profanity: 0, insults: 0, slurs: 0, threats: 0, aimed: 0, loose: 0, notAimed: 0, threatAimed: 0, threatLoose: 0, groupInsult: 0, groupClaim: 0, violentCall: 0, wished: 0, commanded: 0, dehumanised: 0, second: 0 };
  const words: string[] = [];
  // Whether a punctuation mark (or the start) comes right before words[i]: "Damn, that was smooth".
  const breakBefore: boolean[] = [];
  let lastWasBreak = true;
  let quoted = false;
  let phraseKey = false;
  for (const t of tokens) {
    if (t.kind === "word") {
      const w = wordOf(t);
      if (PHRASE_KEYS.has(w)) phraseKey = true;
      if (quoted && w === "people" && QUOTED_PEOPLE_BEFORE.has(words[words.length - 1])) counts.dehumanised += 1;
      words.push(w);
      breakBefore.push(lastWasBreak);
      lastWasBreak = false;
    } else if (t.kind === "punct" || t.kind === "emoji") lastWasBreak = true;
    quoted = t.kind === "punct" && t.norm.includes('"');
  }
  if (phraseKey) phrases(words, breakBefore, counts);
  const near = (set: ReadonlySet<string>, i: number, span: number): boolean => {
    const end = Math.min(words.length - 1, i + span);
    for (let j = Math.max(0, i - span); j <= end; j += 1) if (j !== i && set.has(words[j])) return true;
    return false;
  };
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i];
    if (SECOND.has(w)) counts.second += 1;
    if (GROUPS.has(w) && (near(w === "people" || w === "folks" ? SWEEPING_OF_ANYONE : SWEEPING, i, 2) || (OTHERED.has(w) && words[i - 1] === "the"))) counts.groupClaim += 1;
    // A harm word after a determiner is a noun ("this beat", "a shoot", "the shot at 2:10").
    // Negated, harm is no threat: "no one can beat him", "don't shoot".
    if (THREATS.has(w) && !(i > 0 && DETERMINERS.has(words[i - 1])) && ![1, 2, 3].some((k) => NEGATIONS.has(words[i - k]))) {
      counts.threats += 1;
      // "I hope you die" is aimed by its subject; "my battery is dead" (or German "die") is not a threat at all.
      const target = HARM_TO_SUBJECT.has(w) ? (w === "kys" ? "person" : targetBefore(words, i)) : targetAfter(words, i, 5);
      // Done to a thing or a manner, it is no call to violence: "they should be shot in natural light", "hang this in a museum".
      if (target !== "thing" && (near(SWEEPING, i, 3) || near(GROUPS, i, 3))) counts.violentCall += 1;
      if (atPerson(target)) counts.threatAimed += 1;
      else if (SEVERE_THREATS.has(w) && (target === "other" || target === "none")) counts.threatLoose += 1;
    }
    const likened = BEASTS.has(w) && !POSSESSIVES.has(words[i - 1]) && (words[i - 1] === "like" || ((words[i - 1] === "a" || words[i - 1] === "an") && words[i - 2] === "like"));
    const slur = SLURS.has(w) || likened;
    const insult = INSULTS.has(w);
    const profane = PROFANITY.has(w);
    if (slur) {
      if (!likened) counts.slurs += 1;
      counts.aimed += 1;
      continue;
    }
    if (!insult && !profane) continue;
    if (insult) counts.insults += 1;
    if (profane) counts.profanity += 1;
    const before = targetBefore(words, i);
    const after = targetAfter(words, i, 2);
    const next = words[i + 1];
    // "this fucking fuck": the word names a person.
    if (profane && (w === "fuck" || w === "fucks") && ["this", "that", "these", "those"].includes(words[i - 1] === "fucking" ? words[i - 2] : words[i - 1])) counts.aimed += 1;
    // The writer ("I'm such an idiot", "feeling like shit"), or animals, someone's own or praised ("your animals are beautiful", "I love watching these animals").
    else if (before === "self" || (next === "like" && SELF_TARGETS.has(words[i + 2])) || (words[i - 1] === "like" && /^fe(el|els|eling|lt)$/.test(words[i - 2] ?? ""))) counts.notAimed += 1;
    else if (BEASTS.has(w) && (POSSESSIVES.has(words[i - 1]) || near(PRAISE, i, 3))) counts.notAimed += 1;
    else if (atPerson(before) || atPerson(after) || (next === "like" && PERSON_TARGETS.has(words[i + 2]))) {
      counts.aimed += 1;
      if (before === "group" || after === "group") counts.groupInsult += 1;
    }
    // "Shut up and take my money", "sick mix": rude only when said to someone ("shut up you clown", "you're sick").
    else if (ONLY_AT_A_PERSON.has(w)) counts.notAimed += 1;
    else if (PERSON_NOUNS.has(w)) counts.aimed += 1;
    else if (profane && (PRAISE.has(next) || PRAISE.has(words[i + 2]) || PRAISE.has(words[i + 3]) || PRAISE.has(words[i - 1]) || words[i - 1] === "no")) counts.notAimed += 1;
    // Intensifiers and praise: "funny as hell", "so bad ass", "how the fuck did this get so many likes".
    else if (profane && (words[i - 1] === "as" || (w === "ass" && words[i - 1] === "bad") || (words[i - 1] === "the" && WH.has(words[i - 2])))) counts.notAimed += 1;
    // "Damn," and "Holy shit!" are exclamations; "Bullshit," is a verdict on what someone said.
    else if (profane && breakBefore[i] && (i + 1 === words.length || breakBefore[i + 1]) && w !== "bullshit" && w !== "bs") counts.notAimed += 1;
    else if (before === "thing") counts.notAimed += 1;
    else counts.loose += 1;
  }
  return counts;
}

/** The phrase cues (toxicLexicon.ts), matched on the words joined by spaces with "|" where a sentence starts. */
function phrases(words: string[], breakBefore: boolean[], counts: ToxicCounts): void {
  let line = "";
  for (let i = 0; i < words.length; i += 1) line += (i === 0 ? "" : " ") + (breakBefore[i] && i > 0 ? "| " : "") + words[i];
  for (const re of HARM_WISHES) if (re.test(line)) counts.wished += 1;
  if (HOSTILE_COMMANDS.test(line)) counts.commanded += 1;
  if (DEHUMANISING.test(line)) counts.dehumanised += 1;
}

/**
 * Abuse said outright, with no word the model could weigh: harm wished on
 * people, a hostile order, people denied their humanity. Toxic on any topic
 * (1 of 18,408 other-topic comments has one), but too rare in the training
 * rows (7) for the model to learn them, so they are toxic without it.
 */
export function explicit(c: ToxicCounts): boolean {
  return c.wished + c.commanded + c.dehumanised > 0;
}

/** Whether the comment has abuse that may be aimed at someone: the gate before the model (toxicity.ts). */
export function abusive(c: ToxicCounts): boolean {
  return c.aimed + c.loose + c.threatAimed + c.threatLoose + c.groupClaim + c.violentCall + c.wished + c.commanded + c.dehumanised > 0;
}

export function toxicDense(tokens: Token[], counts: ToxicCounts): number[] {
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
    cap(counts.loose),
    cap(counts.notAimed),
    cap(counts.threatAimed),
    cap(counts.threatLoose),
    cap(counts.groupInsult),
    cap(counts.groupClaim),
    cap(counts.violentCall),
    cap(counts.wished),
    cap(counts.commanded),
    cap(counts.dehumanised),
    counts.second > 0 ? 1 : 0,
    letters >= 12 && upper / letters >= 0.5 ? 1 : 0,
    Math.min(exclaims, 3) / 3,
    words >= 40 ? 1 : 0,
  ];
}
