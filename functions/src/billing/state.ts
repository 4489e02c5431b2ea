// users/{uid}/subscriptions/{subscriptionId}: each Paddle subscription as last
// reported, one document each, the source of truth for what a user has paid
// for. The profile's plan is the best plan among them (`bestPlan`). Pure
// decisions only: what a subscription or payment event makes of its stored
// document, and which plan the result entitles the user to.
//
// Ordering is per subscription: an event older than its own subscription's
// last event is stale; events of other subscriptions never make it stale.
// Two events of one subscription in the same millisecond are ordered by the
// lifecycle (trialing < active < past_due < paused < canceled), so the end
// state does not depend on the order they were delivered in.
//
// Entitlement (the profile's `plan`):
//  - active, trialing → the subscription's plan;
//  - past_due → the plan is kept (grace): Paddle is retrying the payment, and
//    its dunning ends in subscription.canceled or .paused, which we act on;
//  - paused → free until subscription.resumed: nothing is being paid, and
//    keeping paid limits during a pause of unbounded length would be free use;
//  - canceled → free;
//  - a scheduled cancel or pause keeps the plan until its effective date
//    (`access_ends_at`); the monthly reset (or the event Paddle sends at that
//    date, whichever comes first) then moves the user to free;
//  - a chargeback (adjustment action `chargeback`) suspends the subscription's
//    plan until a `chargeback_reverse`; refunds and credits change nothing
//    (Paddle does not cancel a subscription on refund: if access should end,
//    the subscription is canceled and subscription.canceled says so).
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import type { PlanId } from "../domain/plans";
import type { AdjustmentSnapshot, PaddleEvent, SubscriptionSnapshot, SubscriptionStatus, TransactionSnapshot } from "./events";
import { planForPrices, planRank, type PriceMap } from "./prices";

export interface SubscriptionDoc {
  /** The plan paid for (from the price); kept after a cancellation, for the record. */
  plan: PlanId;
  /** The plan this subscription grants now; the profile's `plan` follows it. */
  entitled_plan: PlanId;
  /** `none` until a subscription event arrives (a payment event may come first). */
  status: SubscriptionStatus | "none";
  paddle_subscription_id: string | null;
  paddle_customer_id: string | null;
  /** The price that decided the plan, and every price on the subscription. */
  paddle_price_id: string | null;
  paddle_price_ids: string[];
  billing_cycle: { interval: string; frequency: number } | null;
  current_period_start: Timestamp | null;
  current_period_end: Timestamp | null;
  cancel_at_period_end: boolean;
  scheduled_change: { action: string; effective_at: Timestamp } | null;
  /** When a scheduled cancel or pause takes the plan away; null otherwise. The reset queries it. */
  access_ends_at: Timestamp | null;
  /**
   * Set to access_ends_at while that end is still to be applied by the
   * monthly reset, cleared once it has been: the reset's query reads each
   * scheduled end once, not every month for ever.
   */
  access_end_due?: Timestamp | null;
  canceled_at: Timestamp | null;
  paused_at: Timestamp | null;
  /** End of the trial (items' trial_dates), when trialing. */
  trial_ends_at?: Timestamp | null;
  /** When a paused subscription resumes by itself (scheduled_change.resume_at). */
  resume_at?: Timestamp | null;
  /** An approved chargeback on one of its transactions: no plan until it is reversed. */
  disputed_at?: Timestamp | null;
  last_event_id: string | null;
  last_event_type: string | null;
  /** occurred_at of the subscription event the state reflects; older events never overwrite it. */
  last_event_occurred_at: Timestamp | null;
  last_payment: { status: "completed" | "failed"; transaction_id: string; occurred_at: Timestamp } | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export const SUBSCRIPTIONS = "subscriptions";

export function subscriptionRef(db: Firestore, uid: string, subscriptionId: string): DocumentReference<SubscriptionDoc> {
  return db.doc(`users/${uid}/${SUBSCRIPTIONS}/${subscriptionId}`) as DocumentReference<SubscriptionDoc>;
}

const LIVE: ReadonlySet<string> = new Set(["active", "trialing", "past_due"]);

export function isLive(status: string): boolean {
  return LIVE.has(status);
}

/** The plan a subscription grants at `now` (see the header comment). */
export function entitledPlan(sub: Pick<SubscriptionDoc, "status" | "plan" | "access_ends_at" | "disputed_at">, now: Date): PlanId {
  if (!isLive(sub.status) || sub.disputed_at) return "free";
  if (sub.access_ends_at && sub.access_ends_at.toMillis() <= now.getTime()) return "free";
  return sub.plan;
}

/** The profile's plan: the best plan any of the user's subscriptions grants at `now`. */
export function bestPlan(subs: Iterable<Pick<SubscriptionDoc, "status" | "plan" | "access_ends_at" | "disputed_at">>, now: Date): PlanId {
  let best: PlanId = "free";
  for (const sub of subs) {
    const plan = entitledPlan(sub, now);
    if (planRank(plan) > planRank(best)) best = plan;
  }
  return best;
}

const LIFECYCLE: Record<string, number> = { none: 0, trialing: 1, active: 2, past_due: 3, paused: 4, canceled: 5 };

/** Whether an event at `at` with `status` comes after the stored state (see the header: ties by lifecycle). */
function isNewer(stored: SubscriptionDoc | undefined, at: Date, status: SubscriptionStatus): boolean {
  const last = stored?.last_event_occurred_at?.toMillis();
  if (last === undefined) return true;
  if (at.getTime() !== last) return at.getTime() > last;
  return LIFECYCLE[status] >= LIFECYCLE[stored!.status];
}

const ts = (date: Date | null) => (date ? Timestamp.fromDate(date) : null);

function emptySubscription(now: Date): SubscriptionDoc {
  const at = Timestamp.fromDate(now);
  return {
    plan: "free",
    entitled_plan: "free",
    status: "none",
    paddle_subscription_id: null,
    paddle_customer_id: null,
    paddle_price_id: null,
    paddle_price_ids: [],
    billing_cycle: null,
    current_period_start: null,
    current_period_end: null,
    cancel_at_period_end: false,
    scheduled_change: null,
    access_ends_at: null,
    canceled_at: null,
    paused_at: null,
    last_event_id: null,
    last_event_type: null,
    last_event_occurred_at: null,
    last_payment: null,
    created_at: at,
    updated_at: at,
  };
}

export type Decision =
  | { apply: true; next: SubscriptionDoc; outcome: string; unknownPrice?: boolean }
  | { apply: false; outcome: string };

/** A subscription.* event: the snapshot it carries replaces the stored state, unless it is older. */
export function onSubscriptionEvent(
  stored: SubscriptionDoc | undefined,
  event: PaddleEvent & { subscription: SubscriptionSnapshot },
  prices: PriceMap,
  now: Date,
): Decision {
  const sub = event.subscription;
  if (!isNewer(stored, event.occurredAt, sub.status)) return { apply: false, outcome: "stale" };
  const base = stored ?? emptySubscription(now);
  const priced = planForPrices(sub.priceIds, prices);
  // An unmapped price (misconfiguration, or an add-on only) keeps the plan already known rather than guessing.
  const plan = priced?.plan ?? (stored ? stored.plan : "free");
  const change = sub.scheduledChange;
  const endsAccess = change && (change.action === "cancel" || change.action === "pause") && isLive(sub.status);
  const next: SubscriptionDoc = {
    ...base,
    plan,
    status: sub.status,
    paddle_subscription_id: sub.id,
    paddle_customer_id: sub.customerId,
    paddle_price_id: priced?.priceId ?? null,
    paddle_price_ids: sub.priceIds,
    billing_cycle: sub.billingCycle,
    current_period_start: ts(sub.periodStart),
    current_period_end: ts(sub.periodEnd),
    cancel_at_period_end: change?.action === "cancel",
    scheduled_change: change ? { action: change.action, effective_at: Timestamp.fromDate(change.effectiveAt) } : null,
    access_ends_at: endsAccess ? Timestamp.fromDate(change.effectiveAt) : null,
    access_end_due: endsAccess ? Timestamp.fromDate(change.effectiveAt) : null,
    canceled_at: ts(sub.canceledAt),
    paused_at: ts(sub.pausedAt),
    trial_ends_at: ts(sub.trialEndsAt),
    resume_at: ts(change?.resumeAt ?? null),
    last_event_id: event.id,
    last_event_type: event.type,
    last_event_occurred_at: Timestamp.fromDate(event.occurredAt),
    updated_at: Timestamp.fromDate(now),
  };
  next.entitled_plan = entitledPlan(next, now);
  return { apply: true, next, outcome: `subscription_${sub.status}`, unknownPrice: !priced };
}

/**
 * transaction.completed / transaction.payment_failed of a subscription:
 * recorded as its last payment (for a "payment failed, update your card"
 * banner); the status and the plan are the subscription events' business
 * (past_due, canceled follow). A transaction without a subscription (a
 * declined checkout: origin `web`, status `ready`) never reaches here.
 */
export function onPaymentEvent(
  stored: SubscriptionDoc | undefined,
  event: PaddleEvent & { transaction: TransactionSnapshot },
  status: "completed" | "failed",
  now: Date,
): Decision {
  const txn = event.transaction;
  const last = stored?.last_payment?.occurred_at.toMillis();
  if (last !== undefined && event.occurredAt.getTime() < last) return { apply: false, outcome: "stale" };
  const base = stored ?? emptySubscription(now);
  return {
    apply: true,
    outcome: `payment_${status}`,
    next: {
      ...base,
      paddle_subscription_id: base.paddle_subscription_id ?? txn.subscriptionId,
      paddle_customer_id: base.paddle_customer_id ?? txn.customerId,
      last_payment: { status, transaction_id: txn.id, occurred_at: Timestamp.fromDate(event.occurredAt) },
      updated_at: Timestamp.fromDate(now),
    },
  };
}

/** adjustment.*: a chargeback suspends the subscription's plan, its reversal restores it; anything else is recorded only. */
export function onAdjustmentEvent(stored: SubscriptionDoc | undefined, event: PaddleEvent & { adjustment: AdjustmentSnapshot }, now: Date): Decision {
  const adj = event.adjustment;
  if (!stored) return { apply: false, outcome: "adjustment_unknown_subscription" };
  if (adj.action === "chargeback" && adj.status === "approved") {
    if (stored.disputed_at) return { apply: false, outcome: "chargeback_already_recorded" };
    const next = { ...stored, disputed_at: Timestamp.fromDate(event.occurredAt), updated_at: Timestamp.fromDate(now) };
    return { apply: true, outcome: "chargeback_access_suspended", next: { ...next, entitled_plan: entitledPlan(next, now) } };
  }
  if (adj.action === "chargeback_reverse" && adj.status === "approved") {
    if (!stored.disputed_at) return { apply: false, outcome: "chargeback_reverse_without_chargeback" };
    const next = { ...stored, disputed_at: null, updated_at: Timestamp.fromDate(now) };
    return { apply: true, outcome: "chargeback_reversed_access_restored", next: { ...next, entitled_plan: entitledPlan(next, now) } };
  }
  return { apply: false, outcome: `${adj.action}_recorded_access_unchanged` };
}

/** Clients get ISO strings, never Timestamps. */
export function subscriptionView(sub: SubscriptionDoc) {
  const iso = (t: Timestamp | null) => (t ? t.toDate().toISOString() : null);
  return {
    id: sub.paddle_subscription_id,
    plan: sub.plan,
    entitledPlan: sub.entitled_plan,
    status: sub.status,
    trialEndsAt: iso(sub.trial_ends_at ?? null),
    resumeAt: iso(sub.resume_at ?? null),
    billingCycle: sub.billing_cycle,
    currentPeriodStart: iso(sub.current_period_start),
    currentPeriodEnd: iso(sub.current_period_end),
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    scheduledChange: sub.scheduled_change
      ? { action: sub.scheduled_change.action, effectiveAt: iso(sub.scheduled_change.effective_at) }
      : null,
    accessEndsAt: iso(sub.access_ends_at),
    lastPayment: sub.last_payment
      ? { status: sub.last_payment.status, occurredAt: iso(sub.last_payment.occurred_at) }
      : null,
    updatedAt: iso(sub.updated_at),
  };
}
