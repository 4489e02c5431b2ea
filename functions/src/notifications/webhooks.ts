// Outgoing webhooks: users/{uid}/webhooks/{id} (server only: the URL of a
// Slack incoming webhook is itself a secret, and a generic endpoint's signing
// secret is shown once, at creation), and the delivery of one notification to
// one of them (the deliverWebhook task, retried by Cloud Tasks with backoff).
import { randomBytes } from "node:crypto";
import { FieldValue, type Firestore, type Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { notificationsOf, type NotificationInput } from "./store";
import { sendWebhook, signatureHeader, type SendResult } from "./webhookSend";
import { resolveWebhookTarget, WebhookTargetError, type Resolver } from "./webhookTarget";

export type WebhookKind = "slack" | "generic";

export interface StoredWebhook {
  kind: WebhookKind;
  url: string;
  /** generic only: the HMAC key of X-Lently-Signature. */
  secret: string | null;
  active: boolean;
  host: string;
  createdAt: Timestamp;
}

export const webhooksOf = (db: Firestore, uid: string) => db.collection("users").doc(uid).collection("webhooks");

/** Slack's incoming-webhook hosts: bodies in Slack's shape, unsigned (the URL is the credential). */
const isSlackUrl = (url: URL) => url.hostname === "hooks.slack.com" || url.hostname === "hooks.slack-gov.com";

export interface WebhookOptions {
  allowLoopback: boolean;
  resolve?: Resolver;
}

/** Registers an endpoint after checking where it resolves; throws WebhookTargetError for a refused URL. */
export async function addWebhook(db: Firestore, uid: string, input: { url: string; kind?: WebhookKind }, options: WebhookOptions) {
  const target = await resolveWebhookTarget(input.url, options);
  const kind = input.kind ?? (isSlackUrl(target.url) ? "slack" : "generic");
  const secret = kind === "generic" ? `whsec_${randomBytes(32).toString("base64url")}` : null;
  const ref = webhooksOf(db, uid).doc();
  await ref.create({ kind, url: target.url.toString(), secret, active: true, host: target.url.host, createdAt: FieldValue.serverTimestamp(), userId: uid });
  return { id: ref.id, kind, host: target.url.host, secret };
}

export async function removeWebhook(db: Firestore, uid: string, id: string): Promise<boolean> {
  const ref = webhooksOf(db, uid).doc(id);
  const existed = (await ref.get()).exists;
  if (existed) await ref.delete();
  return existed;
}

/** The JSON body: `text` (what Slack shows, and a summary for anything else) plus the notification's fields. */
export function webhookBody(kind: WebhookKind, notificationId: string, n: NotificationInput & { createdAt?: unknown }): string {
  const text = `*${n.title}*\n${n.body}`;
  if (kind === "slack") return JSON.stringify({ text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] });
  const { type, source, title, body, createdAt: _createdAt, read: _read, delivery: _delivery, ...data } = n as Record<string, unknown>;
  return JSON.stringify({ id: notificationId, type, source, title, body, text, data });
}

export type DeliveryOutcome = "delivered" | "retry" | "failed" | "gone";

/**
 * One attempt. "retry" means the caller throws so the queue tries again (429,
 * 5xx, no answer); on the last attempt the same result is recorded "failed".
 * 4xx other than 408/429 fails at once: the endpoint refuses, asking again changes nothing.
 */
export async function deliverWebhook(
  db: Firestore,
  task: { uid: string; notificationId: string; webhookId: string },
  attempt: { number: number; max: number; now: Date },
  options: WebhookOptions & { timeoutMs?: number },
): Promise<DeliveryOutcome> {
  const notificationRef = notificationsOf(db, task.uid).doc(task.notificationId);
  const [hookSnap, notificationSnap] = await Promise.all([webhooksOf(db, task.uid).doc(task.webhookId).get(), notificationRef.get()]);
  if (!hookSnap.exists || !notificationSnap.exists || !hookSnap.get("active")) return "gone";
  const stateField = `delivery.webhooks.${task.webhookId}`;
  const previous = notificationSnap.get(stateField) as { state?: string } | undefined;
  if (previous?.state === "delivered" || previous?.state === "failed") return previous.state;
  const hook = hookSnap.data() as StoredWebhook;

  let result: SendResult;
  try {
    // Resolved again at each attempt: the address checked is the address used.
    const target = await resolveWebhookTarget(hook.url, options);
    const body = webhookBody(hook.kind, task.notificationId, notificationSnap.data() as NotificationInput);
    const headers: Record<string, string> = { "x-lently-delivery": `${task.notificationId}.${task.webhookId}`, "x-lently-event": String(notificationSnap.get("type")) };
    if (hook.secret) headers["x-lently-signature"] = signatureHeader(hook.secret, body, Math.floor(attempt.now.getTime() / 1000));
    result = await sendWebhook(target, body, headers, { timeoutMs: options.timeoutMs });
  } catch (err) {
    if (!(err instanceof WebhookTargetError)) throw err;
    // A host that now resolves somewhere refused: never retried.
    await notificationRef.update({ [stateField]: { state: "failed", attempts: attempt.number, status: null, error: "target_refused" } });
    logger.warn("webhook target refused", { uid: task.uid, webhookId: task.webhookId, host: hook.host });
    return "failed";
  }
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const retryable = !ok && (result.status === null || result.status === 408 || result.status === 429 || result.status >= 500);
  const outcome: DeliveryOutcome = ok ? "delivered" : retryable && attempt.number < attempt.max ? "retry" : "failed";
  // Logged by host and status only: the URL (Slack's is a credential) and the secret never are.
  logger.info("webhook attempt", { uid: task.uid, webhookId: task.webhookId, host: hook.host, status: result.status, error: result.error, attempt: attempt.number, outcome });
  await notificationRef.update({
    [stateField]: { state: outcome === "retry" ? "queued" : outcome, attempts: attempt.number, status: result.status, ...(result.error ? { error: result.error } : {}) },
  });
  return outcome;
}
