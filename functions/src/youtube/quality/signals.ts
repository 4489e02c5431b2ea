// What a kept comment offers the creator: a question to answer, feedback to
// act on, or little at all (emoji-only, one-word reactions).

export interface ContentSignals {
  isQuestion: boolean;
  isFeedback: boolean;
  lowValue: boolean;
  /** Words (letter-bearing tokens), a proxy for substance. */
  words: number;
}

// Links carry "?" (watch?v=) and words that are not the commenter's own.
const URL_HINT = /https?:|www\./;
const URLS = /(?:https?:\/\/|www\.)\S+/g;

const QUESTION_MARK = /[?？¿]/;
const ASKS = /^[^\p{L}]*(?:what|why|how|when|where|who|which|whose|whats|what's|wat)\b|\b(?:anyone|anybody|somebody|someone)\s+(?:know|knows)\b|\bi\s+(?:wonder|wanted\s+to\s+know|want\s+to\s+know|was\s+wondering)\b/u;

// Requests, suggestions and critique addressed to the creator.
const FEEDBACK: readonly RegExp[] = [
  /\byou\s+(?:should|could|need\s+to|have\s+to|must|might\s+want\s+to|ought\s+to)\s+(?:really\s+|definitely\s+|also\s+|maybe\s+)?(?:make|do|try|add|cover|show|explain|talk|upload|film|record|use|fix|improve|consider|collab|include|put|change|remove|turn|keep|stop|start|sing|play|release|perform|slow|speed|lower|raise|mention|review|invite)\b/,
  /\b(?:can|could|would|will)\s+you\s+(?:please\s+|pls\s+|plz\s+)?(?:make|do|cover|upload|show|explain|add|talk|review|try|film|sing|play|release|fix|teach|go\s+over|link|consider|bring|turn)\b/,
  /\b(?:please|pls|plz)\s+(?:make|do|upload|cover|add|explain|show|fix|release|sing|play|bring|consider|continue|turn)\b/,
  /\b(?:i\s+wish\s+(?:you|the|there|it|this)|i\s+hope\s+you|would\s+(?:love|like)\s+to\s+see|(?:it\s+)?would\s+be\s+(?:nice|great|better|cool|awesome|helpful|good)\s+(?:if|to)|suggestion|i\s+suggest|i\s+recommend|feature\s+request|idea\s+for\s+(?:a|the|your|next))\b/,
  /\b(?:next|future|new)\s+(?:video|episode|tutorial|stream|part)s?\b[^.!?]{0,30}\b(?:should|could|please|about|on|maybe|idea)\b|\bpart\s*(?:2|two|ii)\b|\b(?:more|another)\s+(?:videos?|content|tutorials?|episodes?)\s+(?:on|about|like|with)\b|\bdo\s+(?:a\s+)?(?:video|tutorial|review|collab)\s+(?:on|about|with)\b/,
  /\b(?:audio|sound|volume|mic|microphone|lighting|editing|quality|camera|background\s+music|music|subtitles?|captions?|pacing|intro|font|text)\s+(?:is|was|are|were|seems|sounds|looks)\s+(?:a\s+bit\s+|kind\s+of\s+|really\s+|way\s+|very\s+|so\s+|a\s+little\s+)?(?:too\s+)?(?:loud|quiet|low|bad|off|blurry|dark|fast|slow|long|short|distracting|annoying|out\s+of\s+sync|poor|muffled|small|hard\s+to)/,
  /\b(?:too\s+(?:loud|quiet|fast|slow|long|dark|bright|small))\b|\bhard\s+to\s+(?:hear|read|see|follow|understand)\b/,
  /\b(?:(?:there'?s|there\s+is|you\s+have|you\s+made)\s+a\s+(?:typo|mistake|error|bug)|doesn'?t\s+work|didn'?t\s+work|not\s+working|is\s+(?:wrong|incorrect|outdated|deprecated))\b/,
];

const WORD = /[\p{L}\p{N}'’]*\p{L}[\p{L}\p{N}'’]*/gu;
const LETTER = /\p{L}/gu;
const LETTER_RUNS = /(\p{L})\1+/gu;
// Fewer letters than this is a reaction, not a comment ("ok", "😂😂", "<3").
const MIN_LETTERS = 4;
// One or two distinct words ("Nice!", "LOL LOL LOL", "2015 LIKEEE") tell the creator nothing new.
const MAX_LOW_VALUE_WORDS = 2;

/** Signals from a normalised, lower-cased comment. */
export function contentSignals(lower: string): ContentSignals {
  const text = URL_HINT.test(lower) ? lower.replace(URLS, " ") : lower;
  const isQuestion = QUESTION_MARK.test(text) || ASKS.test(text);
  let isFeedback = false;
  for (const pattern of FEEDBACK) {
    if (pattern.test(text)) {
      isFeedback = true;
      break;
    }
  }

  let words = 0;
  let distinct: Set<string> | undefined = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    words += 1;
    if (distinct) {
      distinct.add(m[0].replace(LETTER_RUNS, "$1"));
      // Enough variety: stop collecting, only count.
      if (distinct.size > MAX_LOW_VALUE_WORDS) distinct = undefined;
    }
  }
  let lowValue = false;
  if (!isQuestion && !isFeedback) {
    if (distinct !== undefined) lowValue = true;
    else {
      // Few letters means mostly emoji or punctuation; count only when the text is short.
      lowValue = text.length < 64 && (text.match(LETTER)?.length ?? 0) < MIN_LETTERS;
    }
  }
  return { isQuestion, isFeedback, lowValue, words };
}
