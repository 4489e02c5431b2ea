// The Paddle SDK, loaded on first use only: lib/index.js is loaded by every
// function instance, and getMe should not pay for an SDK it never uses.
import type * as PaddleModule from "@paddle/paddle-node-sdk";
import type { Environment, EventEntity, Paddle } from "@paddle/paddle-node-sdk";
import { logger } from "firebase-functions/logger";
import { verifySignature, type SignatureCheck } from "./signature";

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
 * check runs first (see signature.ts); the SDK's `unmarshal` then verifies the
 * one matching (secret, h1) pair and builds the typed event. Nothing of the
 * body is read before both agree.
 */
export async function verifyPaddleWebhook(
  rawBody: Buffer | undefined,
  signature: string | undefined,
  secrets: readonly string[],
  nowMs = Date.now(),
): Promise<EventEntity> {
  if (secrets.length === 0) throw new WebhookRejected(500, "webhook_secret_not_configured");
  if (!rawBody || rawBody.length === 0) throw new WebhookRejected(401, signature ? "empty_body" : "missing");
  const check: SignatureCheck = verifySignature(rawBody, signature, secrets, nowMs);
  if (!check.ok) throw new WebhookRejected(401, check.reason);
  const paddle = await client("", "sandbox");
  try {
    return await paddle.webhooks.unmarshal(rawBody.toString("utf8"), secrets[check.secretIndex], `ts=${check.ts};h1=${check.h1}`);
  } catch (err) {
    // The SDK's own refusal (its clock check ran a moment after ours) is a
    // signature problem; anything else is a body that is not a Paddle event.
    const message = err instanceof Error ? err.message : "";
    if (message.startsWith("[Paddle]")) throw new WebhookRejected(401, "sdk_rejected");
    throw new WebhookRejected(400, "invalid_event");
  }
}

/** Looks a Paddle customer's email up through the API. */
export interface CustomerDirectory {
  emailOf(customerId: string): Promise<string | null>;
}

/** A directory backed by the Paddle API, or null when no API key is configured. */
export function paddleCustomerDirectory(apiKey: string, environment: string): CustomerDirectory | null {
  if (!apiKey) return null;
  return {
    async emailOf(customerId) {
      const paddle = await client(apiKey, environment);
      const { ApiError } = await loadSdk();
      try {
        const customer = await paddle.customers.get(customerId);
        return typeof customer.email === "string" && customer.email ? customer.email : null;
      } catch (err) {
        // An API answer (not found, forbidden) means "unknown"; a network failure is transient and retried by Paddle.
        if (err instanceof ApiError) {
          logger.warn("paddle customer lookup failed", { customerId, code: err.code });
          return null;
        }
        throw err;
      }
    },
  };
}
