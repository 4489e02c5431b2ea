// Realistic Paddle Billing webhook bodies, signed with the real scheme, for
// tests and the demo: `Paddle-Signature: ts=<unix>;h1=<hex HMAC-SHA256 of
// "<ts>:<raw body>" with the notification destination's secret>`.
// Shapes follow Paddle's event payloads (event_id evt_…, notification_id ntf_…,
// data with sub_/ctm_/pri_/txn_ ids, current_billing_period, billing_cycle,
// scheduled_change, custom_data…), complete enough for the SDK's
// `webhooks.unmarshal` to build its typed entities from them.
// Deliberately independent of functions/src: the signer must not share code
// with the verifier it tests.
import { createHmac, randomBytes } from "node:crypto";

/** The secret the local stack gives the Functions emulator (tools/standins/registry.ts). */
export const LOCAL_WEBHOOK_SECRET = "pdl_ntfset_local_stack_secret";

/** Price ids of the local stack (tools/standins/registry.ts). */
export const LOCAL_PRICES = {
  starter: "pri_local_starter",
  pro: "pri_local_pro",
  proYearly: "pri_local_pro_yearly",
  business: "pri_local_business",
} as const;

const BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";

/** A Paddle-looking id: prefix, "_01", then 24 lower-case base32 characters. */
export function paddleId(prefix: string): string {
  const bytes = randomBytes(24);
  return `${prefix}_01${Array.from(bytes, (b) => BASE32[b % 32]).join("")}`;
}

export function hmacHex(secret: string, ts: number, rawBody: string | Buffer): string {
  return createHmac("sha256", secret).update(`${ts}:`).update(rawBody).digest("hex");
}

/** The Paddle-Signature header for a body: one h1 per secret (several during a rotation). */
export function signPaddle(rawBody: string | Buffer, secrets: string | string[] = LOCAL_WEBHOOK_SECRET, ts = Math.floor(Date.now() / 1000)): string {
  const list = Array.isArray(secrets) ? secrets : [secrets];
  return [`ts=${ts}`, ...list.map((secret) => `h1=${hmacHex(secret, ts, rawBody)}`)].join(";");
}

export type SubscriptionStatus = "active" | "trialing" | "past_due" | "paused" | "canceled";

export interface SubscriptionEventOptions {
  eventId?: string;
  occurredAt?: Date;
  subscriptionId?: string;
  customerId?: string;
  status?: SubscriptionStatus;
  priceId?: string;
  /** Extra items, e.g. an add-on price. */
  extraPriceIds?: string[];
  /** custom_data.userId as set at checkout; null leaves custom_data null. */
  userId?: string | null;
  periodStart?: Date;
  periodEnd?: Date;
  interval?: "month" | "year";
  scheduledChange?: { action: "cancel" | "pause" | "resume"; effectiveAt: Date; resumeAt?: Date | null } | null;
  /** Items' trial_dates (a trialing subscription carries them). */
  trial?: { startsAt: Date; endsAt: Date } | null;
}

function price(id: string, interval: "month" | "year") {
  return {
    id,
    product_id: "pro_01h7hsvmzdmz6p7g4cf3rpwbg8",
    name: `Lently ${id}`,
    description: interval === "year" ? "Yearly" : "Monthly",
    type: "standard",
    tax_mode: "account_setting",
    billing_cycle: { interval, frequency: 1 },
    trial_period: null,
    unit_price: { amount: "3900", currency_code: "USD" },
    unit_price_overrides: [],
    quantity: { minimum: 1, maximum: 1 },
    status: "active",
    custom_data: null,
    import_meta: null,
    created_at: "2024-04-01T10:00:00.000000Z",
    updated_at: "2024-04-01T10:00:00.000000Z",
  };
}

const iso = (d: Date) => d.toISOString().replace("Z", "000Z"); // Paddle sends microseconds

export function subscriptionEvent(type: string, options: SubscriptionEventOptions = {}) {
  const occurredAt = options.occurredAt ?? new Date();
  const start = options.periodStart ?? new Date(occurredAt.getTime() - 86_400_000);
  const interval = options.interval ?? "month";
  const end = options.periodEnd ?? new Date(start.getTime() + (interval === "year" ? 365 : 30) * 86_400_000);
  const status = options.status ?? "active";
  const itemPrices = [options.priceId ?? LOCAL_PRICES.pro, ...(options.extraPriceIds ?? [])];
  const created = iso(new Date(start.getTime() - 60_000));
  return {
    event_id: options.eventId ?? paddleId("evt"),
    event_type: type,
    occurred_at: iso(occurredAt),
    notification_id: paddleId("ntf"),
    data: {
      id: options.subscriptionId ?? paddleId("sub"),
      status,
      customer_id: options.customerId ?? paddleId("ctm"),
      address_id: paddleId("add"),
      business_id: null,
      currency_code: "USD",
      created_at: created,
      updated_at: iso(occurredAt),
      started_at: iso(start),
      first_billed_at: iso(start),
      next_billed_at: status === "canceled" || status === "paused" ? null : iso(end),
      paused_at: status === "paused" ? iso(occurredAt) : null,
      canceled_at: status === "canceled" ? iso(occurredAt) : null,
      discount: null,
      collection_mode: "automatic",
      billing_details: null,
      current_billing_period: status === "canceled" ? null : { starts_at: iso(start), ends_at: iso(end) },
      billing_cycle: { interval, frequency: 1 },
      scheduled_change: options.scheduledChange
        ? {
            action: options.scheduledChange.action,
            effective_at: iso(options.scheduledChange.effectiveAt),
            resume_at: options.scheduledChange.resumeAt ? iso(options.scheduledChange.resumeAt) : null,
          }
        : null,
      items: itemPrices.map((id) => ({
        status: "active",
        quantity: 1,
        recurring: true,
        created_at: created,
        updated_at: iso(occurredAt),
        previously_billed_at: iso(start),
        next_billed_at: iso(end),
        trial_dates: options.trial ? { starts_at: iso(options.trial.startsAt), ends_at: iso(options.trial.endsAt) } : null,
        price: price(id, interval),
        product: null,
      })),
      custom_data: options.userId === null || options.userId === undefined ? null : { userId: options.userId },
      import_meta: null,
    },
  };
}

export interface TransactionEventOptions {
  eventId?: string;
  occurredAt?: Date;
  transactionId?: string;
  subscriptionId?: string | null;
  customerId?: string;
  priceId?: string;
  userId?: string | null;
  /** `web` for a checkout, `subscription_recurring` for a renewal (the default). */
  origin?: string;
  /** The transaction's status; a declined checkout stays `ready`. */
  status?: string;
}

export function transactionEvent(type: string, options: TransactionEventOptions = {}) {
  const occurredAt = options.occurredAt ?? new Date();
  const failed = type === "transaction.payment_failed";
  const priceId = options.priceId ?? LOCAL_PRICES.pro;
  return {
    event_id: options.eventId ?? paddleId("evt"),
    event_type: type,
    occurred_at: iso(occurredAt),
    notification_id: paddleId("ntf"),
    data: {
      id: options.transactionId ?? paddleId("txn"),
      status: options.status ?? (failed ? "past_due" : "completed"),
      customer_id: options.customerId ?? paddleId("ctm"),
      address_id: paddleId("add"),
      business_id: null,
      custom_data: options.userId === null || options.userId === undefined ? null : { userId: options.userId },
      currency_code: "USD",
      origin: options.origin ?? "subscription_recurring",
      subscription_id: options.subscriptionId === undefined ? paddleId("sub") : options.subscriptionId,
      invoice_id: null,
      invoice_number: null,
      collection_mode: "automatic",
      discount_id: null,
      billing_details: null,
      billing_period: { starts_at: iso(occurredAt), ends_at: iso(new Date(occurredAt.getTime() + 30 * 86_400_000)) },
      items: [{ price: price(priceId, "month"), quantity: 1, proration: null }],
      details: null,
      payments: [
        {
          payment_attempt_id: "3e575fab-e1f2-4168-9ef7-3dd724f450a0",
          stored_payment_method_id: "6fd9d503-085a-4af1-a562-f05d7217cdd2",
          amount: "3900",
          status: failed ? "error" : "captured",
          error_code: failed ? "declined" : null,
          method_details: { type: "card", card: { type: "visa", last4: "4242", expiry_month: 12, expiry_year: 2030, cardholder_name: "Test Card" } },
          created_at: iso(occurredAt),
          captured_at: failed ? null : iso(occurredAt),
        },
      ],
      checkout: { url: null },
      created_at: iso(occurredAt),
      updated_at: iso(occurredAt),
      billed_at: iso(occurredAt),
      revised_at: null,
    },
  };
}

export interface Delivery {
  body: string;
  signature: string;
}

/** JSON body plus its signature, as Paddle would send it. */
export function signedDelivery(event: object, secrets: string | string[] = LOCAL_WEBHOOK_SECRET, ts?: number): Delivery {
  const body = JSON.stringify(event);
  return { body, signature: signPaddle(body, secrets, ts) };
}
