// Notifications: the read/unread callable (the web app lists them itself:
// users/{uid}/notifications is owner-readable), their delivery when one is
// written (mail document, webhook tasks), and the webhook endpoints.
import { logger } from "firebase-functions/logger";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { onCall } from "firebase-functions/v2/https";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { authed, contractOf } from "../core/callable";
import { invalidArgument } from "../core/errors";
import { app, db } from "../core/firebase";
import { lazy } from "../core/lazy";
import { MAIL_COLLECTION, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_MIN_BACKOFF_SECONDS, WEBHOOKS_ALLOW_LOOPBACK } from "./config";

const contract = contractOf(() => import("../contracts/notifications"));
const readState = lazy(() => import("./readState"));
const webhooks = lazy(() => import("./webhooks"));
const targets = lazy(() => import("./webhookTarget"));

export const markNotifications = onCall(
  authed(contract("markNotificationsRequest"), async (input, ctx) =>
    (await readState()).markNotifications(db(), ctx.uid, input.all ? { all: true, read: input.read } : { ids: input.ids ?? [], read: input.read }),
  ),
);

export const addWebhook = onCall(
  authed(contract("addWebhookRequest"), async (input, ctx) => {
    const { WebhookTargetError } = await targets();
    try {
      const { id, kind, host, secret } = await (await webhooks()).addWebhook(db(), ctx.uid, input, { allowLoopback: WEBHOOKS_ALLOW_LOOPBACK.value() });
      return { webhook: { id, kind, host }, secret };
    } catch (err) {
      if (err instanceof WebhookTargetError) throw invalidArgument("url", err.reason);
      throw err;
    }
  }),
);

export const removeWebhook = onCall(
  authed(contract("removeWebhookRequest"), async (input, ctx) => ({ id: input.id, removed: await (await webhooks()).removeWebhook(db(), ctx.uid, input.id) })),
);

const WEBHOOK_TASK = "deliverWebhookTask";

/** One task per (notification, endpoint): its id makes a redelivered trigger queue nothing twice. */
async function enqueueWebhook(task: { uid: string; notificationId: string; webhookId: string }): Promise<void> {
  const { getFunctions } = await import("firebase-admin/functions");
  try {
    await getFunctions(app()).taskQueue(WEBHOOK_TASK).enqueue(task, { id: `${task.uid}-${task.notificationId}-${task.webhookId}`.replace(/[^A-Za-z0-9_-]/g, "_") });
  } catch (err) {
    if ((err as { code?: string }).code !== "functions/task-already-exists") throw err;
  }
}

export const onNotificationCreated = onDocumentCreated({ document: "users/{uid}/notifications/{notificationId}", retry: true }, async (event) => {
  const { deliverNotification } = await import("./delivery");
  await deliverNotification({ db: db(), mailCollection: MAIL_COLLECTION.value(), enqueueWebhook }, event.params.uid, event.params.notificationId);
});

export const deliverWebhookTask = onTaskDispatched(
  {
    retryConfig: { maxAttempts: WEBHOOK_MAX_ATTEMPTS, minBackoffSeconds: WEBHOOK_MIN_BACKOFF_SECONDS, maxBackoffSeconds: 3600, maxDoublings: 6 },
    rateLimits: { maxConcurrentDispatches: 20 },
    timeoutSeconds: 60,
  },
  async (req) => {
    const data = req.data as { uid?: unknown; notificationId?: unknown; webhookId?: unknown };
    if (typeof data.uid !== "string" || typeof data.notificationId !== "string" || typeof data.webhookId !== "string") {
      return void logger.error("deliverWebhookTask: malformed task");
    }
    const outcome = await (await webhooks()).deliverWebhook(
      db(),
      { uid: data.uid, notificationId: data.notificationId, webhookId: data.webhookId },
      { number: req.retryCount + 1, max: WEBHOOK_MAX_ATTEMPTS.value(), now: new Date() },
      { allowLoopback: WEBHOOKS_ALLOW_LOOPBACK.value() },
    );
    // Thrown so Cloud Tasks retries with its backoff; the last attempt records "failed" instead.
    if (outcome === "retry") throw new Error("webhook endpoint did not accept the delivery; retrying");
  },
);
