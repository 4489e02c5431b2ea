// POST /paddleWebhook as a plain function of (method, raw body, signature):
// verify, parse, apply, and choose the status Paddle sees. 2xx means "done,
// don't resend"; 5xx makes Paddle retry, which is what a transient failure
// needs; 4xx is for deliveries that will never be valid.
import { logger } from "firebase-functions/logger";
import { ContentionError } from "../core/readModifyWrite";
import { applyPaddleEvent, type BillingContext } from "./apply";
import { InvalidEvent, normalizeEvent } from "./events";
import { verifyPaddleWebhook, WebhookRejected } from "./paddle";

export interface WebhookInput {
  method: string;
  rawBody: Buffer | undefined;
  signature: string | undefined;
}

export interface WebhookOutput {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface WebhookContext extends BillingContext {
  secrets: readonly string[];
  /** Maximum signature age in seconds (PADDLE_SIGNATURE_TOLERANCE_SECONDS). */
  toleranceSeconds?: number;
}

// gRPC codes worth a retry: the write may succeed next time.
const TRANSIENT = new Set([4, 8, 10, 13, 14]); // DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNAVAILABLE

export async function handlePaddleWebhook(input: WebhookInput, ctx: WebhookContext): Promise<WebhookOutput> {
  if (input.method !== "POST") {
    return { status: 405, body: { error: "method_not_allowed" }, headers: { Allow: "POST" } };
  }
  let event;
  try {
    event = normalizeEvent(await verifyPaddleWebhook(input.rawBody, input.signature, ctx.secrets, ctx.now().getTime(), ctx.toleranceSeconds));
  } catch (err) {
    if (err instanceof WebhookRejected) {
      // The reason goes to our logs only; the caller learns no more than "no".
      if (err.status === 500) logger.error("paddle webhook secret is not configured");
      else logger.warn("paddle webhook rejected", { reason: err.reason, status: err.status });
      return { status: err.status, body: { error: err.status === 401 ? "invalid_signature" : err.status === 400 ? "invalid_event" : "not_configured" } };
    }
    if (err instanceof InvalidEvent) {
      logger.warn("paddle webhook rejected", { reason: "invalid_event", field: err.field });
      return { status: 400, body: { error: "invalid_event" } };
    }
    throw err;
  }

  try {
    const result = await applyPaddleEvent(ctx, event);
    logger.info("paddle event", {
      eventId: event.id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      status: result.status,
      outcome: result.outcome,
      userId: result.userId,
      planBefore: result.planBefore,
      planAfter: result.planAfter,
    });
    return { status: 200, body: { received: true, status: result.status } };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const transient = err instanceof ContentionError || (typeof code === "number" && TRANSIENT.has(code));
    logger.error("paddle event not applied; Paddle will retry", {
      eventId: event.id,
      type: event.type,
      transient,
      error: err instanceof Error ? { name: err.name, message: err.message, code } : String(err),
    });
    return { status: transient ? 503 : 500, body: { error: "retry_later" } };
  }
}
