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

const TOKEN_RE = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)\S+)`,
    String.raw`(?<mention>@[\p{L}\p{N}_.\-]+)`,
    // Western emoticons, written before the word branch so ":D" and "xD" win.
    String.raw`(?<emoticon>(?:[<>]?[:;=][\-o*']?(?:[()\[\]\/\\|@3*]+|[dDpP]+(?![\p{L}]))|[)(][\-']?[:;=](?![\p{L}])|<3+|\^_*\^|[xX][dD]+\b|-_+-|T_T|:'\())`,
    // Words: letters/marks with inner apostrophes or hyphens ("don't", "well-made").
    String.raw`(?<word>[\p{L}\p{M}]+(?:['\-][\p{L}\p{M}]+)*'?)`,
    String.raw`(?<number>\p{N}+(?:[.,:]\p{N}+)*(?:st|nd|rd|th|k|m|gb|mb|p|fps|hz)?)`,
    // One emoji with its modifiers, skin tones and ZWJ joins.
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*|\p{Regional_Indicator}{2})`,
    String.raw`(?<punct>[!?]+|\.{2,}|…|[.,;:()\-—–/"])`,
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

export function tokenize(text: string): Token[] {
  const clean = normalizeText(text);
  const tokens: Token[] = [];
  for (const m of clean.matchAll(TOKEN_RE)) {
    const g = m.groups;
    if (!g) continue;
    const raw = m[0];
    if (g.word !== undefined) {
      const lower = raw.toLowerCase();
      const norm = shorten(lower);
      const letters = raw.replace(/[^\p{L}]/gu, "");
      tokens.push({
        norm: norm.endsWith("'") ? norm.slice(0, -1) : norm,
        kind: "word",
        caps: letters === letters.toUpperCase() && letters !== lower && letters !== "I" && letters !== "A",
        elongated: norm !== lower,
      });
    } else if (g.emoticon !== undefined) {
      tokens.push({ norm: normalizeEmoticon(raw), kind: "emoticon", caps: false, elongated: false });
    } else if (g.emoji !== undefined) {
      // Skin tones and variation selectors carry no sentiment: key emoji by their base.
      tokens.push({ norm: raw.replace(/[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, ""), kind: "emoji", caps: false, elongated: false });
    } else if (g.punct !== undefined) {
      tokens.push({ norm: normalizePunct(raw), kind: "punct", caps: false, elongated: false });
    } else if (g.number !== undefined) {
      tokens.push({ norm: raw.toLowerCase(), kind: "number", caps: false, elongated: false });
    } else if (g.url !== undefined) {
      tokens.push({ norm: "<url>", kind: "url", caps: false, elongated: false });
    } else if (g.mention !== undefined) {
      tokens.push({ norm: "<mention>", kind: "mention", caps: false, elongated: false });
    }
  }
  return tokens;
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
  const mouth = s.replace(/^[<>]?[:;=8][\-o*']?/, "");
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
