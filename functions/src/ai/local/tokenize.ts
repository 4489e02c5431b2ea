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
  "uy",
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
  return flattenNormalized(normalizeText(text));
}

/** The definition of flatten's words, as regex replacements: about ten times slower than flattenNormalized's loop. */
function flattenByRegex(lower: string): string {
  const words = lower.replace(/https?:\/\/\S+|www\.\S+/g, " <url> ").replace(/'/g, "").replace(/[^\p{L}\p{N}<>]+/gu, " ").trim();
  return words ? ` ${words} ` : " ";
}

/**
 * flatten() of text normalizeText() already made, in one pass over the
 * characters (it runs on every comment): the same string as flattenByRegex.
 */
export function flattenNormalized(clean: string): string {
  const lower = clean.toLowerCase();
  const n = lower.length;
  let out = "";
  // Start of the run of kept characters being read (-1: none), and whether a break came since the last one.
  let run = -1;
  let gap = false;
  for (let i = 0; i < n; ) {
    const c = lower.charCodeAt(i);
    // "ht…" or "ww…": perhaps a URL, which becomes the word "<url>".
    const end = (c === 0x68 && lower.charCodeAt(i + 1) === 0x74) || (c === 0x77 && lower.charCodeAt(i + 1) === 0x77) ? urlEnd(lower, i) : i;
    if (end > i) {
      if (run >= 0) out += lower.slice(run, i);
      out += out.length > 0 ? " <url>" : "<url>";
      run = -1;
      gap = true;
      i = end;
      continue;
    }
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      // A lone high surrogate could pair with a low one once an apostrophe between them is dropped.
      if (i + 1 >= n || !isLowSurrogate(lower.charCodeAt(i + 1))) return flattenByRegex(lower);
      width = 2;
    }
    if (isWordChar(lower, i, c, width)) {
      if (run < 0) {
        if (gap && out.length > 0) out += " ";
        gap = false;
        run = i;
      }
    } else {
      if (run >= 0) out += lower.slice(run, i);
      run = -1;
      // Apostrophes are dropped, not read as a break: "don't" → "dont".
      if (c !== 0x27) gap = true;
    }
    i += width;
  }
  if (run >= 0) out += lower.slice(run);
  return out ? ` ${out} ` : " ";
}

/** `flat.trim().split(" ").length` (0 for a blank text), counted without building the list: the rules ask for it several times per comment. */
export function flatWordCount(flat: string): number {
  let start = 0;
  let end = flat.length;
  while (start < end && isSpace(flat.charCodeAt(start))) start += 1;
  while (end > start && isSpace(flat.charCodeAt(end - 1))) end -= 1;
  if (start === end) return 0;
  let words = 1;
  for (let i = start; i < end; i += 1) if (flat.charCodeAt(i) === 0x20) words += 1;
  return words;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** JavaScript's \s (the characters \S excludes). */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** End of the URL (`https?:\/\/\S+` or `www\.\S+`) starting at i, or i when none starts there. */
function urlEnd(s: string, i: number): number {
  let j: number;
  if (s.startsWith("www.", i)) j = i + 4;
  else if (s.startsWith("http://", i)) j = i + 7;
  else if (s.startsWith("https://", i)) j = i + 8;
  else return i;
  const start = j;
  while (j < s.length && !isSpace(s.charCodeAt(j))) j += 1;
  return j > start ? j : i;
}

// Letter-or-number answers for characters outside ASCII, looked up once each: 1 kept, 2 not.
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const bmpWordChar = new Uint8Array(0x10000);
const astralWordChar = new Map<number, boolean>();

/** \p{L}, \p{N}, "<" or ">": what flatten keeps. `width` 2 is a surrogate pair. */
function isWordChar(s: string, i: number, c: number, width: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x3c || c === 0x3e || (c >= 0x41 && c <= 0x5a);
  if (width === 2) {
    const cp = s.codePointAt(i) ?? c;
    let known = astralWordChar.get(cp);
    if (known === undefined) {
      known = WORD_CHAR.test(s.slice(i, i + 2));
      astralWordChar.set(cp, known);
    }
    return known;
  }
  let known = bmpWordChar[c];
  if (known === 0) {
    // A lone surrogate is no letter (as in a /u regex).
    known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    bmpWordChar[c] = known;
  }
  return known === 1;
}

export function tokenize(text: string): Token[] {
  return tokenizeNormalized(normalizeText(text));
}

/**
 * tokenize() of text normalizeText() already made. TOKEN_RE defines the tokens;
 * the plain cases (spaces, ASCII words, "!", "?", ".", ",") are read here
 * directly, since running the regex for each of them was most of the time,
 * and everything else goes to TOKEN_RE at that position. Both give the same
 * tokens: a position where no token starts is skipped, one code point at a time.
 */
export function tokenizeNormalized(clean: string): Token[] {
  const tokens: Token[] = [];
  const n = clean.length;
  for (let p = 0; p < n; ) {
    const c = clean.charCodeAt(p);
    if (c === 0x20) {
      p += 1;
      continue;
    }
    if (isAsciiLetter(c) && startsPlainWord(clean, p, c)) {
      const end = asciiWordEnd(clean, p);
      if (end > 0) {
        tokens.push(asciiWordToken(clean.slice(p, end)));
        p = end;
        continue;
      }
    } else if (c === 0x21 || c === 0x3f || c === 0x2e || c === 0x2c) {
      // "!", "?": a run of both; ".": one, or a run of two or more; ",": one.
      let end = p + 1;
      if (c === 0x2e) while (end < n && clean.charCodeAt(end) === 0x2e) end += 1;
      else if (c !== 0x2c) while (end < n && isBang(clean.charCodeAt(end))) end += 1;
      tokens.push({ norm: normalizePunct(clean.slice(p, end)), kind: "punct", caps: false, elongated: false });
      p = end;
      continue;
    }
    // Tokenizing is synchronous, so nothing else moves this sticky matcher's lastIndex meanwhile.
    TOKEN_RE.lastIndex = p;
    const m = TOKEN_RE.exec(clean);
    if (m === null) {
      p += c >= 0xd800 && c <= 0xdbff && isLowSurrogate(clean.charCodeAt(p + 1)) ? 2 : 1;
      continue;
    }
    tokens.push(tokenOf(m));
    p = TOKEN_RE.lastIndex;
  }
  return tokens;
}

function tokenOf(m: RegExpExecArray): Token {
  const raw = m[0];
  if (m[4] !== undefined) return wordToken(raw);
  if (m[7] !== undefined) return { norm: normalizePunct(raw), kind: "punct", caps: false, elongated: false };
  if (m[5] !== undefined) return { norm: raw.toLowerCase(), kind: "number", caps: false, elongated: false };
  // Skin tones and variation selectors carry no sentiment: emoji are keyed by their base.
  if (m[6] !== undefined) return { norm: raw.replace(SKIN_AND_VARIATION, ""), kind: "emoji", caps: false, elongated: false };
  if (m[3] !== undefined) return { norm: normalizeEmoticon(raw), kind: "emoticon", caps: false, elongated: false };
  if (m[1] !== undefined) return { norm: "<url>", kind: "url", caps: false, elongated: false };
  return { norm: "<mention>", kind: "mention", caps: false, elongated: false };
}

const isBang = (c: number): boolean => c === 0x21 || c === 0x3f;
const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/**
 * False where a letter may start an earlier branch of TOKEN_RE than the word:
 * a URL ("http", "www."), or the emoticons "xD" and "T_T".
 */
function startsPlainWord(s: string, p: number, c: number): boolean {
  switch (c) {
    case 0x68: // h
      return !s.startsWith("http", p);
    case 0x77: // w
      return !s.startsWith("www.", p);
    case 0x78: // x
    case 0x58: {
      const d = s.charCodeAt(p + 1);
      return d !== 0x64 && d !== 0x44;
    }
    case 0x54: // T
      return s.charCodeAt(p + 1) !== 0x5f;
    default:
      return true;
  }
}

/**
 * End of the word branch of TOKEN_RE (`[\p{L}\p{M}]+(?:['\-][\p{L}\p{M}]+)*'?`)
 * from p, for a word of ASCII letters; -1 where a character outside ASCII (a
 * letter or mark, perhaps) could continue it, which TOKEN_RE then decides.
 */
function asciiWordEnd(s: string, p: number): number {
  const n = s.length;
  let i = p;
  for (;;) {
    while (i < n && isAsciiLetter(s.charCodeAt(i))) i += 1;
    if (i >= n) return i;
    const d = s.charCodeAt(i);
    if (d >= 0x80) return -1;
    if (d !== 0x27 && d !== 0x2d) return i;
    const e = s.charCodeAt(i + 1);
    if (isAsciiLetter(e)) {
      i += 2;
      continue;
    }
    if (e >= 0x80) return -1;
    // A trailing apostrophe belongs to the word ("dogs'"), a trailing hyphen does not.
    return d === 0x27 ? i + 1 : i;
  }
}

const SKIN_AND_VARIATION = /\uFE0F|\p{Emoji_Modifier}/gu;
const TRIPLE_LETTER = /(\p{L})\1\1/u;
const NON_LETTER = /[^\p{L}]/gu;

/**
 * False when `word` cannot hold a letter three times in a row: no character
 * repeated three times and no surrogate pair (an astral letter repeated is not
 * three equal code units). Cheaper than running TRIPLE_LETTER on every word.
 */
function mayTripleLetter(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (i >= 2 && c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** True when `word` holds an ASCII lower-case letter: then it is not written in capitals. */
function hasAsciiLower(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

/**
 * wordToken() of a word of ASCII letters (with inner "'" or "-"), read in one
 * loop: most words have no capitals and no letter three times in a row, and
 * need neither toLowerCase nor the regexes. The others go to wordToken.
 */
function asciiWordToken(raw: string): Token {
  let upper = false;
  let lower = false;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if (c >= 0x61) lower = true;
    else if (c >= 0x41) upper = true;
    // Letters compared without case (joiners never repeat): "sooo", "LooOL".
    if (i >= 2 && (c | 0x20) === (raw.charCodeAt(i - 1) | 0x20) && (c | 0x20) === (raw.charCodeAt(i - 2) | 0x20)) return wordToken(raw);
  }
  if (upper && !lower) return wordToken(raw);
  const norm = upper ? raw.toLowerCase() : raw;
  return { norm: norm.endsWith("'") ? norm.slice(0, -1) : norm, kind: "word", caps: false, elongated: false };
}

function wordToken(raw: string): Token {
  const lower = raw.toLowerCase();
  // Only words with a letter three times in a row need the costlier shortening.
  const norm = lower.length > 2 && mayTripleLetter(lower) && TRIPLE_LETTER.test(lower) ? shorten(lower) : lower;
  let caps = false;
  if (raw !== lower && !hasAsciiLower(raw)) {
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
