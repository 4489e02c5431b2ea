// Per-comment spam verdicts with a reason a creator can read. Content rules
// (rules.ts) and links decide most cases; batch context (copies of the same
// text within one video's comments) adds copy-paste floods.
import { findExternalLink, linkedVideoIds } from "./links";
import type { SpamReason } from "./reasons";
import { CONTENT_RULES, shoutingWeight } from "./rules";
import { passesAll, scanText, type TextScan } from "./scan";
import { normalizeText } from "./text";

export type { SpamReason } from "./reasons";

export interface DuplicateInfo {
  /** Comments in the batch sharing this comment's text skeleton (itself included). */
  copies: number;
  /** Distinct authors among those copies. */
  authors: number;
  /** Most copies posted by any single author. */
  maxPerAuthor: number;
}

export interface SpamContext {
  /** Lower-cased ids of the video the comments belong to: links to it are not spam. */
  selfVideoIds?: ReadonlySet<string>;
  /** How often this text occurs in the same video's comments. */
  duplicates?: DuplicateInfo;
}

export interface SpamVerdict {
  spam: boolean;
  reason?: SpamReason;
  detail?: string;
  /** For a comment kept by the rules: the weak rules' summed weight (below 1), a feature of the learned model. */
  score?: number;
  /** For a comment kept by the rules: the weight of a website it names in passing (0.5), else absent. */
  link?: number;
}

// Characters; matches the "short comment" rules in rules.ts.
const SHORT_COMMENT = 80;
const NOT_SPAM: SpamVerdict = Object.freeze({ spam: false });
const DETAIL_SNIPPET = 60;

// Copy-paste thresholds. A skeleton of 48+ letters is about ten words: short
// praise ("I love this song so much") legitimately recurs in any popular
// video, a paragraph repeated by several accounts does not.
export const FLOOD_LONG_TEXT = 48;
export const FLOOD_MIN_TEXT = 16;
const FLOOD_AUTHORS = 3;
const FLOOD_SAME_AUTHOR_SHORT = 3;

function snippet(s: string): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > DETAIL_SNIPPET ? `${one.slice(0, DETAIL_SNIPPET - 1)}…` : one;
}

function isFlood(dup: DuplicateInfo, keyLength: number, linksToSelf: boolean): boolean {
  if (keyLength >= FLOOD_LONG_TEXT && dup.maxPerAuthor >= 2) return true;
  // A share of the video itself ("Title: youtu.be/…") is legitimately posted by many viewers.
  if (keyLength >= FLOOD_LONG_TEXT && dup.authors >= FLOOD_AUTHORS && !linksToSelf) return true;
  return keyLength >= FLOOD_MIN_TEXT && dup.maxPerAuthor >= FLOOD_SAME_AUTHOR_SHORT;
}

function linksToSelf(lower: string, selfVideoIds: ReadonlySet<string> | undefined): boolean {
  if (!selfVideoIds || selfVideoIds.size === 0) return false;
  return linkedVideoIds(lower).some((id) => selfVideoIds.has(id));
}

/**
 * The verdict for a comment already passed through normalizeText: `text` in
 * its case, `lower` its lower-cased form, `scan` the scan of `lower`.
 * filterComments calls this to normalise and scan each comment once.
 */
export function judgeNormalized(text: string, lower: string, scan: TextScan, context: SpamContext = {}): SpamVerdict {
  const found = findExternalLink(lower, scan, context.selfVideoIds);
  // In a one-liner the website is the message, however plainly it is written.
  if (found && (found.weight >= 1 || lower.length <= SHORT_COMMENT)) return { spam: true, reason: "link", detail: `link: ${snippet(found.link)}` };

  let score = 0;
  let top: { reason: SpamReason; weight: number; detail: string } | undefined;
  let labels = "";
  if (found) {
    score = found.weight;
    labels = `names a website (${snippet(found.link)})`;
    top = { reason: "link", weight: found.weight, detail: labels };
  }
  for (const rule of CONTENT_RULES) {
    if (!passesAll(scan, rule.gates)) continue;
    const m = rule.pattern.exec(lower);
    if (!m) continue;
    score += rule.weight;
    labels += labels ? ` + ${rule.label}` : rule.label;
    if (!top || rule.weight > top.weight) top = { reason: rule.reason, weight: rule.weight, detail: `${rule.label}: "${snippet(m[0])}"` };
    if (rule.weight >= 1) break; // decided; the first strong rule is the explanation
  }
  if (score < 1) {
    const shout = shoutingWeight(text, lower, scan);
    if (shout > 0) {
      score += shout;
      labels += labels ? " + shouted imperative" : "shouted imperative";
      top ??= { reason: "promotion", weight: shout, detail: "shouted imperative" };
    }
  }

  const dup = context.duplicates;
  if (score < 1 && dup && dup.copies >= 2) {
    if (isFlood(dup, scan.keyLength, linksToSelf(lower, context.selfVideoIds))) {
      return { spam: true, reason: "duplicate_flood", detail: `same text posted ${dup.copies}× by ${dup.authors} author(s)` };
    }
    // Copies amplify a weak promotional signal: one "check it out" is chatter, a pasted one is a campaign.
    if (top && scan.keyLength >= FLOOD_MIN_TEXT && (dup.copies >= FLOOD_AUTHORS || dup.maxPerAuthor >= 2)) {
      score += 0.5;
      labels += ` + repeated ${dup.copies}×`;
    }
  }

  if (!top || score < 1) return score > 0 ? { spam: false, score, link: found?.weight } : NOT_SPAM;
  return { spam: true, reason: top.reason, detail: top.weight >= 1 ? top.detail : labels };
}

/**
 * Whether one comment is spam, and why. `text` may be the API's textDisplay
 * (HTML) or plain text. Pass `context` for batch signals; without it only the
 * comment's own content counts.
 */
export function detectSpam(text: string, context: SpamContext = {}): SpamVerdict {
  const normalized = normalizeText(typeof text === "string" ? text : "");
  const lower = normalized.toLowerCase();
  return judgeNormalized(normalized, lower, scanText(lower), context);
}
