// What a kept comment offers the creator: a question to answer, feedback to
// act on, or little at all (emoji-only, one-word reactions).
import { defineGate, passesAll, type GateId, type TextScan } from "./scan";

export interface ContentSignals {
  isQuestion: boolean;
  isFeedback: boolean;
  lowValue: boolean;
  /** Words (letter-bearing tokens outside links), a proxy for substance. */
  words: number;
}

interface GatedPattern {
  gates: readonly GateId[];
  pattern: RegExp;
}

/** A pattern run only on texts with one of `needs` (and one of `alsoNeeds`, if given): see scan.ts. */
const gated = (needs: readonly string[], pattern: RegExp, alsoNeeds?: readonly string[]): GatedPattern => ({
  gates: alsoNeeds ? [defineGate(needs), defineGate(alsoNeeds)] : [defineGate(needs)],
  pattern,
});

// Questions without a question mark: "how does this have 2 billion views", "anyone know the song".
const ASKS: readonly GatedPattern[] = [
  gated(["what", "why", "how", "when", "where", "who", "which", "whose", "wat"], /^[^a-z]*(?:what|why|how|when|where|who|which|whose|whats|what's|wat)\b/),
  gated(["know"], /\b(?:anyone|anybody|somebody|someone)\s+(?:know|knows)\b/),
  gated(["wonder", "want", "was"], /\bi\s+(?:wonder|wanted\s+to\s+know|want\s+to\s+know|was\s+wondering)\b/),
];

// Requests, suggestions and critique addressed to the creator.
const FEEDBACK: readonly GatedPattern[] = [
  gated(
    ["should", "could", "need", "have", "must", "might", "ought"],
    /\byou\s+(?:should|could|need\s+to|have\s+to|must|might\s+want\s+to|ought\s+to)\s+(?:really\s+|definitely\s+|also\s+|maybe\s+)?(?:make|do|try|add|cover|show|explain|talk|upload|film|record|use|fix|improve|consider|collab|include|put|change|remove|turn|keep|stop|start|sing|play|release|perform|slow|speed|lower|raise|mention|review|invite)\b/,
    ["you"],
  ),
  gated(
    ["can", "could", "would", "will"],
    /\b(?:can|could|would|will)\s+you\s+(?:please\s+|pls\s+|plz\s+)?(?:make|do|cover|upload|show|explain|add|talk|review|try|film|sing|play|release|fix|teach|go\s+over|link|consider|bring|turn)\b/,
    ["you"],
  ),
  gated(["please", "pls", "plz"], /\b(?:please|pls|plz)\s+(?:make|do|upload|cover|add|explain|show|fix|release|sing|play|bring|consider|continue|turn)\b/),
  gated(
    ["wish", "hope", "would", "suggest", "recommend", "feature", "idea"],
    /\b(?:i\s+wish\s+(?:you|the|there|it|this)|i\s+hope\s+you|would\s+(?:love|like)\s+to\s+see|(?:it\s+)?would\s+be\s+(?:nice|great|better|cool|awesome|helpful|good)\s+(?:if|to)|suggestion|i\s+suggest|i\s+recommend|feature\s+request|idea\s+for\s+(?:a|the|your|next))\b/,
  ),
  gated(
    ["next", "future", "new", "part", "more", "another", "do"],
    /\b(?:next|future|new)\s+(?:video|episode|tutorial|stream|part)s?\b[^.!?]{0,30}\b(?:should|could|please|about|on|maybe|idea)\b|\bpart\s*(?:2|two|ii)\b|\b(?:more|another)\s+(?:videos?|content|tutorials?|episodes?)\s+(?:on|about|like|with)\b|\bdo\s+(?:a\s+)?(?:video|tutorial|review|collab)\s+(?:on|about|with)\b/,
    ["video", "episode", "tutorial", "stream", "part", "content", "review", "collab"],
  ),
  gated(
    ["audio", "sound", "volume", "mic", "lighting", "editing", "quality", "camera", "background", "music", "subtitle", "caption", "pacing", "intro", "font", "text"],
    /\b(?:audio|sound|volume|mic|microphone|lighting|editing|quality|camera|background\s+music|music|subtitles?|captions?|pacing|intro|font|text)\s+(?:is|was|are|were|seems|sounds|looks)\s+(?:a\s+bit\s+|kind\s+of\s+|really\s+|way\s+|very\s+|so\s+|a\s+little\s+)?(?:too\s+)?(?:loud|quiet|low|bad|off|blurry|dark|fast|slow|long|short|distracting|annoying|out\s+of\s+sync|poor|muffled|small|hard\s+to)/,
    ["is", "was", "are", "were", "seem", "sound", "look"],
  ),
  gated(["too", "hard"], /\btoo\s+(?:loud|quiet|fast|slow|long|dark|bright|small)\b|\bhard\s+to\s+(?:hear|read|see|follow|understand)\b/),
  gated(
    ["typo", "mistake", "error", "bug", "work", "wrong", "incorrect", "outdated", "deprecated"],
    /\b(?:(?:there'?s|there\s+is|you\s+have|you\s+made)\s+a\s+(?:typo|mistake|error|bug)|doesn'?t\s+work|didn'?t\s+work|not\s+working|is\s+(?:wrong|incorrect|outdated|deprecated))\b/,
  ),
];

// Fewer letters than this is a reaction, not a comment ("ok", "😂😂", "<3").
const MIN_LETTERS = 4;
// Only short texts can be all emoji or punctuation; longer ones always say something.
const SHORT_TEXT = 64;
// One or two distinct words ("Nice!", "LOL LOL LOL", "2015 LIKEEE") tell the creator nothing new.
const MAX_LOW_VALUE_WORDS = 2;

function matchesAny(lower: string, scan: TextScan, patterns: readonly GatedPattern[]): boolean {
  for (const p of patterns) if (passesAll(scan, p.gates) && p.pattern.test(lower)) return true;
  return false;
}

/** Signals from a normalised, lower-cased comment and its scan. */
export function contentSignals(lower: string, scan: TextScan): ContentSignals {
  const isQuestion = scan.hasQuestionMark || matchesAny(lower, scan, ASKS);
  const isFeedback = matchesAny(lower, scan, FEEDBACK);
  const lowValue =
    !isQuestion && !isFeedback && (scan.distinctWords <= MAX_LOW_VALUE_WORDS || (lower.length < SHORT_TEXT && scan.letters < MIN_LETTERS));
  return { isQuestion, isFeedback, lowValue, words: scan.words };
}
