// Near-identical texts across videos: MinHash over the set of words, cut into
// bands (locality-sensitive hashing). Two comments sharing two of BANDS band
// keys are near copies: at a Jaccard similarity of their word sets of 0.8 (a
// template with two words swapped) 96 % of pairs share two, at 0.4 only 9 %. The band keys are what the channel's
// wave index stores (a few short strings per comment), so a wave seen on
// earlier videos is recognised on the next without keeping their texts.
// Hand-written (40 lines): the npm MinHash packages keep whole signatures in
// memory and give no stable band keys to store.

const BANDS = 8;
const ROWS = 3;
const HASHES = BANDS * ROWS;
/** Words below this count give too few pairs to compare (and short praise recurs legitimately). */
export const MIN_WAVE_WORDS = 6;
/** Band keys two comments must share to count as near copies. */
export const MATCHING_BANDS = 2;

// Fixed odd multipliers and offsets: the keys must be the same on every instance and every day.
const SEEDS_A = new Uint32Array(HASHES);
const SEEDS_B = new Uint32Array(HASHES);
{
  let x = 0x9e3779b9;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let i = 0; i < HASHES; i++) {
    SEEDS_A[i] = next() | 1;
    SEEDS_B[i] = next();
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The band keys of a lower-cased, normalised text ("b<band>:<hex>"), or an
 * empty array when it has fewer than MIN_WAVE_WORDS words.
 */
export function bandKeys(lower: string): string[] {
  const words = lower.match(WORD);
  if (!words || words.length < MIN_WAVE_WORDS) return [];
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (const word of words) {
    const h = fnv1a(word);
    for (let i = 0; i < HASHES; i++) {
      const v = mix((Math.imul(h, SEEDS_A[i]) + SEEDS_B[i]) >>> 0);
      if (v < mins[i]) mins[i] = v;
    }
  }
  const keys = new Array<string>(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ mins[b * ROWS + r], 0x01000193);
    keys[b] = `b${b}:${(h >>> 0).toString(16)}`;
  }
  return keys;
}
