// A verified Paddle event, reduced to what billing acts on and validated: the
// SDK's entity classes copy whatever the body holds, so a field the handlers
// need is checked here rather than trusted. Pure: no Firestore, no SDK import.
import type { EventEntity } from "@paddle/paddle-node-sdk";
import { z } from "zod";

export const SUBSCRIPTION_EVENT_TYPES = [
  "subscription.created",
  "subscription.activated",
  "subscription.updated",
  "subscription.trialing",
  "subscription.past_due",
  "subscription.paused",
  "subscription.resumed",
  "subscription.canceled",
] as const;

export const TRANSACTION_EVENT_TYPES = ["transaction.completed", "transaction.payment_failed"] as const;

/** Refunds, credits and chargebacks; see state.ts `onAdjustmentEvent` for what they do to access. */
export const ADJUSTMENT_EVENT_TYPES = ["adjustment.created", "adjustment.updated"] as const;

export type SubscriptionEventType = (typeof SUBSCRIPTION_EVENT_TYPES)[number];
export type TransactionEventType = (typeof TRANSACTION_EVENT_TYPES)[number];
export type AdjustmentEventType = (typeof ADJUSTMENT_EVENT_TYPES)[number];
export type HandledEventType = SubscriptionEventType | TransactionEventType | AdjustmentEventType;

export const SUBSCRIPTION_STATUSES = ["active", "trialing", "past_due", "paused", "canceled"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface SubscriptionSnapshot {
  id: string;
  status: SubscriptionStatus;
  customerId: string;
  priceIds: string[];
  periodStart: Date | null;
  periodEnd: Date | null;
  billingCycle: { interval: string; frequency: number } | null;
  scheduledChange: { action: string; effectiveAt: Date; resumeAt: Date | null } | null;
  canceledAt: Date | null;
  pausedAt: Date | null;
  /** The latest trial end among the items (trial_dates), when any. */
  trialEndsAt: Date | null;
  /** `custom_data.userId` as set at checkout, when it looks like a uid. */
  customUserId: string | null;
}

export interface TransactionSnapshot {
  id: string;
  status: string;
  customerId: string | null;
  subscriptionId: string | null;
  /** `web` (a checkout), `subscription_recurring`, `subscription_charge`, … */
  origin: string | null;
  priceIds: string[];
  customUserId: string | null;
}

export interface AdjustmentSnapshot {
  id: string;
  /** refund, credit, chargeback, chargeback_reverse, chargeback_warning, credit_reverse */
  action: string;
  status: string;
  transactionId: string;
  subscriptionId: string | null;
  customerId: string;
}

export interface PaddleEvent {
  id: string;
  type: string;
  occurredAt: Date;
  notificationId: string | null;
  subscription?: SubscriptionSnapshot;
  transaction?: TransactionSnapshot;
  adjustment?: AdjustmentSnapshot;
}

export class InvalidEvent extends Error {
  constructor(readonly field: string) {
    super(`invalid Paddle event: ${field}`);
    this.name = "InvalidEvent";
  }
}

const HANDLED: readonly string[] = [...SUBSCRIPTION_EVENT_TYPES, ...TRANSACTION_EVENT_TYPES, ...ADJUSTMENT_EVENT_TYPES];

export function isHandled(type: string): type is HandledEventType {
  return HANDLED.includes(type);
}

export function isAdjustmentEvent(type: string): type is AdjustmentEventType {
  return (ADJUSTMENT_EVENT_TYPES as readonly string[]).includes(type);
}

export function isSubscriptionEvent(type: string): type is SubscriptionEventType {
  return (SUBSCRIPTION_EVENT_TYPES as readonly string[]).includes(type);
}

// Paddle ids: a prefix and an underscore, then alphanumerics (and _). Event
// ids become Firestore document ids, so they are held to this shape.
const paddleId = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9_]{1,64}$`));
const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const uid = z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/);

const envelope = z.object({
  eventId: paddleId("evt"),
  eventType: z.string().min(1).max(100),
  occurredAt: instant,
  notificationId: z.string().max(100).nullish(),
});

const customData = z
  .record(z.string(), z.unknown())
  .nullish()
  .transform((data) => {
    const parsed = uid.safeParse(data?.userId);
    return parsed.success ? parsed.data : null;
  });

const priceIds = z
  .array(z.object({ price: z.object({ id: paddleId("pri") }).nullish() }).loose())
  .transform((items) => items.flatMap((item) => (item.price ? [item.price.id] : [])));

const trialEnd = z
  .array(z.object({ trialDates: z.object({ endsAt: instant }).nullish() }).loose())
  .transform((items) => items.reduce<Date | null>((end, item) => (item.trialDates && (!end || item.trialDates.endsAt > end) ? item.trialDates.endsAt : end), null));

const subscriptionData = z.object({
  id: paddleId("sub"),
  status: z.enum(SUBSCRIPTION_STATUSES),
  customerId: paddleId("ctm"),
  items: priceIds,
  currentBillingPeriod: z.object({ startsAt: instant, endsAt: instant }).nullish(),
  billingCycle: z.object({ interval: z.string().max(20), frequency: z.number().int().positive() }).nullish(),
  scheduledChange: z.object({ action: z.string().max(20), effectiveAt: instant, resumeAt: instant.nullish() }).nullish(),
  canceledAt: instant.nullish(),
  pausedAt: instant.nullish(),
  customData,
});

const transactionData = z.object({
  id: paddleId("txn"),
  status: z.string().max(40),
  customerId: paddleId("ctm").nullish(),
  subscriptionId: paddleId("sub").nullish(),
  origin: z.string().max(40).nullish(),
  items: priceIds,
  customData,
});

const adjustmentData = z.object({
  id: paddleId("adj"),
  action: z.string().max(40),
  status: z.string().max(40),
  transactionId: paddleId("txn"),
  subscriptionId: paddleId("sub").nullish(),
  customerId: paddleId("ctm"),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const path = result.error.issues[0]?.path.map(String).join(".");
    throw new InvalidEvent(path ? `${root}.${path}` : root);
  }
  return result.data;
}

/** The event as billing sees it; throws InvalidEvent naming the first bad field. */
export function normalizeEvent(entity: EventEntity): PaddleEvent {
  const head = parse(envelope, entity, "event");
  const event: PaddleEvent = {
    id: head.eventId,
    type: head.eventType,
    occurredAt: head.occurredAt,
    notificationId: head.notificationId ?? null,
  };
  if (isSubscriptionEvent(event.type)) {
    const data = parse(subscriptionData, entity.data, "data");
    const items = parse(trialEnd, (entity.data as { items?: unknown }).items ?? [], "data.items");
    event.subscription = {
      id: data.id,
      status: data.status,
      customerId: data.customerId,
      priceIds: data.items,
      periodStart: data.currentBillingPeriod?.startsAt ?? null,
      periodEnd: data.currentBillingPeriod?.endsAt ?? null,
      billingCycle: data.billingCycle ?? null,
      scheduledChange: data.scheduledChange ? { ...data.scheduledChange, resumeAt: data.scheduledChange.resumeAt ?? null } : null,
      canceledAt: data.canceledAt ?? null,
      pausedAt: data.pausedAt ?? null,
      trialEndsAt: items,
      customUserId: data.customData,
    };
  } else if (isAdjustmentEvent(event.type)) {
    const data = parse(adjustmentData, entity.data, "data");
    event.adjustment = { ...data, subscriptionId: data.subscriptionId ?? null };
  } else if (isHandled(event.type)) {
    const data = parse(transactionData, entity.data, "data");
    event.transaction = {
      id: data.id,
      status: data.status,
      customerId: data.customerId ?? null,
      subscriptionId: data.subscriptionId ?? null,
      origin: data.origin ?? null,
      priceIds: data.items,
      customUserId: data.customData,
    };
  }
  return event;
}

/** The customer an event belongs to, if it names one. */
export function customerOf(event: PaddleEvent): string | null {
  return event.subscription?.customerId ?? event.transaction?.customerId ?? event.adjustment?.customerId ?? null;
}

/** The subscription an event is about, if any. */
export function subscriptionOf(event: PaddleEvent): string | null {
  return event.subscription?.id ?? event.transaction?.subscriptionId ?? event.adjustment?.subscriptionId ?? null;
}

/** The user id set at checkout, if the event carries one. */
export function customUserOf(event: PaddleEvent): string | null {
  return event.subscription?.customUserId ?? event.transaction?.customUserId ?? null;
}
