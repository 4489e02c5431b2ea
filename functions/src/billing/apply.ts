// Applies a verified Paddle event, once. Like the Stripe extension's webhook
// handler: each handled event type maps to one handler, and the subscription
// state lands in Firestore (users/{uid}/billing/subscription), which everything
// else reads.
//
// Exactly once: the record paddle_events/{eventId} is written in the same
// atomic batch as the event's effect (readModifyWrite: `create` on the record,
// update-time preconditions on the rest), so of 20 concurrent deliveries one
// commits and the others, retrying, find the record and do nothing.
// Never backwards: a subscription event older than the stored state
// (`last_event_occurred_at`) is recorded but changes nothing.
import type { Auth } from "firebase-admin/auth";
import { FieldValue, Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { planOf, type PlanId } from "../core/plans";
import { currentUsage } from "../core/quota";
import { readModifyWrite } from "../core/readModifyWrite";
import { limitsFor, usageRef } from "../core/usage";
import { ensureUser } from "../users/service";
import { customerRef, resolveUser, type CustomerDoc, type ResolvedUser } from "./customers";
import { customerOf, isHandled, type HandledEventType, type PaddleEvent } from "./events";
import type { CustomerDirectory } from "./paddle";
import type { PriceMap } from "./prices";
import { onPaymentEvent, onSubscriptionEvent, subscriptionRef, type Decision, type SubscriptionDoc } from "./state";

export interface BillingContext {
  db: Firestore;
  auth: Auth;
  prices: PriceMap;
  directory: CustomerDirectory | null;
  now: () => Date;
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
  resolved_via: ResolvedUser["via"] | null;
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
    subscription_id: event.subscription?.id ?? event.transaction?.subscriptionId ?? null,
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
      scheduledChange: s.scheduledChange ? { ...s.scheduledChange, effectiveAt: new Date(s.scheduledChange.effectiveAt) } : null,
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

/** The profile must exist before its plan is set; users/service creates it the usual way. */
async function ensureProfile(ctx: BillingContext, uid: string): Promise<void> {
  if ((await ctx.db.doc(`users/${uid}`).get()).exists) return;
  const user = await ctx.auth.getUser(uid).catch(() => null);
  await ensureUser(ctx.db, uid, { email: user?.email ?? null, name: user?.displayName ?? null, picture: user?.photoURL ?? null }, ctx.now());
}

export async function applyPaddleEvent(ctx: BillingContext, event: PaddleEvent): Promise<ApplyResult> {
  const now = ctx.now();
  // Cheap early exit for a redelivery; the atomic `create` below is what guarantees once.
  if ((await eventRef(ctx.db, event.id).get()).exists) return { status: "duplicate", outcome: "already_recorded", userId: null };
  if (!isHandled(event.type)) {
    return recordOnly(ctx.db, event, { ...baseRecord(event, now), status: "ignored", outcome: "unhandled_type" });
  }
  const user = await resolveUser(ctx.db, ctx.auth, ctx.directory, event);
  if (!user) {
    logger.warn("paddle event for no known user, stored as unmatched", { eventId: event.id, type: event.type, customerId: customerOf(event) });
    return recordOnly(ctx.db, event, {
      ...baseRecord(event, now),
      status: "unmatched",
      outcome: "no_user",
      pending: serializeEvent(event),
    });
  }
  await ensureProfile(ctx, user.uid);
  const { result, mappedCustomer } = await applyForUser(ctx, event, user, false);
  if (mappedCustomer) await replayUnmatched(ctx, mappedCustomer, user);
  return result;
}

/**
 * The atomic part: the event record, the subscription, the profile's plan,
 * the usage limits and the customer mapping, in one guarded batch.
 * `replay` applies an event stored earlier as unmatched (its record exists).
 */
async function applyForUser(
  ctx: BillingContext,
  event: PaddleEvent,
  user: ResolvedUser,
  replay: boolean,
): Promise<{ result: ApplyResult; mappedCustomer: string | null }> {
  const { db } = ctx;
  const uid = user.uid;
  const customerId = customerOf(event);
  const record = eventRef(db, event.id);
  const subRef = subscriptionRef(db, uid);
  const profileRef = db.doc(`users/${uid}`);
  const usage = usageRef(db, uid);
  const refs: DocumentReference[] = [record, subRef, profileRef, usage];
  if (customerId) refs.push(customerRef(db, customerId));

  return readModifyWrite(db, refs, (snaps: DocumentSnapshot[], writer) => {
    const [recordSnap, subSnap, profileSnap, usageSnap, customerSnap] = snaps;
    const now = ctx.now();
    if (recordSnap.exists && !(replay && recordSnap.get("status") === "unmatched")) {
      return { result: { status: "duplicate" as const, outcome: "already_recorded", userId: uid }, mappedCustomer: null };
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
      // Only subscription events move plans; a payment event leaves entitlement alone.
      if (event.subscription && profileSnap.exists) {
        planAfter = decision.next.entitled_plan;
        if (planAfter !== planBefore) writer.update(profileRef, { plan: planAfter, updatedAt: Timestamp.fromDate(now) });
        // Limits change at once, both ways; counters and period stay as they are.
        const { usage: current } = currentUsage(usageSnap, profileSnap, now);
        if (current.plan !== planAfter || !usageSnap.exists) {
          writer.write(usage, { ...current, plan: planAfter, limits: limitsFor(planAfter), updated_at: Timestamp.fromDate(now) });
        }
      }
    }
    let mappedCustomer: string | null = null;
    if (customerId && customerSnap && !customerSnap.exists) {
      const mapping: CustomerDoc = { userId: uid, customer_id: customerId, resolved_via: user.via, created_at: Timestamp.fromDate(now) };
      writer.write(customerRef(db, customerId), mapping);
      mappedCustomer = customerId;
    } else if (customerId && customerSnap?.get("userId") !== uid) {
      logger.warn("paddle customer already mapped to another user; mapping kept", { eventId: event.id, customerId, uid });
    }
    const status = decision.apply ? "applied" : "ignored";
    const fields: EventRecord = {
      ...baseRecord(event, now),
      status,
      outcome: decision.outcome,
      userId: uid,
      resolved_via: user.via,
      plan_before: planBefore,
      plan_after: planAfter,
    };
    if (recordSnap.exists) writer.update(record, { ...fields, pending: FieldValue.delete() });
    else writer.write(record, fields);
    return { result: { status, outcome: decision.outcome, userId: uid, planBefore, planAfter }, mappedCustomer };
  });
}

/** Events of a customer stored as unmatched, applied in the order they occurred once the customer is known. */
async function replayUnmatched(ctx: BillingContext, customerId: string, user: ResolvedUser): Promise<void> {
  const snap = await ctx.db
    .collection("paddle_events")
    .where("customer_id", "==", customerId)
    .where("status", "==", "unmatched")
    .limit(100)
    .get();
  const events = snap.docs
    .map((doc) => doc.get("pending") as unknown)
    .filter((p): p is string => typeof p === "string")
    .map(deserializeEvent)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  for (const event of events) {
    const { result } = await applyForUser(ctx, event, { uid: user.uid, via: "customer" }, true);
    logger.info("paddle unmatched event replayed", { eventId: event.id, type: event.type, status: result.status, outcome: result.outcome, uid: user.uid });
  }
}
