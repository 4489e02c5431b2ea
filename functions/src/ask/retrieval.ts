// Which stored comments a question is about. Ask AI sends a model at most a
// few dozen comments, so the choice matters more than the model: this ranks
// every comment of the analysis with BM25 over its words (the standard
// lexical retrieval score: rare words that a comment repeats count most,
// long comments do not win by length alone), adds a little for engagement
// (a liked comment speaks for more viewers) and for the kind of comment the
// question asks about ("what are people asking?" → questions), and keeps the
// top K. Plain and synchronous, so it is unit-tested without Firestore.
import { FUNCTION_WORDS } from "../ai/local/stopwords";
import { flatten } from "../ai/local/tokenize";
import { isViewerQuestion, OWNER_KINDS } from "../ai/needsAnswer";
import type { Category } from "../ai/types";
import type { StoredComment } from "../analysis/commentRecords";
import { CONTEXT_FILTERS, type ContextFilter } from "../domain/filters";

export { CONTEXT_FILTERS, type ContextFilter };

/** Categories the "feedback" filter keeps: what viewers think should change. */
export const FEEDBACK_CATEGORIES: readonly Category[] = ["feedback", "suggestion", "request", "criticism"];

/** Whether a comment is inside the context filter the creator picked. */
export function matchesFilter(comment: StoredComment, filter: ContextFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "positive":
    case "negative":
      return comment.sentiment === filter;
    case "questions":
      return isViewerQuestion(comment);
    case "feedback":
      return comment.category !== null && FEEDBACK_CATEGORIES.includes(comment.category);
    case "toxic":
      return comment.toxic === true;
  }
}

/** Comments a model should never be shown as evidence: spam, and comments a provider refused. */
export function isUsable(comment: StoredComment): boolean {
  return !comment.blocked && comment.category !== "spam";
}

// Words every question about comments contains ("what do viewers think about
// the video?") and that would otherwise rank comments that merely say "video".
const META_WORDS = new Set([
  "viewer", "viewers", "people", "audience", "commenter", "commenters", "comment", "comments", "video", "videos", "vid",
  "channel", "think", "thinks", "say", "says", "saying", "said", "mention", "mentions", "mentioned", "tell", "anyone",
  "someone", "everyone", "most", "main", "top", "thing", "things", "any", "many", "much", "often", "common",
]);

/**
 * Light suffix stripping so "panels"/"panel" and "recording"/"recorded"/
 * "record" meet. Applied alike to questions and comments, so an imperfect stem
 * ("studies" → "study", "buzzing" → "buzz") still matches its own kind.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ["ing", "ed"]) {
    if (w.length > suffix.length + 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      // "getting" → "gett" → "get"; "buzzing" stays "buzz" (a double "z" ends real words).
      if (/([b-df-hj-np-rtv-y])\1$/.test(w) && !/(?:ll|ss|zz|ff)$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  return w;
}

/** The retrieval terms of a text: lower-cased, stemmed words and numbers without function words. */
export function terms(text: string, dropMeta = false): string[] {
  return flatten(text)
    .trim()
    .split(" ")
    .filter((w) => w.length >= 2 && w !== "<url>" && !FUNCTION_WORDS.has(w) && !(dropMeta && META_WORDS.has(w)))
    .map(stem);
}

type Intent = "priorities" | "questions" | "requests" | "criticism" | "praise";

// What kind of comment a question is after, when it says so. The words that say
// it are not what the question is about: "reply" must not rank "thanks for the
// reply", nor "next" "the view count the next hour".
const INTENTS: Array<[Intent, RegExp, readonly Category[]]> = [
  ["priorities", /\b(?:repl(?:y|ies)|respond\w*|answer\w*)\b.*\b(?:first|priorit\w*|most)\b|\bpriorit\w*\b|\bwhich comments? (?:should|do|must) i\b/i, OWNER_KINDS],
  ["questions", /\b(?:asking|ask|asked|questions?|confus\w*|wonder\w*|unclear|want to know)\b/i, ["question"]],
  ["requests", /\b(?:request\w*|suggest\w*|ideas?|next video|more of|want(?:s|ed)? (?:to see|more|next)|(?:make|do|cover) next|follow[- ]?up)\b/i, ["request", "suggestion"]],
  ["criticism", /\b(?:complain\w*|critic\w*|negative|dislike\w*|hate\w*|improve\w*|wrong|problems?|issues?|annoy\w*|unhappy|bad)\b/i, ["criticism", "feedback"]],
  ["praise", /\b(?:like most|love\w*|enjoy\w*|praise\w*|favou?rite|best part|positive|appreciat\w*)\b/i, ["appreciation"]],
];

/** The categories a question asks about, or an empty list for an open question. */
export function intentCategories(question: string): Category[] {
  const out = new Set<Category>();
  for (const [, re, categories] of INTENTS) if (re.test(question)) for (const c of categories) out.add(c);
  return [...out];
}

export interface RetrievalOptions {
  /** How many comments to keep. */
  k: number;
  filter: ContextFilter;
  /** Earlier questions of the conversation: a follow-up like "and why?" borrows their words. */
  earlierQuestions?: readonly string[];
}

export interface Retrieved {
  comment: StoredComment;
  /** Combined score, 0..~1.6; only the order matters to callers. */
  score: number;
  /** The BM25 part alone, normalised to 0..1 (0: no word of the question occurs). */
  lexical: number;
}

const K1 = 1.2;
const B = 0.75;
/** Weight of engagement and of a matching category next to a perfect lexical match (1). */
const ENGAGEMENT_WEIGHT = 0.25;
const INTENT_WEIGHT = 0.35;
/** A follow-up with fewer content words than this leans on the previous question. */
const FOLLOW_UP_TERMS = 3;
const EARLIER_WEIGHT = 0.5;

/** The question's words that only say which kind of comment it is after ("reply … first", "want next"). */
function intentTerms(question: string): Set<string> {
  const out = new Set<string>();
  for (const [, re] of INTENTS) for (const [said] of question.matchAll(new RegExp(re.source, "gi"))) for (const t of terms(said)) out.add(t);
  return out;
}

/** Query term → weight: the question's own words, and for a terse follow-up the previous question's at half weight. */
function queryTerms(question: string, earlier: readonly string[]): Map<string, number> {
  const weights = new Map<string, number>();
  const kind = intentTerms(question);
  const own = terms(question, true).filter((t) => !kind.has(t));
  for (const t of own) weights.set(t, 1);
  const previous = earlier[earlier.length - 1];
  if (previous !== undefined && own.length < FOLLOW_UP_TERMS) {
    for (const t of terms(previous, true)) if (!weights.has(t)) weights.set(t, EARLIER_WEIGHT);
  }
  return weights;
}

/**
 * The top `k` comments for `question` within `filter`, best first. Spam and
 * refused comments are never returned. Ties keep the stored order (the
 * pipeline stores the comments most worth attention first).
 */
export function retrieve(question: string, comments: readonly StoredComment[], options: RetrievalOptions): Retrieved[] {
  const pool = comments.filter((c) => isUsable(c) && matchesFilter(c, options.filter));
  if (pool.length === 0 || options.k <= 0) return [];
  const query = queryTerms(question, options.earlierQuestions ?? []);
  const wanted = intentCategories(question);

  const docs = pool.map((c) => terms(c.text));
  const avgLength = docs.reduce((sum, d) => sum + d.length, 0) / docs.length || 1;
  const documentFrequency = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) if (query.has(t)) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);

  const bm25 = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d) if (query.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
    let score = 0;
    for (const [t, f] of tf) {
      const n = documentFrequency.get(t) ?? 0;
      const idf = Math.log(1 + (pool.length - n + 0.5) / (n + 0.5));
      score += query.get(t)! * idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avgLength)));
    }
    return score;
  });
  const maxBm25 = Math.max(...bm25);
  // The pipeline's engagement score is already log-scaled in likes and replies;
  // a comment stored without one falls back to its likes on the same scale.
  const engagementOf = (c: StoredComment) =>
    Number.isFinite(c.engagement) && c.engagement > 0 ? c.engagement : 4 * Math.log2(1 + Math.max(0, c.likeCount || 0));
  const maxEngagement = Math.max(...pool.map(engagementOf)) || 1;

  const ranked = pool.map((comment, i): Retrieved & { order: number } => {
    const lexical = maxBm25 > 0 ? bm25[i] / maxBm25 : 0;
    const fits = comment.category !== null && wanted.includes(comment.category) ? 1 : 0;
    const score = lexical + ENGAGEMENT_WEIGHT * (engagementOf(comment) / maxEngagement) + INTENT_WEIGHT * fits;
    return { comment, score, lexical, order: i };
  });
  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  return ranked.slice(0, options.k).map(({ comment, score, lexical }) => ({ comment, score, lexical }));
}
