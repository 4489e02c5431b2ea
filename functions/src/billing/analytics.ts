// Usage analytics, pure math over a usage document and daily snapshots.
//
// Projection (linear, from the pace so far):
//   projected = used × periodLength / max(elapsed, 1 day)
// where elapsed = now − period_start, clamped to [0, periodLength]. The one-day
// floor keeps a first-hour analysis from projecting 720 a month; at the end
// of the period projected = used. Rounded to one decimal.
//
// Percentages are of the plan's limit (none for unlimited), one decimal.
//
// Warnings, per usage type, at thresholds 70, 90 and 100 %:
//  - basis "used": the highest threshold the used share has reached;
//  - basis "projected": the highest threshold the projected share reaches,
//    only when it is above the "used" one (no duplicate of what already
//    happened). So a user at 50 % used on a pace for 150 % gets one warning:
//    projected, 100 %.
//
// Recommendation: the cheapest plan whose limits hold both the projected and
// the used amount of every usage type (an unlimited limit always holds), and
// whether that is an upgrade, the current plan, or a possible downgrade.
import { PLAN_IDS, PLANS, USAGE_TYPES, type PlanId, type UsageType } from "../domain/plans";

export const WARNING_THRESHOLDS = [70, 90, 100] as const;
export const MIN_ELAPSED_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Reply drafts became a usage type later: documents (and snapshots) from before read as 0 used, the plan's limit. */
type Counters = Record<Exclude<UsageType, "replies">, number> & { replies?: number };

export interface UsageInput {
  plan: PlanId;
  counters: Counters;
  limits: Record<Exclude<UsageType, "replies">, number | null> & { replies?: number | null };
  periodStart: Date;
  periodEnd: Date;
}

export interface MetricAnalysis {
  used: number;
  limit: number | null;
  unlimited: boolean;
  remaining: number | null;
  percentUsed: number | null;
  projected: number;
  percentProjected: number | null;
}

export interface UsageWarning {
  type: UsageType;
  basis: "used" | "projected";
  threshold: (typeof WARNING_THRESHOLDS)[number];
  percent: number;
  message: string;
}

export interface Recommendation {
  plan: PlanId;
  name: string;
  action: "upgrade" | "stay" | "downgrade_possible";
  reason: string;
}

export interface UsageAnalysis {
  plan: PlanId;
  period: { start: string; end: string; elapsedDays: number; totalDays: number; elapsedPercent: number };
  metrics: Record<UsageType, MetricAnalysis>;
  warnings: UsageWarning[];
  recommendation: Recommendation;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const TYPES = USAGE_TYPES;
const LABEL: Record<UsageType, string> = { videos: "video analyses", ai_questions: "AI questions", replies: "reply drafts" };

export function projectUsage(used: number, elapsedMs: number, periodMs: number): number {
  if (used <= 0 || periodMs <= 0) return Math.max(0, used);
  const elapsed = Math.min(Math.max(elapsedMs, Math.min(MIN_ELAPSED_MS, periodMs)), periodMs);
  return round1((used * periodMs) / elapsed);
}

function percent(x: number, limit: number | null): number | null {
  if (limit === null) return null;
  if (limit === 0) return x > 0 ? 100 : 0;
  return round1((x / limit) * 100);
}

function reached(pct: number | null): (typeof WARNING_THRESHOLDS)[number] | null {
  if (pct === null) return null;
  let level: (typeof WARNING_THRESHOLDS)[number] | null = null;
  for (const t of WARNING_THRESHOLDS) if (pct >= t) level = t;
  return level;
}

export function warningsFor(type: UsageType, m: MetricAnalysis): UsageWarning[] {
  const out: UsageWarning[] = [];
  const used = reached(m.percentUsed);
  const projected = reached(m.percentProjected);
  if (used !== null) {
    out.push({
      type,
      basis: "used",
      threshold: used,
      percent: m.percentUsed!,
      message: `You have used ${m.used} of ${m.limit} ${LABEL[type]} (${m.percentUsed}%) this period.`,
    });
  }
  if (projected !== null && (used === null || projected > used)) {
    out.push({
      type,
      basis: "projected",
      threshold: projected,
      percent: m.percentProjected!,
      message: `At your current pace you will use about ${m.projected} of ${m.limit} ${LABEL[type]} (${m.percentProjected}%) by the end of the period.`,
    });
  }
  return out;
}

function fits(plan: PlanId, metrics: Record<UsageType, MetricAnalysis>): boolean {
  return TYPES.every((type) => {
    const limit = PLANS[plan].limits[type];
    return limit === null || (metrics[type].projected <= limit && metrics[type].used <= limit);
  });
}

export function recommendPlan(current: PlanId, metrics: Record<UsageType, MetricAnalysis>): Recommendation {
  const plan = PLAN_IDS.find((id) => fits(id, metrics)) ?? PLAN_IDS[PLAN_IDS.length - 1];
  const rank = PLAN_IDS.indexOf(plan) - PLAN_IDS.indexOf(current);
  const name = PLANS[plan].name;
  if (rank > 0) {
    return { plan, name, action: "upgrade", reason: `Your projected usage exceeds the ${PLANS[current].name} plan; ${name} is the smallest plan that fits it.` };
  }
  if (rank < 0) {
    return {
      plan,
      name,
      action: "downgrade_possible",
      reason: `Your projected usage fits the ${name} plan; check its comments-per-video limit (${PLANS[plan].limits.comments_per_video}) before switching.`,
    };
  }
  return { plan, name, action: "stay", reason: `Your projected usage fits the ${name} plan.` };
}

export function analyzeUsage(input: UsageInput, now: Date): UsageAnalysis {
  const start = input.periodStart.getTime();
  const periodMs = Math.max(0, input.periodEnd.getTime() - start);
  const elapsedMs = Math.min(Math.max(0, now.getTime() - start), periodMs);
  const metric = (type: UsageType): MetricAnalysis => {
    const used = input.counters[type] ?? 0;
    const limit = input.limits[type] === undefined ? PLANS[input.plan].limits[type] : input.limits[type];
    const projected = projectUsage(used, elapsedMs, periodMs);
    return {
      used,
      limit,
      unlimited: limit === null,
      remaining: limit === null ? null : Math.max(0, limit - used),
      percentUsed: percent(used, limit),
      projected,
      percentProjected: percent(projected, limit),
    };
  };
  const metrics = { videos: metric("videos"), ai_questions: metric("ai_questions"), replies: metric("replies") };
  return {
    plan: input.plan,
    period: {
      start: input.periodStart.toISOString(),
      end: input.periodEnd.toISOString(),
      elapsedDays: round1(elapsedMs / DAY_MS),
      totalDays: round1(periodMs / DAY_MS),
      elapsedPercent: periodMs ? round1((elapsedMs / periodMs) * 100) : 100,
    },
    metrics,
    warnings: TYPES.flatMap((type) => warningsFor(type, metrics[type])),
    recommendation: recommendPlan(input.plan, metrics),
  };
}

export interface DailySnapshot {
  date: string;
  counters: Counters;
}

export interface TrendPoint {
  date: string;
  videos: number;
  aiQuestions: number;
  replies: number;
  /** Growth since the previous snapshot; after a reset (counter went down) the new count itself. */
  videosDelta: number;
  aiQuestionsDelta: number;
  repliesDelta: number;
}

/** Daily points in date order, with day-over-day deltas (null-free: the first day's delta is its count). */
export function dailyTrends(snapshots: readonly DailySnapshot[]): TrendPoint[] {
  const sorted = [...snapshots].sort((a, b) => a.date.localeCompare(b.date));
  const delta = (now: number, before: number | undefined) => (before === undefined || now < before ? now : now - before);
  return sorted.map((snap, i) => {
    const prev = sorted[i - 1]?.counters;
    return {
      date: snap.date,
      videos: snap.counters.videos,
      aiQuestions: snap.counters.ai_questions,
      replies: snap.counters.replies ?? 0,
      videosDelta: delta(snap.counters.videos, prev?.videos),
      aiQuestionsDelta: delta(snap.counters.ai_questions, prev?.ai_questions),
      repliesDelta: delta(snap.counters.replies ?? 0, prev?.replies),
    };
  });
}
