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
  type Sentiment,
  type SentimentSummary,
} from "./types";

type Analysed = Pick<CommentAnalysis, "sentiment" | "score" | "emotions" | "category" | "blocked">;

const TOP_EMOTIONS = 5;

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
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

const counted = <T extends Analysed>(analysed: readonly T[]): T[] => analysed.filter((a) => !a.blocked);

export function summarizeSentiment(analysed: readonly Analysed[]): SentimentSummary {
  const rows = counted(analysed);
  const counts = zeroes<Sentiment>(SENTIMENTS);
  const emotions = zeroes<Emotion>(EMOTIONS);
  let scoreSum = 0;
  for (const row of rows) {
    counts[row.sentiment] += 1;
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
  for (const row of rows) counts[row.category] += 1;
  return {
    total: rows.length,
    counts,
    topCategory: argmax(counts, CATEGORIES, "other"),
    actionableCount: ACTIONABLE_CATEGORIES.reduce((sum, c) => sum + counts[c], 0),
  };
}
