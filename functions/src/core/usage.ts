// The usage document (users/{uid}/billing/usage): counters, limits copied from
// the plan, and the current monthly period. Server writes only.
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { PLANS, planOf, type PlanId, type UsageType } from "./plans";

export interface UsageDoc {
  plan: PlanId;
  counters: Record<UsageType, number>;
  limits: { videos: number | null; ai_questions: number | null; comments_per_video: number };
  period_start: Timestamp;
  period_end: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_reset_at?: Timestamp;
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

export function newUsage(plan: PlanId, now: Date): UsageDoc {
  const ts = Timestamp.fromDate(now);
  return {
    plan,
    counters: { videos: 0, ai_questions: 0 },
    limits: limitsFor(plan),
    period_start: ts,
    period_end: Timestamp.fromDate(addMonths(now, 1)),
    created_at: ts,
    updated_at: ts,
  };
}

/**
 * The usage as it stands at `now`: when its period has ended, a fresh period
 * (counters at zero, limits of the current plan) that continues from the old
 * end, skipping whole periods the user was away for.
 */
export function rolledOver(usage: UsageDoc, plan: PlanId, now: Date): { usage: UsageDoc; rolled: boolean } {
  if (usage.period_end.toMillis() > now.getTime()) return { usage, rolled: false };
  // Periods are counted from the stored start, so they don't drift after a short month.
  const anchor = usage.period_start.toDate();
  let months = 1;
  while (addMonths(anchor, months + 1).getTime() <= now.getTime()) months += 1;
  const start = addMonths(anchor, months);
  const end = addMonths(anchor, months + 1);
  const ts = Timestamp.fromDate(now);
  return {
    rolled: true,
    usage: {
      ...usage,
      plan,
      counters: { videos: 0, ai_questions: 0 },
      limits: limitsFor(plan),
      period_start: Timestamp.fromDate(start),
      period_end: Timestamp.fromDate(end),
      updated_at: ts,
      last_reset_at: ts,
    },
  };
}

export interface UsageMeter {
  used: number;
  limit: number | null;
  remaining: number | null;
  unlimited: boolean;
}

export function meter(used: number, limit: number | null): UsageMeter {
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
    commentsPerVideo: { limit: usage.limits.comments_per_video },
  };
}
