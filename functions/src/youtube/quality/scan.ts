// One pass over a comment's characters that collects everything cheap to
// know: which keyword stems occur (so each regex runs only on comments that
// could match it), word and letter counts, a question mark outside links,
// and a hash of the text's letter skeleton for copy-paste grouping. No
// per-word allocation: stems are found by walking a trie stored in typed arrays.

/** A set of stems; a pattern gated by it runs only if the text has one of them. */
export type GateId = number;

// The stem trie, flattened into typed arrays: node 0 is the root, a child
// index of 0 means "no child". Each node has SLOTS child slots (a-z, 0-9 and
// the pseudo-stems below) and three 32-bit masks of the gates it opens.
const SLOTS = 42;
const slotOf = new Int8Array(128).fill(-1);
for (let c = 97; c <= 122; c++) slotOf[c] = c - 97; // a-z
for (let c = 48; c <= 57; c++) slotOf[c] = 26 + c - 48; // 0-9
// Pseudo-stems for character shapes that are not words.
/** A dot between a letter or digit and a letter: "site.com", "www.x". */
export const DOMAIN_DOT = "\u0001";
/** A dot with a space before it, or ". com": "site . com", "site. com". */
export const SPACED_DOT = "\u0002";
const SLOT_DOLLAR = 36;
const SLOT_PLUS = 37;
const SLOT_AT = 38;
const SLOT_SLASH = 39;
const SLOT_DOMAIN = 40;
const SLOT_SPACED = 41;
slotOf[36] = SLOT_DOLLAR;
slotOf[43] = SLOT_PLUS;
slotOf[64] = SLOT_AT;
slotOf[47] = SLOT_SLASH;
slotOf[1] = SLOT_DOMAIN;
slotOf[2] = SLOT_SPACED;
const SINGLE_CHAR_STEMS = new Set(["$", "+", "@", "/", DOMAIN_DOT, SPACED_DOT]);
const STEM_SHAPE = /^[a-z0-9]+$/;

let children = new Int32Array(64 * SLOTS);
let masks = new Int32Array(64 * 3);
let nodeCount = 1;

function childOf(node: number, slot: number): number {
  const at = node * SLOTS + slot;
  let child = children[at];
  if (child === 0) {
    child = nodeCount++;
    if (nodeCount * SLOTS > children.length) {
      // Only while gates are defined, at module load.
      const grown = new Int32Array(children.length * 2);
      grown.set(children);
      children = grown;
      const grownMasks = new Int32Array(masks.length * 2);
      grownMasks.set(masks);
      masks = grownMasks;
    }
    children[at] = child;
  }
  return child;
}

// Gates beyond this many are always open: correct, only slower.
const MAX_GATES = 96;
let gateCount = 0;
// Rules that need the same stems share one gate.
const gateByStems = new Map<string, GateId>();

/**
 * Registers a gate. Stems are lower-case ASCII word prefixes ("su" matches
 * "subscribe", "sub4sub", "suscribe") or one of the single characters above.
 * A stem must be a prefix of a word the pattern needs, so gating never hides a match.
 */
export function defineGate(stems: readonly string[]): GateId {
  const key = [...stems].sort().join(" ");
  const known = gateByStems.get(key);
  if (known !== undefined) return known;
  const id = gateCount++;
  gateByStems.set(key, id);
  if (id >= MAX_GATES) return id;
  for (const stem of stems) {
    if (!STEM_SHAPE.test(stem) && !SINGLE_CHAR_STEMS.has(stem)) throw new Error(`bad gate stem ${JSON.stringify(stem)}`);
    let node = 0;
    for (let i = 0; i < stem.length; i++) node = childOf(node, slotOf[stem.charCodeAt(i)]);
    masks[node * 3 + (id >> 5)] |= 1 << (id & 31);
  }
  return id;
}

export interface TextScan {
  gates0: number;
  gates1: number;
  gates2: number;
  /** Letter-bearing words outside links. */
  words: number;
  /** Distinct words (elongations squeezed), counted up to 3: 3 means "more than two". */
  distinctWords: number;
  letters: number;
  hasQuestionMark: boolean;
  /** Hash of the first letters (runs squeezed, digits and symbols dropped): equal for near-identical texts. */
  keyHash: number;
  /** Letters in that skeleton, up to SKELETON_LETTERS. */
  keyLength: number;
}

export function passes(scan: TextScan, gate: GateId): boolean {
  if (gate < 32) return ((scan.gates0 >>> gate) & 1) === 1;
  if (gate < 64) return ((scan.gates1 >>> (gate - 32)) & 1) === 1;
  return gate >= MAX_GATES || ((scan.gates2 >>> (gate - 64)) & 1) === 1;
}

/** Whether every gate in `gates` is open. */
export function passesAll(scan: TextScan, gates: readonly GateId[]): boolean {
  for (const gate of gates) if (!passes(scan, gate)) return false;
  return true;
}

// Long enough to tell copy-paste from coincidence, short enough that a varied tail still groups.
const SKELETON_LETTERS = 64;

// Letter-ness of non-ASCII code units, filled on first sight: 1 letter, 2 not.
const letterCache = new Uint8Array(65_536);
const UNICODE_LETTER = /\p{L}/u;
function isNonAsciiLetter(c: number): boolean {
  // Surrogates (emoji and other astral characters) are never counted as letters.
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let known = letterCache[c];
  if (known === 0) letterCache[c] = known = UNICODE_LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

const isAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

// Character classes, as bits, looked up once per character.
const C_ALNUM = 1; // a-z 0-9: walks the stem trie
const C_LETTER = 2; // any letter: words, letter counts, skeleton
const C_WORD = 4; // letter, digit or apostrophe: inside a word
const C_SPACE = 8;
const C_SYMBOL = 16; // $ + @ /: single-character stems
const C_DOT = 32;
const C_QUESTION = 64;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  let cls = 0;
  if (c >= 97 && c <= 122) cls |= C_ALNUM | C_LETTER | C_WORD;
  else if (c >= 48 && c <= 57) cls |= C_ALNUM | C_WORD;
  else if (c === 39) cls |= C_WORD;
  else if (c === 32 || c === 10 || c === 13 || c === 9) cls |= C_SPACE;
  else if (c === 36 || c === 43 || c === 64 || c === 47) cls |= C_SYMBOL;
  else if (c === 46) cls |= C_DOT;
  else if (c === 63) cls |= C_QUESTION;
  ASCII_CLASS[c] = cls;
}

function nonAsciiClass(c: number): number {
  if (isNonAsciiLetter(c)) return C_LETTER | C_WORD;
  if (c === 0xa0) return C_SPACE;
  return c === 0xbf || c === 0xff1f ? C_QUESTION : 0; // ¿ ？
}
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === 160;

/** Whether spaces then the word "com" start at `from`: the "site. com" dodge. */
function spacedCom(lower: string, from: number): boolean {
  let j = from;
  while (j < lower.length && isSpace(lower.charCodeAt(j))) j++;
  return j > from && lower.startsWith("com", j) && (j + 3 >= lower.length || !isAlnum(lower.charCodeAt(j + 3)));
}

/** Scans `lower` (normalised, lower-cased text). */
export function scanText(lower: string): TextScan {
  const n = lower.length;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let node = -1; // trie position along the current run; -1 once no stem can match
  let inRun = false; // inside an ASCII letter/digit run (trie walk)
  let inUrl = false; // inside a link: its words and "?" are not the commenter's
  let words = 0;
  let letters = 0;
  let hasQuestionMark = false;
  let inWord = false;
  let wordHasLetter = false;
  let wordHash = 0;
  let lastWordChar = -1;
  let first = 0;
  let second = 0;
  let distinct = 0;
  let h1 = 0x811c9dc5 | 0;
  let h2 = 5381;
  let keyLength = 0;
  let lastKeyChar = -1;

  // Written out inline below (no closures): this loop runs for every character of every comment.
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    const cls = c < 128 ? ASCII_CLASS[c] : nonAsciiClass(c);

    // A word ends before the link state changes, so a link's last word stays uncounted.
    if (inWord && (cls & C_WORD) === 0) {
      inWord = false;
      if (wordHasLetter && !inUrl) {
        words++;
        if (distinct === 0) {
          first = wordHash;
          distinct = 1;
        } else if (distinct === 1 && wordHash !== first) {
          second = wordHash;
          distinct = 2;
        } else if (distinct === 2 && wordHash !== first && wordHash !== second) distinct = 3;
      }
    }

    // Stems: walk the trie along each ASCII letter/digit run.
    if ((cls & C_ALNUM) !== 0) {
      if (!inRun) {
        inRun = true;
        node = 0;
        if (!inUrl && ((c === 104 && lower.startsWith("http", i)) || (c === 119 && lower.startsWith("www.", i)))) inUrl = true;
      }
      if (node >= 0) {
        node = children[node * SLOTS + slotOf[c]];
        if (node === 0) node = -1;
        else {
          g0 |= masks[node * 3];
          g1 |= masks[node * 3 + 1];
          g2 |= masks[node * 3 + 2];
        }
      }
    } else {
      inRun = false;
      if ((cls & C_SPACE) !== 0) inUrl = false;
      else if ((cls & (C_SYMBOL | C_DOT | C_QUESTION)) !== 0) {
        let hit = 0;
        if ((cls & C_SYMBOL) !== 0) hit = children[slotOf[c]]; // $ + @ /
        else if ((cls & C_DOT) !== 0) {
          const before = i > 0 ? lower.charCodeAt(i - 1) : 32;
          const after = i + 1 < n ? lower.charCodeAt(i + 1) : 32;
          // Domains end in letters: "1.5" and "v2.0" are numbers, not sites.
          if (isAlnum(before) && after >= 97 && after <= 122) hit = children[SLOT_DOMAIN];
          else if (isSpace(before) || (isSpace(after) && spacedCom(lower, i + 1))) hit = children[SLOT_SPACED];
        } else if (!inUrl) hasQuestionMark = true;
        if (hit !== 0) {
          g0 |= masks[hit * 3];
          g1 |= masks[hit * 3 + 1];
          g2 |= masks[hit * 3 + 2];
        }
      }
    }

    // Words: runs of letters, digits and apostrophes with at least one letter.
    if ((cls & C_WORD) !== 0) {
      if (!inWord) {
        inWord = true;
        wordHasLetter = false;
        wordHash = 0x9e3779b1 | 0; // kept a 32-bit integer so the loop stays on integer arithmetic
        lastWordChar = -1;
      }
      if ((cls & C_LETTER) !== 0) wordHasLetter = true;
      // Past three distinct words only the count matters.
      if (distinct < 3 && c !== lastWordChar) {
        wordHash = Math.imul(wordHash ^ c, 0x01000193);
        lastWordChar = c;
      }
    }

    // Skeleton: letters only, repeats squeezed ("Nooo!!" and "no" agree).
    if ((cls & C_LETTER) !== 0) {
      if (!inUrl) letters++;
      if (keyLength < SKELETON_LETTERS && c !== lastKeyChar) {
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = (Math.imul(h2, 33) + c) | 0;
        keyLength++;
        lastKeyChar = c;
      }
    }
  }
  if (inWord && wordHasLetter && !inUrl) {
    words++;
    if (distinct === 0) distinct = 1;
    else if (distinct === 1 && wordHash !== first) distinct = 2;
    else if (distinct === 2 && wordHash !== first && wordHash !== second) distinct = 3;
  }

  // 53-bit key from two 32-bit hashes: collisions among one video's comments are negligible.
  const keyHash = (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
  return { gates0: g0, gates1: g1, gates2: g2, words, distinctWords: distinct, letters, hasQuestionMark, keyHash, keyLength };
}
