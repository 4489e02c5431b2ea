// Text preparation shared by the quality checks: one normalisation per comment,
// so every rule sees the same plain, lower-cased text.

// Longer comments are cut: nobody reads past this, and it bounds the work per comment.
export const MAX_ANALYSED_CHARS = 5_000;

// The API's textDisplay is HTML (<br />, <a href>, &#39;); rules must see what a reader sees.
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
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const NON_ASCII = /[^\x00-\x7F]/;
const CURLY_APOSTROPHES = /[\u2018\u2019\u02BC`´]/g;

function decodeEntity(whole: string, body: string): string {
  if (body[0] === "#") {
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
}

/**
 * Plain text as a reader sees it: HTML tags dropped (link text kept), entities
 * decoded, invisible characters removed and, for non-ASCII text, NFKC folding so
 * fullwidth or circled letters ("ｓｕｂ", "ⓢⓤⓑ") read as plain ones.
 */
export function normalizeText(text: string): string {
  let s = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  if (TAG_HINT.test(s)) s = s.replace(BREAK_TAG, "\n").replace(ANY_TAG, "");
  if (s.includes("&")) s = s.replace(ENTITY, decodeEntity);
  s = s.replace(INVISIBLE, "");
  if (NON_ASCII.test(s)) s = s.normalize("NFKC").replace(CURLY_APOSTROPHES, "'");
  return s;
}

const NOT_LETTER = /[^\p{L}]+/gu;
const LETTER_RUNS = /(\p{L})\1+/gu;
// Long enough to tell copy-paste from coincidence, short enough that a varied tail still groups.
const SKELETON_LENGTH = 64;

/**
 * Letters only, lower-cased, repeated letters squeezed and cut to a fixed
 * length: near-identical copies ("Check this out!!", "check this out") share it.
 */
export function skeleton(lower: string): string {
  const s = lower.replace(NOT_LETTER, "").replace(LETTER_RUNS, "$1");
  return s.length > SKELETON_LENGTH ? s.slice(0, SKELETON_LENGTH) : s;
}
