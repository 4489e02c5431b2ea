// Features of the learned spam model, shared by the runtime scorer
// (spamModel.ts) and its trainer (tools/train/spam.ts), so both see exactly
// the same representation: character n-grams of the text (spelling-robust:
// "subscribe", "subscrib", "sub4sub" share grams), whole words, and a few
// dense signals (links, the rules' weak score, copies, the author's pattern).

/** Dense features, in weight order. */
export const SPAM_DENSE_FEATURES = ["link", "ruleScore", "copies", "authorRepeats", "longText", "shortText", "digits", "exclaims"] as const;

export interface SpamContextFeatures {
  /** Weight of an external link (0 none, 0.5 a domain named, 1 a link). */
  link: number;
  /** Sum of the weak content rules that matched (below 1, or the comment would already be removed). */
  ruleScore: number;
  /** Copies of this text skeleton in the batch (1 = unique). */
  copies: number;
  /** Comments by the same author in the batch (1 = just this one). */
  authorComments: number;
}

const MIN_GRAM = 3;
const MAX_GRAM = 4;
// Enough text to tell a campaign from chatter; bounds the work per comment.
const MAX_CHARS = 400;
const NON_WORD = /[^a-z0-9$@/.]+/g;

/**
 * Sparse features of a lower-cased, normalised text: "w:word" for each word and
 * "c:gram" for each 3–4 character gram of the space-padded words, each once.
 */
export function spamSparse(lower: string): string[] {
  const out = new Set<string>();
  const words = lower.slice(0, MAX_CHARS).replace(NON_WORD, " ").trim().split(" ");
  for (const word of words) {
    if (word.length === 0) continue;
    // Digits are spelled out as a shape so that phone numbers and counts generalise.
    const w = word.replace(/[0-9]/g, "0");
    out.add(`w:${w}`);
    const padded = ` ${w} `;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n += 1) {
      for (let i = 0; i + n <= padded.length; i += 1) out.add(`c:${padded.slice(i, i + n)}`);
    }
  }
  return [...out];
}

export function spamScale(n: number): number {
  return 1 / Math.sqrt(Math.max(n, 1));
}

export function spamDense(text: string, lower: string, ctx: SpamContextFeatures): number[] {
  let digits = 0;
  let exclaims = 0;
  for (let i = 0; i < lower.length && i < MAX_CHARS; i += 1) {
    const c = lower.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += 1;
    else if (c === 33) exclaims += 1;
  }
  return [
    ctx.link,
    Math.min(ctx.ruleScore, 1),
    ctx.copies >= 2 ? 1 : 0,
    ctx.authorComments >= 2 ? 1 : 0,
    text.length >= 150 ? 1 : 0,
    text.length <= 30 ? 1 : 0,
    Math.min(digits, 10) / 10,
    Math.min(exclaims, 5) / 5,
  ];
}
