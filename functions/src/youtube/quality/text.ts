// Text preparation shared by the quality checks: one normalisation per comment,
// so every rule sees the same plain, lower-cased text.

// Longer comments are cut: nobody reads past this, and it bounds the work per comment.
export const MAX_ANALYSED_CHARS = 5_000;

// Lently fetches textFormat=plainText (the text as typed). The labelled datasets and
// html-format text carry HTML (<br />, <a href>, &#39;); rules must see what a reader sees either way.
// Plain ASCII without markup or entities, the common case, needs no work.
const NEEDS_WORK = /[<&\u0080-\uffff]/;
const TAG_HINT = /<[a-z/!]/i;
const BREAK_TAG = /<br\s*\/?>/gi;
const ANY_TAG = /<\/?[a-z][^>]*>/gi;
const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};
// Zero-width characters and the byte-order mark exports inject; spammers also use them to split words.
const INVISIBLE = "\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF";
const NON_ASCII = /[\u0080-\uffff]/;
const CURLY_APOSTROPHES = "\u2018\u2019\u02BC´";
// Greek, Cyrillic and IPA look-alikes of Latin letters, used to write "ͲeIєɠɾαm" or
// "sυbscrіbe" past filters. Folding them only ever helps rules written in Latin.
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: "a", в: "b", е: "e", ё: "e", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y", х: "x", ѕ: "s", і: "i", ј: "j", ԁ: "d", ԛ: "q", ԝ: "w", є: "e",
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", Х: "X", Ѕ: "S", І: "I", Ј: "J",
  α: "a", β: "b", ε: "e", ι: "i", κ: "k", ν: "v", ο: "o", ρ: "p", τ: "t", υ: "u", χ: "x", ω: "w",
  Α: "A", Β: "B", Ε: "E", Ζ: "Z", Η: "H", Ι: "I", Κ: "K", Μ: "M", Ν: "N", Ο: "O", Ρ: "P", Τ: "T", Υ: "Y", Χ: "X", Ͳ: "T",
  ɠ: "g", ɡ: "g", ɾ: "r", ʀ: "R", ʟ: "L", ɪ: "I", ɴ: "N", ᴏ: "o", ᴜ: "u", ꜱ: "s", ᴛ: "T", ᴀ: "A", ᴇ: "E", ʙ: "B", ᴄ: "C", ᴅ: "D", ʜ: "H", ᴋ: "K", ᴍ: "M", ᴘ: "P", ᴡ: "W", ʏ: "Y", ᴢ: "Z",
};
// Invisible characters, curly apostrophes and look-alikes, folded in one pass.
const FOLDABLE = new RegExp(`[${INVISIBLE}${CURLY_APOSTROPHES}${Object.keys(CONFUSABLES).join("")}]`, "g");
const fold = (ch: string): string => {
  const latin = CONFUSABLES[ch];
  if (latin !== undefined) return latin;
  return CURLY_APOSTROPHES.includes(ch) ? "'" : "";
};

function decodeEntity(whole: string, body: string): string {
  if (body[0] === "#") {
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
}

/**
 * Plain text as a reader sees it: HTML tags dropped (link text kept), entities
 * decoded, invisible characters removed and, for non-ASCII text, NFKC and
 * look-alike folding so fullwidth, circled or Cyrillic letters ("ｓｕｂ", "ⓢⓤⓑ",
 * "сhеck") read as plain ones.
 */
export function normalizeText(text: string): string {
  let s = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  if (!NEEDS_WORK.test(s)) return s;
  if (TAG_HINT.test(s)) s = s.replace(BREAK_TAG, "\n").replace(ANY_TAG, "");
  if (s.includes("&")) s = s.replace(ENTITY, decodeEntity);
  if (NON_ASCII.test(s)) {
    // NFKC keeps invisible characters, so one fold after it catches all three kinds.
    s = s.normalize("NFKC").replace(FOLDABLE, fold);
  }
  return s;
}
