// Applies a verified Paddle event, once. Like the Stripe extension's webhook
// handler: each handled event type maps to one handler, and the state lands
// in Firestore (users/{uid}/subscriptions/{subscriptionId}, the profile's
// plan, the usage limits), which everything else reads.
//
// Exactly once: the record paddle_events/{eventId} is written in the same
// atomic batch as the event's effect (readModifyWrite: `create` on the record,
// update-time preconditions on the rest), so of 20 concurrent deliveries one
// commits and the others, retrying, find the record and do nothing.
// Never backwards: an event older than its own subscription's state is
// recorded but changes nothing (state.ts). Every plan-changing write also
// writes the profile under its update-time guard, so two subscriptions of one
// user changing at once are serialised there and the plan is computed from
// all of them.
//
// Fast: the request path verifies, records and applies what is cheap (reads
// of a few documents). Finding the user of an unknown customer (a Paddle API
// call) and replaying its stored events run in the customer task
// (customerTask.ts), enqueued here.
import type { Auth } from "firebase-admin/auth";
import { FieldValue, Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { ensureUser } from "../core/profiles";
import { planOf, type PlanId } from "../domain/plans";
import { currentUsage } from "../core/quota";
import { readModifyWrite } from "../core/readModifyWrite";
import { limitsFor, usageRef } from "../core/planUsage";
import { resolveUser } from "./customers";
import { customerOf, isHandled, subscriptionOf, type HandledEventType, type PaddleEvent } from "./events";
import type { CustomerDirectory } from "./paddle";
import type { PriceMap } from "./prices";
import {
  bestPlan,
  onAdjustmentEvent,
  onPaymentEvent,
  onSubscriptionEvent,
  SUBSCRIPTIONS,
  subscriptionRef,
  type Decision,
  type SubscriptionDoc,
} from "./state";

export interface BillingContext {
  db: Firestore;
  auth: Auth;
  prices: PriceMap;
  directory: CustomerDirectory | null;
  now: () => Date;
  /** Queues the customer task (match by verified email, replay unmatched events) for a customer. */
  enqueueCustomerTask: (customerId: string) => Promise<void>;
}

export type EventStatus = "applied" | "ignored" | "unmatched" | "duplicate";

export interface ApplyResult {
  status: EventStatus;
  outcome: string;
  userId: string | null;
  planBefore?: PlanId;
  planAfter?: PlanId;
}

/** What paddle_events/{eventId} keeps: enough to audit and replay, no card or personal data. */
export interface EventRecord {
  event_id: string;
  event_type: string;
  occurred_at: Timestamp;
  notification_id: string | null;
  received_at: Timestamp;
  status: Exclude<EventStatus, "duplicate">;
  outcome: string;
  userId: string | null;
  resolved_via: "customer" | null;
  subscription_id: string | null;
  customer_id: string | null;
  transaction_id: string | null;
  price_ids: string[];
  plan_before: PlanId | null;
  plan_after: PlanId | null;
  /** The normalised event (ids, statuses, dates), kept while unmatched so it can be applied later. */
  pending?: string;
}

type Handler = (stored: SubscriptionDoc | undefined, event: PaddleEvent, prices: PriceMap, now: Date) => Decision;

const adjust: Handler = (stored, event, _prices, now) =>
  onAdjustmentEvent(stored, event as PaddleEvent & { adjustment: NonNullable<PaddleEvent["adjustment"]> }, now);

const syncSubscription: Handler = (stored, event, prices, now) =>
  onSubscriptionEvent(stored, event as PaddleEvent & { subscription: NonNullable<PaddleEvent["subscription"]> }, prices, now);

const recordPayment =
  (status: "completed" | "failed"): Handler =>
  (stored, event, _prices, now) =>
    onPaymentEvent(stored, event as PaddleEvent & { transaction: NonNullable<PaddleEvent["transaction"]> }, status, now);

// Every subscription event carries the full subscription: one handler syncs
// whatever it says (status, items, period, scheduled change).
const HANDLERS: Record<HandledEventType, Handler> = {
  "subscription.created": syncSubscription,
  "subscription.activated": syncSubscription,
  "subscription.updated": syncSubscription,
  "subscription.trialing": syncSubscription,
  "subscription.past_due": syncSubscription,
  "subscription.paused": syncSubscription,
  "subscription.resumed": syncSubscription,
  "subscription.canceled": syncSubscription,
  "transaction.completed": recordPayment("completed"),
  "transaction.payment_failed": recordPayment("failed"),
  "adjustment.created": adjust,
  "adjustment.updated": adjust,
};

export function eventRef(db: Firestore, eventId: string): DocumentReference<EventRecord> {
  return db.doc(`paddle_events/${eventId}`) as DocumentReference<EventRecord>;
}

function baseRecord(event: PaddleEvent, now: Date): Omit<EventRecord, "status" | "outcome"> {
  return {
    event_id: event.id,
    event_type: event.type,
    occurred_at: Timestamp.fromDate(event.occurredAt),
    notification_id: event.notificationId,
    received_at: Timestamp.fromDate(now),
    userId: null,
    resolved_via: null,
    subscription_id: subscriptionOf(event),
    customer_id: customerOf(event),
    transaction_id: event.transaction?.id ?? null,
    price_ids: event.subscription?.priceIds ?? event.transaction?.priceIds ?? [],
    plan_before: null,
    plan_after: null,
  };
}

// Dates travel as ISO strings inside `pending`; these are the fields that hold them.
export function serializeEvent(event: PaddleEvent): string {
  return JSON.stringify(event);
}

export function deserializeEvent(json: string): PaddleEvent {
  const raw = JSON.parse(json) as PaddleEvent;
  const date = (v: unknown) => (typeof v === "string" ? new Date(v) : null);
  const event: PaddleEvent = { ...raw, occurredAt: new Date(raw.occurredAt) };
  if (raw.subscription) {
    const s = raw.subscription;
    event.subscription = {
      ...s,
      periodStart: date(s.periodStart),
      periodEnd: date(s.periodEnd),
      canceledAt: date(s.canceledAt),
      pausedAt: date(s.pausedAt),
      trialEndsAt: date(s.trialEndsAt),
      scheduledChange: s.scheduledChange
        ? { ...s.scheduledChange, effectiveAt: new Date(s.scheduledChange.effectiveAt), resumeAt: date(s.scheduledChange.resumeAt) }
        : null,
    };
  }
  return event;
}

const ALREADY_EXISTS = 6;

/** Records an event that changes no user state; a concurrent duplicate loses the `create`. */
async function recordOnly(db: Firestore, event: PaddleEvent, record: EventRecord): Promise<ApplyResult> {
  try {
    await eventRef(db, event.id).create(record);
  } catch (err) {
    if ((err as { code?: unknown }).code === ALREADY_EXISTS) return { status: "duplicate", outcome: "already_recorded", userId: null };
    throw err;
  }
  return { status: record.status as EventStatus, outcome: record.outcome, userId: record.userId };
}

/** The profile must exist before its plan is set; core/profiles creates it the usual way. */
async function ensureProfile(ctx: Pick<BillingContext, "db" | "auth" | "now">, uid: string): Promise<void> {
  if ((await ctx.db.doc(`users/${uid}`).get()).exists) return;
  const user = await ctx.auth.getUser(uid).catch(() => null);
  await ensureUser(ctx.db, uid, { email: user?.email ?? null, name: user?.displayName ?? null, picture: user?.photoURL ?? null }, ctx.now());
}

export async function applyPaddleEvent(ctx: BillingContext, event: PaddleEvent): Promise<ApplyResult> {
  const now = ctx.now();
  const customerId = customerOf(event);
  // Cheap early exit for a redelivery; the atomic `create` below is what guarantees once.
  const existing = await eventRef(ctx.db, event.id).get();
  if (existing.exists) {
    // Paddle redelivers when the task could not be queued: queue it again, so the match and replay resume.
    if (existing.get("status") === "unmatched" && customerId) await ctx.enqueueCustomerTask(customerId);
    return { status: "duplicate", outcome: "already_recorded", userId: null };
  }
  if (!isHandled(event.type)) {
    return recordOnly(ctx.db, event, { ...baseRecord(event, now), status: "ignored", outcome: "unhandled_type" });
  }
  // A transaction of no subscription (a declined checkout: origin web, status ready; or a one-off charge)
  // grants nothing and raises no card banner for someone who never subscribed.
  if (!subscriptionOf(event)) {
    return recordOnly(ctx.db, event, { ...baseRecord(event, now), status: "ignored", outcome: "no_subscription" });
  }
  const uid = await resolveUser(ctx.db, event);
  if (!uid) {
    logger.warn("paddle event for no known customer, stored as unmatched", { eventId: event.id, type: event.type, customerId });
    const result = await recordOnly(ctx.db, event, { ...baseRecord(event, now), status: "unmatched", outcome: "no_user", pending: serializeEvent(event) });
    if (customerId && result.status === "unmatched") await ctx.enqueueCustomerTask(customerId);
    return result;
  }
  await ensureProfile(ctx, uid);
  return applyForUser(ctx, event, uid, false);
}

/**
 * The atomic part: the event record, the subscription's document, and for
 * plan-changing events the profile's plan (best of all the user's
 * subscriptions) and the usage limits, in one guarded batch. `replay` applies
 * an event stored earlier as unmatched (its record exists).
 */
export async function applyForUser(ctx: BillingContext, event: PaddleEvent, uid: string, replay: boolean): Promise<ApplyResult> {
  const { db } = ctx;
  const subscriptionId = subscriptionOf(event)!;
  const record = eventRef(db, event.id);
  const subRef = subscriptionRef(db, uid, subscriptionId);
  const profileRef = db.doc(`users/${uid}`);
  const usage = usageRef(db, uid);
  const changesPlan = Boolean(event.subscription ?? event.adjustment);

  return readModifyWrite(db, [record, subRef, profileRef, usage], async ([recordSnap, subSnap, profileSnap, usageSnap], writer) => {
    const now = ctx.now();
    if (recordSnap.exists && !(replay && recordSnap.get("status") === "unmatched")) {
      return { status: "duplicate" as const, outcome: "already_recorded", userId: uid };
    }
    const planBefore = planOf(profileSnap.get("plan")).id;
    const stored = subSnap.data() as SubscriptionDoc | undefined;
    const decision = HANDLERS[event.type as HandledEventType](stored, event, ctx.prices, now);
    let planAfter: PlanId = planBefore;
    if (decision.apply) {
      writer.write(subRef, decision.next);
      if (decision.unknownPrice) {
        logger.error("paddle price not mapped to a plan: check the PADDLE_PRICE_* params", { eventId: event.id, priceIds: event.subscription?.priceIds });
      }
      if (changesPlan && profileSnap.exists) {
        // Read inside the attempt: a concurrent change to another subscription also writes the profile, so this batch then fails and is redone.
        const others = (await db.collection(`users/${uid}/${SUBSCRIPTIONS}`).get()).docs
          .filter((doc) => doc.id !== subscriptionId)
          .map((doc) => doc.data() as SubscriptionDoc);
        planAfter = bestPlan([...others, decision.next], now);
        writer.update(profileRef, { plan: planAfter, updatedAt: Timestamp.fromDate(now) });
        // Limits change at once, both ways; counters and period stay as they are.
        const { usage: current } = currentUsage(usageSnap, profileSnap, now);
        if (current.plan !== planAfter || !usageSnap.exists) {
          writer.write(usage, { ...current, plan: planAfter, limits: limitsFor(planAfter), updated_at: Timestamp.fromDate(now) });
        }
      }
    }
    const status = decision.apply ? "applied" : "ignored";
    const fields: EventRecord = {
      ...baseRecord(event, now),
      status,
      outcome: decision.outcome,
      userId: uid,
      resolved_via: "customer",
      plan_before: planBefore,
      plan_after: planAfter,
    };
    if (recordSnap.exists) writer.update(record, { ...fields, pending: FieldValue.delete() });
    else writer.write(record, fields);
    return { status, outcome: decision.outcome, userId: uid, planBefore, planAfter };
  });
}

/**
 * Events of a mapped customer stored as unmatched, applied in the order they
 * occurred. Each is applied atomically and leaves `unmatched`, so a run cut
 * short (an error, the instance dying) is resumed by simply running again:
 * the customer task is retried by Cloud Tasks.
 */
export async function replayUnmatched(ctx: BillingContext, customerId: string, uid: string, pageSize = 100): Promise<number> {
  let replayed = 0;
  for (;;) {
    const snap = await ctx.db
      .collection("paddle_events")
      .where("customer_id", "==", customerId)
      .where("status", "==", "unmatched")
      .limit(pageSize)
      .get();
    const events = snap.docs
      .map((doc) => doc.get("pending") as unknown)
      .filter((p): p is string => typeof p === "string")
      .map(deserializeEvent)
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
    if (events.length === 0) return replayed;
    await ensureProfile(ctx, uid);
    for (const event of events) {
      const result = await applyForUser(ctx, event, uid, true);
      replayed += 1;
      logger.info("paddle unmatched event replayed", { eventId: event.id, type: event.type, status: result.status, outcome: result.outcome, uid });
    }
  }
}
