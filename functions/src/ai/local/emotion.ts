// Emotions from cue words, emoji and a few phrasings. Cues inside a negation's
// scope ("not happy", "not excited") are skipped rather than guessed at.
import type { Emotion } from "../types";
import { EMOTIONS } from "../types";
import { CONTRAST, isNegator } from "./lexicon";
import { flattenNormalized, normalizeText, squeeze, tokenizeNormalized, type Token } from "./tokenize";

type Cues = Partial<Record<Emotion, number>>;

const WORD_CUES: Record<Emotion, string[]> = {
  joy: [
    "happy", "glad", "joy", "joyful", "delighted", "yay", "enjoy", "enjoyed", "enjoying", "smile", "smiling",
    "cheerful", "pleased", "wholesome", "blessed", "woohoo", "yippee",
  ],
  love: [
    "love", "loved", "loving", "loves", "adore", "adored", "favorite", "favourite", "fav", "luv", "obsessed",
    "beautiful", "gorgeous", "lovely", "cute", "adorable",
  ],
  gratitude: [
    "thank", "thanks", "thankyou", "thx", "thnx", "thanx", "ty", "tysm", "appreciate", "appreciated", "appreciation",
    "grateful", "thankful", "lifesaver", "kudos", "bless",
  ],
  excitement: [
    "excited", "exciting", "hyped", "hype", "pumped", "stoked", "thrilled", "woo", "finally", "epic", "insane",
    "banger", "fire",
  ],
  amusement: [
    "lol", "lmao", "lmfao", "haha", "hahaha", "hah", "hehe", "rofl", "funny", "hilarious", "xd", "joke", "jokes",
    "laughing", "laughed", "dying", "comedy", "lolol",
  ],
  surprise: [
    "wow", "whoa", "woah", "omg", "omfg", "shocked", "shocking", "surprised", "surprising", "unexpected",
    "unbelievable", "speechless", "mindblowing", "insane", "wtf",
  ],
  curiosity: ["curious", "wonder", "wondering", "interested", "interesting", "intrigued", "fascinating", "question", "questions"],
  confusion: ["confused", "confusing", "lost", "unclear", "huh", "puzzled", "baffled", "complicated"],
  sadness: [
    "sad", "sadly", "cry", "crying", "cried", "tears", "depressed", "depressing", "heartbroken", "miss", "missed",
    "rip", "unfortunately", "lonely", "tragic", "sorrow",
  ],
  anger: [
    "angry", "mad", "furious", "hate", "hated", "pissed", "rage", "disgusting", "disgusted", "idiot", "idiots",
    "stupid", "moron", "outrageous", "bullshit", "shut", "liar", "scam",
  ],
  frustration: [
    "annoying", "annoyed", "frustrating", "frustrated", "ugh", "smh", "irritating", "stuck", "error", "errors",
    "broken", "useless",
  ],
  fear: [
    "scared", "afraid", "fear", "terrifying", "terrified", "scary", "creepy", "worried", "worry", "nervous", "anxious",
    "horror", "frightening", "spooky",
  ],
  disappointment: [
    "disappointed", "disappointing", "dissapointed", "dissapointing", "letdown", "meh", "underwhelming",
    "underwhelmed", "mid", "unfortunately", "sadly", "overrated", "expected", "worse", "downgrade", "clickbait",
  ],
};

const EMOJI_CUES: Record<string, Cues> = {
  "😊": { joy: 1 }, "😀": { joy: 1 }, "😃": { joy: 1 }, "😄": { joy: 1 }, "😁": { joy: 1 }, "🙂": { joy: 0.5 }, "☺": { joy: 1 },
  "🥳": { joy: 1, excitement: 1 }, "😍": { love: 1.5 }, "🥰": { love: 1.5 }, "😘": { love: 1 }, "❤": { love: 1.5 },
  "💕": { love: 1.5 }, "💖": { love: 1.5 }, "💗": { love: 1.5 }, "💙": { love: 1 }, "💜": { love: 1 }, "💚": { love: 1 },
  "♥": { love: 1.5 }, "🙏": { gratitude: 1.5 }, "🔥": { excitement: 1 }, "🎉": { excitement: 1, joy: 0.5 },
  "🤩": { excitement: 1.5 }, "💯": { excitement: 0.5 }, "😂": { amusement: 1.5 }, "🤣": { amusement: 1.5 },
  "😆": { amusement: 1 }, "😹": { amusement: 1 }, "😮": { surprise: 1 }, "😲": { surprise: 1.5 }, "🤯": { surprise: 1.5 },
  "😱": { surprise: 1, fear: 1 }, "🤔": { curiosity: 1 }, "😕": { confusion: 1 }, "🤨": { confusion: 1 }, "😢": { sadness: 1.5 },
  "😭": { sadness: 1 }, "💔": { sadness: 1.5 }, "😞": { sadness: 1, disappointment: 1 }, "😔": { sadness: 1 },
  "😡": { anger: 1.5 }, "😠": { anger: 1.5 }, "🤬": { anger: 2 }, "🙄": { frustration: 1.5 }, "😤": { frustration: 1.5 },
  "😩": { frustration: 1 }, "😫": { frustration: 1 }, "😒": { disappointment: 1 }, "👎": { disappointment: 1.5 },
  "😨": { fear: 1.5 }, "😰": { fear: 1.5 }, "😳": { surprise: 1 },
};

const EMOTICON_CUES: Record<string, Cues> = {
  ":)": { joy: 1 }, ":d": { joy: 1 }, "^^": { joy: 1 }, "<3": { love: 1.5 }, "xd": { amusement: 1.5 }, ":p": { amusement: 0.5 },
  ":(": { sadness: 1 }, ":'(": { sadness: 1.5 }, "t_t": { sadness: 1 }, ":/": { confusion: 0.5, disappointment: 0.5 },
  ":@": { anger: 1 }, "-_-": { frustration: 1 },
};

// Phrases on the flattened text (lower case, no punctuation or apostrophes).
const PHRASE_CUES: Array<[RegExp, Cues]> = [
  [/ (?:cant|can not|cannot) wait\b| lets go+\b/, { excitement: 2 }],
  [/ (?:thank you|thanks a lot|thanks so much|much appreciated|you saved me|saved my life)\b/, { gratitude: 1 }],
  [/ (?:dont|do not|didnt|still dont|cant) (?:really |fully |quite )?(?:understand|get it|follow)\b| makes no sense| what do you mean| im lost\b/, { confusion: 2 }],
  [/ (?:doesnt|dont|didnt|wont|not) (?:work|working)\b| (?:waste of (?:my )?time|so annoying|fed up|give up|gave up)\b/, { frustration: 1.5 }],
  [/ (?:no way|what the|holy (?:shit|crap|cow)|oh my god|cant believe|cannot believe|mind blown|blew my mind)\b/, { surprise: 1.5 }],
  [/ (?:expected (?:more|better)|used to be (?:good|better)|not as good|let down|fell off)\b/, { disappointment: 2 }],
  [/ (?:im dying|i died|laughing so hard|made me laugh|cracked me up)\b/, { amusement: 2 }],
  [/^ (?:how|why|what|where|which|who|is there|does anyone|can you|could you|do you)\b| i wonder\b| curious (?:about|if|how|why)\b/, { curiosity: 1 }],
];

// A cue is a list of (emotion index, weight): scores are added into an array, not a map.
type CueList = ReadonlyArray<readonly [number, number]>;

function cueList(cues: Cues): CueList {
  const out: Array<readonly [number, number]> = [];
  EMOTIONS.forEach((emotion, k) => {
    const w = cues[emotion];
    if (w !== undefined) out.push([k, w]);
  });
  return out;
}

const WORD_INDEX = new Map<string, CueList>();
{
  const byWord = new Map<string, Cues>();
  for (const emotion of EMOTIONS) {
    for (const word of WORD_CUES[emotion]) {
      const cues = byWord.get(word) ?? {};
      cues[emotion] = 1;
      byWord.set(word, cues);
    }
  }
  for (const [word, cues] of byWord) WORD_INDEX.set(word, cueList(cues));
}
const EMOJI_INDEX = new Map(Object.entries(EMOJI_CUES).map(([emoji, cues]) => [emoji, cueList(cues)]));
const EMOTICON_INDEX = new Map(Object.entries(EMOTICON_CUES).map(([face, cues]) => [face, cueList(cues)]));
const PHRASE_INDEX: Array<[RegExp, CueList]> = PHRASE_CUES.map(([pattern, cues]) => [pattern, cueList(cues)]);
// All phrase patterns in one: most comments hold none, and one scan costs a fraction of eight.
const ANY_PHRASE = new RegExp(PHRASE_CUES.map(([pattern]) => `(?:${pattern.source})`).join("|"));

const THRESHOLD = 1;
const MAX_EMOTIONS = 3;
const JOY = EMOTIONS.indexOf("joy");
const LOVE = EMOTIONS.indexOf("love");
const CONFUSION = EMOTIONS.indexOf("confusion");
const CURIOSITY: CueList = [[EMOTIONS.indexOf("curiosity"), 1]];
const EXCITEMENT: CueList = [[EMOTIONS.indexOf("excitement"), 1]];

/** Scores by emotion index, and which emotions any cue touched. */
interface Scores {
  value: number[];
  seen: boolean[];
}

// Reused by every call (scoring is synchronous): allocating arrays per comment cost more than the scoring.
const scratch: Scores = { value: EMOTIONS.map(() => 0), seen: EMOTIONS.map(() => false) };

function add(scores: Scores, cues: CueList, weight: number): void {
  for (const [k, w] of cues) {
    scores.value[k] += w * weight;
    scores.seen[k] = true;
  }
}

function cuesOf(token: Token): CueList | undefined {
  if (token.kind === "emoji") return EMOJI_INDEX.get(token.norm);
  if (token.kind === "emoticon") return EMOTICON_INDEX.get(token.norm);
  if (token.kind !== "word") return undefined;
  return WORD_INDEX.get(token.norm) ?? (token.elongated ? WORD_INDEX.get(squeeze(token.norm)) : undefined);
}

/** Emotions of pre-tokenised text; `flat` is flatten() of the same text. */
export function emotionsOfTokens(tokens: Token[], flat: string): Emotion[] {
  const scores = scratch;
  scores.value.fill(0);
  scores.seen.fill(false);
  let negated = 0;
  let question = false;
  let exclamations = 0;
  for (const token of tokens) {
    if (token.kind === "punct") {
      if (token.norm.includes("?")) question = true;
      if (token.norm.includes("!")) exclamations += token.norm.length;
      if (token.norm !== "'" && token.norm !== "-") negated = 0;
      continue;
    }
    if (token.kind === "word") {
      if (isNegator(token.norm)) {
        negated = 3;
        continue;
      }
      if (CONTRAST.has(token.norm)) {
        negated = 0;
        continue;
      }
    }
    const cues = cuesOf(token);
    // Emphasis ("LOVE", "sooo") makes a cue count more; negation drops it.
    if (cues && negated === 0) add(scores, cues, token.caps || token.elongated ? 1.5 : 1);
    if (negated > 0) negated -= 1;
  }
  if (ANY_PHRASE.test(flat)) for (const [pattern, cues] of PHRASE_INDEX) if (pattern.test(flat)) add(scores, cues, 1);
  if (question && !scores.seen[CONFUSION]) add(scores, CURIOSITY, 1);
  // Several "!" with something already felt: excitement.
  if (exclamations >= 2 && (scores.seen[JOY] ? scores.value[JOY] : scores.seen[LOVE] ? scores.value[LOVE] : 0) > 0) add(scores, EXCITEMENT, 1);

  const felt: number[] = [];
  for (let k = 0; k < EMOTIONS.length; k += 1) if (scores.seen[k] && scores.value[k] >= THRESHOLD) felt.push(k);
  return felt
    .sort((a, b) => scores.value[b] - scores.value[a] || a - b)
    .slice(0, MAX_EMOTIONS)
    .map((k) => EMOTIONS[k]);
}

/** Most salient first; empty when nothing signals an emotion. */
export function detectEmotions(text: string): Emotion[] {
  const clean = normalizeText(text);
  return emotionsOfTokens(tokenizeNormalized(clean), flattenNormalized(clean));
}
