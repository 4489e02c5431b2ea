// Links in comment text, written plainly or obfuscated to dodge YouTube's own
// link filter ("site . com", "bit ly/x", "you[tube]"), and the YouTube video
// each one points at, so links to the video itself (timestamps, shares) are not spam.
import { defineGate, DOMAIN_DOT, passesAll, SPACED_DOT, type GateId, type TextScan } from "./scan";

// All patterns run on lower-cased, normalised text. A link is proof of intent
// (weight 1) unless it is a bare domain named in passing ("it's on woot.com").
interface LinkPattern {
  pattern: RegExp;
  weight: number;
  /** Stem gates (see scan.ts), all of which must be open for the pattern to run. */
  gates: readonly GateId[];
}

const gate = (...stemSets: ReadonlyArray<readonly string[]>): GateId[] => stemSets.map((stems) => defineGate(stems));

const LINK_PATTERNS: readonly LinkPattern[] = [
  { gates: gate(["http", "www"]), pattern: /(?:https?:\/\/|\bwww\.[a-z0-9])[^\s<>"'()]+/, weight: 1 },
  // Domains with a path ("site.com/x") or a TLD that doubles as a word only with a path ("tsu.co/name", "bit.ly/x").
  {
    gates: gate([DOMAIN_DOT]),
    pattern: /(?<![\w-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,6}\.(?:com|net|org|info|biz|ru|de|br|pl|uk|fr|nl|es|pt|ws|tk|xyz|site|online|shop|store|club|top|blog|co|me|to|ly|gl|tv|fm|cc|be|io|gg|us|in|it|link|app)\/[^\s]+/,
    weight: 1,
  },
  // Spaced or spelled-out dots dodge YouTube's own link filter: "kidsmedia . com", "site(dot)com", "mtvema. com".
  { gates: gate([SPACED_DOT]), pattern: /\b[a-z0-9][a-z0-9-]{2,62}\s{1,3}\.\s{0,3}(?:com|net|org|co|tv|ly)\b|\b[a-z0-9][a-z0-9-]{2,62}\.\s{1,3}com\b/, weight: 1 },
  { gates: gate(["dot"]), pattern: /\b[a-z0-9][a-z0-9-]{2,62}\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s*(?:com|net|org|co|tv|ly|online|info)\b/, weight: 1 },
  { gates: gate(["/"], ["bit", "goo", "tinyurl", "adf", "ow"]), pattern: /\b(?:bit|goo|tinyurl|adf|ow)\s+\.?\s*(?:ly|gl|com)\s*\/\s*\w/, weight: 1 },
  // Channel paths and bracketed brand names: "youtube/someone", "you[tube] channel".
  { gates: gate(["you"], ["tube", "youtube"], ["/"]), pattern: /\byou\s*tube\s*(?:\.\s*com\s*)?\/\s*(?:user\/|channel\/|c\/|@)?[a-z0-9_-]{3,}/, weight: 1 },
  { gates: gate(["you"], ["tube", "youtube"]), pattern: /\byou\s*[[(]\s*tube\s*[\])]/, weight: 1 },
  // A pasted watch path without the domain: "/watch?v=abc".
  { gates: gate(["watch"]), pattern: /(?:^|[\s/])watch\?v=[a-z0-9_-]{11}/, weight: 1 },
  // Bare domains with a TLD that is not also an English word or abbreviation; e-mail addresses excluded.
  {
    gates: gate([DOMAIN_DOT]),
    pattern: /(?<![@\w-])[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,6}\.(?:com|net|org|info|biz|ru|de|br|pl|uk|fr|nl|es|pt|ws|tk|xyz|site|online|shop|store|club|top|blog)\b/,
    weight: 0.5,
  },
];

export interface FoundLink {
  link: string;
  /** 1 for a real or obfuscated link, 0.5 for a domain named in passing. */
  weight: number;
}

const VIDEO_ID_SOURCE = String.raw`(?:youtu\.be\/|[?&]v=|\/embed\/|\/shorts\/|\/live\/)([a-z0-9_-]{11})(?![a-z0-9_-])`;
// Two compiled forms: a global regex keeps state (lastIndex) between uses, so single lookups get their own.
const VIDEO_ID = new RegExp(VIDEO_ID_SOURCE);
const VIDEO_IDS = new RegExp(VIDEO_ID_SOURCE, "g");
// Encyclopaedic references are not promotion (judged by the host, not a redirect's parameters).
const REFERENCE_DOMAIN = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*wiki(?:pedia|media|quote)\.org(?:[/?#]|$)/;

function videoIdOf(link: string): string | undefined {
  const m = VIDEO_ID.exec(link);
  return m ? m[1] : undefined;
}

/**
 * The most telling link in `lower` that points somewhere other than the video
 * itself (an id in `selfVideoIds`) or an encyclopaedia; undefined if none.
 */
export function findExternalLink(lower: string, scan: TextScan, selfVideoIds?: ReadonlySet<string>): FoundLink | undefined {
  for (const { pattern, weight, gates } of LINK_PATTERNS) {
    if (!passesAll(scan, gates)) continue;
    const m = pattern.exec(lower);
    if (!m) continue;
    const link = m[0].trim();
    const id = videoIdOf(link);
    if (REFERENCE_DOMAIN.test(link) || (id !== undefined && selfVideoIds?.has(id))) {
      // Benign (the video itself, an encyclopaedia): look again without it for any other link.
      // The scan of the whole text still bounds what the rest can hold.
      return findExternalLink(lower.slice(0, m.index) + " " + lower.slice(m.index + m[0].length), scan, selfVideoIds);
    }
    return { link, weight };
  }
  return undefined;
}

/** YouTube video ids linked in `lower` (lower-cased ids). */
export function linkedVideoIds(lower: string): string[] {
  if (!lower.includes("v=") && !lower.includes("youtu.be/") && !lower.includes("/embed/") && !lower.includes("/shorts/") && !lower.includes("/live/")) {
    return [];
  }
  const ids: string[] = [];
  for (const m of lower.matchAll(VIDEO_IDS)) ids.push(m[1]);
  return ids;
}
