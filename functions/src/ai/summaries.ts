// Aggregate figures over analysed comments, shared by the pipeline and both
// providers so every screen and every prompt quotes the same numbers.
// Comments a provider refused (`blocked`) carry neutral placeholders rather
// than an analysis, so they are left out of these statistics.
import {
  ACTIONABLE_CATEGORIES,
  CATEGORIES,
  EMOTIONS,
  SENTIMENTS,
  type Category,
  type ClassificationSummary,
  type CommentAnalysis,
  type Emotion,
  type ExecutiveSummary,
  type PriorityAction,
  type Sentiment,
  type SentimentSummary,
  type ToxicitySummary,
} from "./types";

type Analysed = Pick<CommentAnalysis, "sentiment" | "score" | "emotions" | "category" | "blocked" | "unread">;

const TOP_EMOTIONS = 5;

export function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** The key with the highest count; ties go to the earlier key. */
function argmax<K extends string>(counts: Record<K, number>, keys: readonly K[], fallback: K): K {
  let best = fallback;
  let bestCount = 0;
  for (const key of keys) {
    if (counts[key] > bestCount) {
      best = key;
      bestCount = counts[key];
    }
  }
  return best;
}

/**
 * Percentages with one decimal that add up to exactly 100 (largest remainder),
 * so a chart never shows 99.9 % or 100.1 %.
 */
export function percentages<K extends string>(counts: Record<K, number>, keys: readonly K[]): Record<K, number> {
  const total = keys.reduce((sum, k) => sum + counts[k], 0);
  const out = zeroes(keys);
  if (total === 0) return out;
  const tenths = keys.map((k) => ({ k, exact: (counts[k] * 1000) / total }));
  let left = 1000;
  for (const t of tenths) {
    out[t.k] = Math.floor(t.exact);
    left -= out[t.k];
  }
  tenths.sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (let i = 0; i < left; i += 1) out[tenths[i % tenths.length].k] += 1;
  for (const k of keys) out[k] /= 10;
  return out;
}

// Comments a provider refused (`blocked`) or could not read (`unread`) have no verdict to count.
const counted = <T extends { blocked?: boolean; unread?: string }>(analysed: readonly T[]): T[] => analysed.filter((a) => !a.blocked && !a.unread);

export function summarizeSentiment(analysed: readonly Analysed[]): SentimentSummary {
  const rows = counted(analysed);
  const counts = zeroes<Sentiment>(SENTIMENTS);
  const emotions = zeroes<Emotion>(EMOTIONS);
  let scoreSum = 0;
  for (const row of rows) {
    if (row.sentiment) counts[row.sentiment] += 1;
    scoreSum += row.score;
    for (const emotion of new Set(row.emotions)) emotions[emotion] += 1;
  }
  const topEmotions = EMOTIONS.map((emotion) => ({ emotion, count: emotions[emotion] }))
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count)
    .slice(0, TOP_EMOTIONS);
  return {
    total: rows.length,
    counts,
    percentages: percentages(counts, SENTIMENTS),
    dominant: argmax(counts, SENTIMENTS, "neutral"),
    averageScore: rows.length ? Math.round((scoreSum / rows.length) * 1000) / 1000 : 0,
    topEmotions,
  };
}

export function summarizeClassification(analysed: readonly Analysed[]): ClassificationSummary {
  const rows = counted(analysed);
  const counts = zeroes<Category>(CATEGORIES);
  for (const row of rows) if (row.category) counts[row.category] += 1;
  return {
    total: rows.length,
    counts,
    topCategory: argmax(counts, CATEGORIES, "other"),
    actionableCount: ACTIONABLE_CATEGORIES.reduce((sum, c) => sum + counts[c], 0),
  };
}

/** A comment as stored, with its YouTube id: what toxicity examples cite. */
interface Flagged {
  id: string;
  text: string;
  likeCount?: number;
  toxic?: boolean;
  blocked?: boolean;
  unread?: string;
}

const TOXIC_EXAMPLES = 5;
const EXAMPLE_CHARS = 200;
// From this share, and at least this many comments, toxicity is worth a priority action;
// from the second share it is the first thing to deal with.
const TOXIC_ACTION_SHARE = 0.05;
const TOXIC_ACTION_MIN = 3;
const TOXIC_HIGH_SHARE = 0.15;

/** How many analysed comments are toxic, their share, and the most-liked few as cited examples. */
export function summarizeToxicity(comments: readonly Flagged[]): ToxicitySummary {
  const rows = counted(comments);
  const toxic = rows.filter((c) => c.toxic === true);
  const examples = [...toxic]
    .sort((a, b) => (b.likeCount ?? 0) - (a.likeCount ?? 0))
    .slice(0, TOXIC_EXAMPLES)
    .map((c) => ({ commentId: c.id, text: c.text.length > EXAMPLE_CHARS ? `${c.text.slice(0, EXAMPLE_CHARS - 1)}…` : c.text }));
  return { count: toxic.length, share: rows.length ? Math.round((toxic.length / rows.length) * 1000) / 1000 : 0, examples };
}

/** The priority action a high share of toxic comments calls for, or undefined when it is low. */
export function toxicityAction(toxicity: ToxicitySummary): PriorityAction | undefined {
  if (toxicity.count < TOXIC_ACTION_MIN || toxicity.share < TOXIC_ACTION_SHARE) return undefined;
  const percent = Math.round(toxicity.share * 1000) / 10;
  return {
    action: "Moderate the toxic comments: hide or remove them, and consider holding such comments for review",
    reason: `${toxicity.count} comments (${percent} %) insult, harass or threaten; left up, they set the tone for everyone else who reads the section.`,
    priority: toxicity.share >= TOXIC_HIGH_SHARE ? "high" : "medium",
    commentIds: toxicity.examples.map((e) => e.commentId),
  };
}

/** The summary with the toxicity action added when the share calls for it (high first, medium after the high ones). */
export function withToxicityAction(summary: ExecutiveSummary, toxicity: ToxicitySummary): ExecutiveSummary {
  const action = toxicityAction(toxicity);
  if (!action) return summary;
  const actions = summary.priorityActions.filter((a) => !/\btoxic\b/i.test(a.action));
  const at = action.priority === "high" ? 0 : actions.filter((a) => a.priority === "high").length;
  return { ...summary, priorityActions: [...actions.slice(0, at), action, ...actions.slice(at)] };
}
