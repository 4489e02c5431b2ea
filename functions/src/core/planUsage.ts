// Plan usage: the usage document (users/{uid}/billing/usage): counters, limits copied from
// the plan, and the current monthly period. Server writes only.
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { PLANS, planOf, type PlanId, type UsageType } from "../domain/plans";

export interface UsageDoc {
  plan: PlanId;
  counters: Record<UsageType, number>;
  limits: { videos: number | null; ai_questions: number | null; replies: number | null; comments_per_video: number };
  period_start: Timestamp;
  period_end: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_reset_at?: Timestamp;
  /**
   * Reset generation: +1 on every reset (rollover or forced). A reservation
   * remembers it, so a release refunds only what its own generation charged.
   * Missing on documents written before it existed: read as 0.
   */
  generation?: number;
}

export function generationOf(usage: Pick<UsageDoc, "generation">): number {
  return usage.generation ?? 0;
}

export function usageRef(db: Firestore, uid: string): DocumentReference<UsageDoc> {
  return db.doc(`users/${uid}/billing/usage`) as DocumentReference<UsageDoc>;
}

/** Same day-of-month one month later, clamped to the month's last day (Jan 31 → Feb 28). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

export function limitsFor(plan: PlanId): UsageDoc["limits"] {
  return { ...PLANS[plan].limits };
}

export function zeroCounters(): UsageDoc["counters"] {
  return { videos: 0, ai_questions: 0, replies: 0 };
}

/**
 * A stored usage document with every counter and limit present: documents
 * written before a usage type existed read it as 0 used, with the plan's limit.
 */
export function normalizeUsage(stored: UsageDoc): UsageDoc {
  const plan = planOf(stored.plan);
  const counters = { ...zeroCounters(), ...stored.counters };
  const limits = { ...stored.limits };
  if (limits.replies === undefined) limits.replies = plan.limits.replies;
  return { ...stored, counters, limits };
}

export function newUsage(plan: PlanId, now: Date): UsageDoc {
  const ts = Timestamp.fromDate(now);
  return {
    plan,
    counters: zeroCounters(),
    limits: limitsFor(plan),
    period_start: ts,
    period_end: Timestamp.fromDate(addMonths(now, 1)),
    created_at: ts,
    updated_at: ts,
  };
}

/**
 * The monthly period containing `now` of a series that started at `anchor`.
 * Periods are counted from the anchor, so they don't drift after a short month.
 */
export function periodContaining(anchor: Date, now: Date): { start: Date; end: Date } {
  let months = 0;
  while (addMonths(anchor, months + 1).getTime() <= now.getTime()) months += 1;
  return { start: addMonths(anchor, months), end: addMonths(anchor, months + 1) };
}

/**
 * The usage as it stands at `now`: when its period has ended, a fresh period
 * (counters at zero, limits of the current plan) that continues from the old
 * end, skipping whole periods the user was away for.
 */
export function rolledOver(usage: UsageDoc, plan: PlanId, now: Date): { usage: UsageDoc; rolled: boolean } {
  if (usage.period_end.toMillis() > now.getTime()) return { usage, rolled: false };
  const { start, end } = periodContaining(usage.period_start.toDate(), now);
  const ts = Timestamp.fromDate(now);
  return {
    rolled: true,
    usage: {
      ...usage,
      plan,
      counters: zeroCounters(),
      limits: limitsFor(plan),
      period_start: Timestamp.fromDate(start),
      period_end: Timestamp.fromDate(end),
      updated_at: ts,
      last_reset_at: ts,
      generation: generationOf(usage) + 1,
    },
  };
}

export interface PlanUsageMeter {
  used: number;
  limit: number | null;
  remaining: number | null;
  unlimited: boolean;
}

export function meter(used: number, limit: number | null): PlanUsageMeter {
  return limit === null
    ? { used, limit: null, remaining: null, unlimited: true }
    : { used, limit, remaining: Math.max(0, limit - used), unlimited: false };
}

/** What clients see of a usage document: dates as ISO strings, unlimited spelled out. */
export function usageView(usage: UsageDoc) {
  const plan = planOf(usage.plan);
  return {
    plan: plan.id,
    planName: plan.name,
    periodStart: usage.period_start.toDate().toISOString(),
    periodEnd: usage.period_end.toDate().toISOString(),
    videos: meter(usage.counters.videos, usage.limits.videos),
    aiQuestions: meter(usage.counters.ai_questions, usage.limits.ai_questions),
    replies: meter(usage.counters.replies ?? 0, usage.limits.replies === undefined ? plan.limits.replies : usage.limits.replies),
    commentsPerVideo: { limit: usage.limits.comments_per_video },
  };
}
