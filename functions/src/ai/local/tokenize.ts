// Fast tokenizer for YouTube comments: words (with apostrophes), numbers,
// emoji, emoticons, URLs, @mentions and punctuation runs, in one regex pass.

export type TokenKind = "word" | "number" | "emoji" | "emoticon" | "punct" | "url" | "mention";

export interface Token {
  /** Lower-cased, apostrophes unified, letter runs of 3+ shortened to 2 ("sooo" → "soo"). */
  norm: string;
  kind: TokenKind;
  /** Written in capitals ("LOVE", "W"; not "I"/"A"): emphasis unless the whole comment shouts. */
  caps: boolean;
  /** Had a letter repeated 3+ times ("niceee"): emphasis, and a hint to try the one-letter form. */
  elongated: boolean;
}

// Longer comments are cut: nobody reads past this, and it bounds the work per comment.
export const MAX_CHARS = 5_000;

// Zero-width spaces (not the emoji joiner) and the byte-order mark YouTube exports inject into words ("the\uFEFF").
const INVISIBLE = /[\u200B\u200C\u2060\uFEFF\u00AD]/g;
// Curly quotes and backticks written as apostrophes.
const APOSTROPHES = /[\u2018\u2019\u02BC`´]/g;

// One capture group per token kind, in this order (numbered groups: cheaper than named ones).
const TOKEN_RE = new RegExp(
  [
    String.raw`((?:https?:\/\/|www\.)\S+)`,
    String.raw`(@[\p{L}\p{N}_.\-]+)`,
    // Western emoticons, written before the word branch so ":D" and "xD" win.
    String.raw`((?:[<>]?[:;=][\-o*']?(?:[()\[\]\/\\|@3*]+|[dDpP]+(?![\p{L}]))|[)(][\-']?[:;=](?![\p{L}])|<3+|\^_*\^|[xX][dD]+\b|-_+-|T_T|:'\())`,
    // Words: letters/marks with inner apostrophes or hyphens ("don't", "well-made").
    String.raw`([\p{L}\p{M}]+(?:['\-][\p{L}\p{M}]+)*'?)`,
    String.raw`(\p{N}+(?:[.,:]\p{N}+)*(?:st|nd|rd|th|k|m|gb|mb|p|fps|hz)?)`,
    // One emoji with its modifiers, skin tones and ZWJ joins.
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*|\p{Regional_Indicator}{2})`,
    String.raw`([!?]+|\.{2,}|…|[.,;:()\-—–/"])`,
  ].join("|"),
  "gu",
);

const ELONGATED = /(\p{L})\1{2,}/gu;

/** Collapses letter runs of 3+ to 2: "goood" → "good", "sooo" → "soo". */
function shorten(word: string): string {
  return word.replace(ELONGATED, "$1$1");
}

/** Every double letter made single: the second guess for an elongated word ("soo" → "so"). */
export function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, "$1");
}

export function normalizeText(text: string): string {
  const cut = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  return cut.replace(INVISIBLE, "").replace(APOSTROPHES, "'");
}

/**
 * " how do i fix this ": lower case, apostrophes dropped, URLs as "<url>", other
 * punctuation as spaces, padded with spaces. Phrase rules match on this form
 * because many comments come without "?" or apostrophes ("whats", "dont").
 */
export function flatten(text: string): string {
  const lower = normalizeText(text).toLowerCase();
  const words = lower.replace(/https?:\/\/\S+|www\.\S+/g, " <url> ").replace(/'/g, "").replace(/[^\p{L}\p{N}<>]+/gu, " ").trim();
  return words ? ` ${words} ` : " ";
}

export function tokenize(text: string): Token[] {
  const clean = normalizeText(text);
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN_RE);
  for (let m = re.exec(clean); m !== null; m = re.exec(clean)) {
    const raw = m[0];
    if (m[4] !== undefined) tokens.push(wordToken(raw));
    else if (m[7] !== undefined) tokens.push({ norm: normalizePunct(raw), kind: "punct", caps: false, elongated: false });
    else if (m[5] !== undefined) tokens.push({ norm: raw.toLowerCase(), kind: "number", caps: false, elongated: false });
    // Skin tones and variation selectors carry no sentiment: emoji are keyed by their base.
    else if (m[6] !== undefined) tokens.push({ norm: raw.replace(SKIN_AND_VARIATION, ""), kind: "emoji", caps: false, elongated: false });
    else if (m[3] !== undefined) tokens.push({ norm: normalizeEmoticon(raw), kind: "emoticon", caps: false, elongated: false });
    else if (m[1] !== undefined) tokens.push({ norm: "<url>", kind: "url", caps: false, elongated: false });
    else if (m[2] !== undefined) tokens.push({ norm: "<mention>", kind: "mention", caps: false, elongated: false });
  }
  return tokens;
}

const SKIN_AND_VARIATION = /\uFE0F|\p{Emoji_Modifier}/gu;
const TRIPLE_LETTER = /(\p{L})\1\1/u;
const NON_LETTER = /[^\p{L}]/gu;

function wordToken(raw: string): Token {
  const lower = raw.toLowerCase();
  // Only words with a letter three times in a row need the costlier shortening.
  const norm = lower.length > 2 && TRIPLE_LETTER.test(lower) ? shorten(lower) : lower;
  let caps = false;
  if (raw !== lower) {
    const letters = raw.replace(NON_LETTER, "");
    caps = letters === letters.toUpperCase() && letters !== "I" && letters !== "A";
  }
  return { norm: norm.endsWith("'") ? norm.slice(0, -1) : norm, kind: "word", caps, elongated: norm !== lower };
}

/** "!!!" → "!!", "?!?" → "?!", "...." → "...": runs keep their flavour, not their length. */
function normalizePunct(raw: string): string {
  if (raw === "…") return "...";
  if (raw.length < 2) return raw;
  if (raw[0] === ".") return "...";
  const hasQ = raw.includes("?");
  const hasX = raw.includes("!");
  if (hasQ && hasX) return "?!";
  return raw.slice(0, 2);
}

/** Emoticons reduced to a few canonical faces so one lexicon entry covers ":-)", ":))", "=)". */
function normalizeEmoticon(raw: string): string {
  const s = raw.toLowerCase();
  if (/^<3/.test(s)) return "<3";
  if (/^x+d+$/.test(s)) return "xd";
  if (s.includes("'(")) return ":'(";
  if (/^\^_*\^$/.test(s)) return "^^";
  if (s === "t_t") return "t_t";
  if (/^-_+-$/.test(s)) return "-_-";
  // Reversed faces "(:" and "):".
  if (/^[)(]/.test(s)) return s[0] === "(" ? ":)" : ":(";
  const mouth = s.replace(/^[<>]?[:;=][-o*']?/, "");
  const wink = s.includes(";");
  switch (mouth[0]) {
    case ")":
    case "]":
    case "3":
    case "*":
      return wink ? ";)" : ":)";
    case "d":
      return ":d";
    case "p":
      return ":p";
    case "(":
    case "[":
      return ":(";
    case "/":
    case "\\":
      return ":/";
    case "|":
      return ":|";
    case "@":
      return ":@";
    default:
      return s;
  }
}
