// The Paddle SDK, loaded on first use only: lib/index.js is loaded by every
// function instance, and getMe should not pay for an SDK it never uses.
import type * as PaddleModule from "@paddle/paddle-node-sdk";
import type { Environment, EventEntity, Paddle } from "@paddle/paddle-node-sdk";
import { logger } from "firebase-functions/logger";
import { DEFAULT_SIGNATURE_TOLERANCE_SECONDS, verifySignature, type SignatureCheck } from "./signature";

type PaddleSdk = typeof PaddleModule;

let sdk: Promise<PaddleSdk> | undefined;
const clients = new Map<string, Paddle>();

function loadSdk(): Promise<PaddleSdk> {
  sdk ??= import("@paddle/paddle-node-sdk");
  return sdk;
}

/**
 * `sandbox` or `production`; the SDK also takes an http(s) base URL in their
 * place, which is how a local stand-in of the Paddle API is reached.
 */
function environmentOf(value: string): Environment {
  return (value.trim() || "sandbox") as Environment;
}

async function client(apiKey: string, environment: string): Promise<Paddle> {
  const key = `${environment}\u0000${apiKey}`;
  let paddle = clients.get(key);
  if (!paddle) {
    const { Paddle: PaddleClient, LogLevel } = await loadSdk();
    paddle = new PaddleClient(apiKey, { environment: environmentOf(environment), logLevel: LogLevel.none });
    clients.set(key, paddle);
  }
  return paddle;
}

/** Why a delivery is refused, and with which HTTP status. */
export class WebhookRejected extends Error {
  constructor(
    readonly status: 400 | 401 | 500,
    readonly reason: string,
  ) {
    super(`webhook rejected: ${reason}`);
    this.name = "WebhookRejected";
  }
}

/**
 * Verifies a delivery and parses it into the SDK's event entity. Our strict
 * check (signature.ts) is the verification: the SDK's `unmarshal` would
 * re-check with its fixed 5 s window, which a burst of deliveries queued
 * behind a cold start outlives, so the verified body is handed to the SDK's
 * own parser (`Webhooks.fromJson`) instead. Nothing of the body is read
 * before the signature matched.
 */
export async function verifyPaddleWebhook(
  rawBody: Buffer | undefined,
  signature: string | undefined,
  secrets: readonly string[],
  nowMs = Date.now(),
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): Promise<EventEntity> {
  if (secrets.length === 0) throw new WebhookRejected(500, "webhook_secret_not_configured");
  if (!rawBody || rawBody.length === 0) throw new WebhookRejected(401, signature ? "empty_body" : "missing");
  const check: SignatureCheck = verifySignature(rawBody, signature, secrets, nowMs, toleranceSeconds);
  if (!check.ok) throw new WebhookRejected(401, check.reason);
  const { Webhooks } = await loadSdk();
  try {
    return Webhooks.fromJson(JSON.parse(rawBody.toString("utf8")) as Parameters<typeof Webhooks.fromJson>[0]);
  } catch {
    throw new WebhookRejected(400, "invalid_event");
  }
}

/** The Paddle API calls billing makes (customers, subscriptions). */
export interface CustomerDirectory {
  /** The customer's email, or null when Paddle does not know the customer. */
  emailOf(customerId: string): Promise<string | null>;
  /** The customer with this email: the existing one, or a new one. */
  findOrCreate(email: string, name: string | null): Promise<string>;
  /** Cancels a subscription at once; false when Paddle has nothing left to cancel (unknown, already canceled). */
  cancelSubscription(subscriptionId: string): Promise<boolean>;
}

/** Paddle's answer to a request it refused (the SDK's ApiError), as far as billing cares. */
function apiCode(err: unknown, ApiError: PaddleSdk["ApiError"]): string | null {
  return err instanceof ApiError ? (err.code ?? "api_error") : null;
}

/** A directory backed by the Paddle API, or null when no API key is configured. */
export function paddleCustomerDirectory(apiKey: string, environment: string): CustomerDirectory | null {
  if (!apiKey) return null;
  const byEmail = async (paddle: Paddle, email: string) => {
    const page = await paddle.customers.list({ email: [email] }).next();
    return page.find((c) => c.email.toLowerCase() === email.toLowerCase())?.id ?? null;
  };
  return {
    async emailOf(customerId) {
      const paddle = await client(apiKey, environment);
      const { ApiError } = await loadSdk();
      try {
        const customer = await paddle.customers.get(customerId);
        return typeof customer.email === "string" && customer.email ? customer.email : null;
      } catch (err) {
        // An API answer (not found, forbidden) means "unknown"; a network failure is transient and retried.
        const code = apiCode(err, ApiError);
        if (code === null) throw err;
        logger.warn("paddle customer lookup failed", { customerId, code });
        return null;
      }
    },
    async findOrCreate(email, name) {
      const paddle = await client(apiKey, environment);
      const { ApiError } = await loadSdk();
      const found = await byEmail(paddle, email);
      if (found) return found;
      try {
        return (await paddle.customers.create({ email, ...(name ? { name } : {}) })).id;
      } catch (err) {
        // Created by a concurrent call between our list and create: Paddle refuses a second one for the email.
        if (apiCode(err, ApiError) === "customer_already_exists") {
          const again = await byEmail(paddle, email);
          if (again) return again;
        }
        throw err;
      }
    },
    async cancelSubscription(subscriptionId) {
      const paddle = await client(apiKey, environment);
      const { ApiError } = await loadSdk();
      try {
        await paddle.subscriptions.cancel(subscriptionId, { effectiveFrom: "immediately" });
        return true;
      } catch (err) {
        const code = apiCode(err, ApiError);
        if (code === "entity_not_found" || code === "subscription_is_canceled_action_invalid") return false;
        throw err;
      }
    },
  };
}
