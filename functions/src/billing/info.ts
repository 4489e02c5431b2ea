// Read-only billing views for the web app: the upgrade screen (usage,
// subscription, plan table with the Paddle prices to check out) and usage
// analytics. Nothing here writes: a missing or ended usage document is shown
// as it would be created or rolled over (core/quota `currentUsage`).
import { FieldPath, type Firestore } from "firebase-admin/firestore";
import { PLAN_IDS, PLANS, type PlanId } from "../domain/plans";
import { currentUsage, usageDocs } from "../core/quota";
import { usageView, zeroCounters, type UsageDoc } from "../core/planUsage";
import { analyzeUsage, dailyTrends, type DailySnapshot } from "./analytics";
import { dayKey } from "./snapshot";
import { SUBSCRIPTIONS, subscriptionView, type SubscriptionDoc } from "./state";

async function readUsage(db: Firestore, uid: string, now: Date): Promise<UsageDoc> {
  const [usageSnap, profileSnap] = await db.getAll(...usageDocs(db, uid));
  return currentUsage(usageSnap, profileSnap, now).usage;
}

export function planTable(current: PlanId, priceIds: Record<PlanId, string[]>) {
  const limit = (value: number | null) => ({ limit: value, unlimited: value === null });
  return PLAN_IDS.map((id) => {
    const { name, priceUsdMonthly, limits } = PLANS[id];
    return {
      id,
      name,
      priceUsdMonthly,
      limits: {
        videos: limit(limits.videos),
        aiQuestions: limit(limits.ai_questions),
        replies: limit(limits.replies),
        commentsPerVideo: limits.comments_per_video,
      },
      current: id === current,
      /** Paddle prices that check this plan out (public ids, for Paddle.js). */
      paddlePriceIds: priceIds[id],
    };
  });
}

export async function getBillingInfo(db: Firestore, uid: string, priceIds: Record<PlanId, string[]>, now = new Date()) {
  const [usage, subsSnap] = await Promise.all([readUsage(db, uid, now), db.collection(`users/${uid}/${SUBSCRIPTIONS}`).get()]);
  const subs = subsSnap.docs.map((doc) => doc.data() as SubscriptionDoc);
  // The one that grants the plan (else the most recently updated) is "the" subscription; all are listed.
  const byRecency = [...subs].sort((a, b) => b.updated_at.toMillis() - a.updated_at.toMillis());
  const main = byRecency.find((s) => s.entitled_plan === usage.plan && s.entitled_plan !== "free") ?? byRecency[0];
  return {
    plan: usage.plan,
    usage: usageView(usage),
    subscription: main ? subscriptionView(main) : null,
    subscriptions: byRecency.map(subscriptionView),
    plans: planTable(usage.plan, priceIds),
  };
}

export async function getUsageAnalytics(
  db: Firestore,
  uid: string,
  options: { includeTrends: boolean; days: number; timeZone?: string },
  now = new Date(),
) {
  const usage = await readUsage(db, uid, now);
  const analysis = analyzeUsage(
    {
      plan: usage.plan,
      counters: usage.counters,
      limits: usage.limits,
      periodStart: usage.period_start.toDate(),
      periodEnd: usage.period_end.toDate(),
    },
    now,
  );
  if (!options.includeTrends) return { ...analysis, trends: null };
  // Snapshot ids are yyyy-mm-dd, so id order is date order.
  const from = dayKey(new Date(now.getTime() - (options.days - 1) * 86_400_000), options.timeZone);
  const snap = await db
    .collection(`users/${uid}/usage_history`)
    .where(FieldPath.documentId(), ">=", from)
    .orderBy(FieldPath.documentId())
    .limit(options.days)
    .get();
  const snapshots: DailySnapshot[] = snap.docs.map((doc) => ({
    date: doc.id,
    counters: (doc.get("counters") as DailySnapshot["counters"] | undefined) ?? zeroCounters(),
  }));
  return { ...analysis, trends: { days: options.days, from, points: dailyTrends(snapshots) } };
}
