// Impersonators: commenters whose name reads as the channel's own (or as a
// name the creator lists) while their channel id is not the creator's. They
// reply under real comments with "thanks for watching, message me on
// Telegram". Names are compared by their UTS #39 skeleton (unhomoglyph, built
// from Unicode's confusables.txt), so "MrΒеаѕt", "ᎷrBeast" and "rnrbeast" read
// as "mrbeast"; invisible characters, separators (dots, underscores, spaces)
// and the words impersonators add ("official", "support", "team") are dropped.
import unhomoglyph from "unhomoglyph";

// Zero-width characters, joiners, bidi controls, the BOM and the Hangul fillers used as blank names.
const INVISIBLE = /\u034F|[\u00AD\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u3164\uFEFF\uFFA0]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
// What an impersonator puts around the name to look official; a fan's own words ("fan", "club", "love") stay.
const DECORATION_WORDS = [
  "official", "offical", "officiel", "real", "the", "support", "team", "help", "helpdesk", "desk", "admin", "management",
  "manager", "mgmt", "care", "service", "services", "contact", "channel", "tv", "yt", "youtube", "verified", "hq", "staff", "crew",
];
/** Skeletons shorter than this match too many ordinary names ("jo", "ana"). */
const MIN_KEY = 4;
/** From this length one edit (a letter added, dropped or changed) still reads as the name. */
const FUZZY_FROM = 7;

/**
 * Case-insensitive skeleton: look-alikes to their base letter, lower case, and
 * once more (skeletons map lower-case "m" to "rn", "1" and "I" to "l"; the
 * same on both sides, so comparable).
 */
const skeleton = (s: string): string => unhomoglyph(unhomoglyph(s).toLowerCase());

const DECORATIONS = new Set(DECORATION_WORDS.map(skeleton));

/** A name's comparison key: skeleton, decorations and separators dropped. */
export function nameKey(name: string): string {
  const plain = name.normalize("NFKC").replace(INVISIBLE, "").replace(/^@/, "");
  const words = skeleton(plain).split(SEPARATORS).filter((w) => w.length > 0);
  const kept = words.filter((w) => !DECORATIONS.has(w));
  return (kept.length > 0 ? kept : words).join("");
}

/** At most one insertion, deletion or substitution apart. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [s, t] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === t[i]) i++;
  return s.length === t.length ? s.slice(i + 1) === t.slice(i + 1) : s.slice(i) === t.slice(i + 1);
}

export interface ProtectedName {
  name: string;
  key: string;
}

/** The channel's title and handle and the names the creator lists, keyed once per batch. */
export function protectedNames(names: ReadonlyArray<string | undefined | null>): ProtectedName[] {
  const out: ProtectedName[] = [];
  for (const name of names) {
    if (!name) continue;
    const key = nameKey(name);
    if (key.length >= MIN_KEY && !out.some((p) => p.key === key)) out.push({ name, key });
  }
  return out;
}

/** The protected name `authorName` impersonates, or undefined. The caller checks the channel id. */
export function impersonatedName(authorName: string, names: readonly ProtectedName[]): ProtectedName | undefined {
  if (names.length === 0 || !authorName) return undefined;
  const key = nameKey(authorName);
  if (key.length < MIN_KEY) return undefined;
  for (const p of names) {
    if (key === p.key) return p;
    if (p.key.length >= FUZZY_FROM && withinOneEdit(key, p.key)) return p;
  }
  return undefined;
}
