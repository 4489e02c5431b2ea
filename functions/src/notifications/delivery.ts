// Delivering a new notification (the onNotificationCreated trigger): a `mail`
// document when the creator asked for alert emails, and one webhook task per
// active endpoint (webhooks.ts). Every step is keyed by the notification, so a
// redelivered trigger writes and queues nothing twice; `delivery` on the
// notification records what was done.
import type { Firestore } from "firebase-admin/firestore";
import { readSettings } from "../domain/settings";
import { notificationMail } from "./email";
import { notificationsOf, type NotificationInput } from "./store";

export interface DeliveryDeps {
  db: Firestore;
  /** The Trigger Email extension's collection (MAIL_COLLECTION). */
  mailCollection: string;
  /** Queues one webhook delivery; the task id makes a second call for the same pair a no-op. */
  enqueueWebhook: (task: { uid: string; notificationId: string; webhookId: string }) => Promise<void>;
}

export interface DeliveryRecord {
  email: { mailId: string } | null;
  webhooks: Record<string, { state: "queued" | "delivered" | "failed"; attempts?: number; status?: number | null; error?: string }>;
}

const ALREADY_EXISTS = 6;

export async function deliverNotification(deps: DeliveryDeps, uid: string, notificationId: string): Promise<DeliveryRecord | null> {
  const ref = notificationsOf(deps.db, uid).doc(notificationId);
  const [snap, profile] = await Promise.all([ref.get(), deps.db.collection("users").doc(uid).get()]);
  if (!snap.exists) return null;
  const notification = snap.data() as NotificationInput;
  const settings = readSettings(profile.get("settings"));
  const record: DeliveryRecord = { email: null, webhooks: {} };

  if (settings.alerts.email && profile.exists) {
    const mailRef = deps.db.collection(deps.mailCollection).doc(`${uid}_${notificationId}`);
    try {
      await mailRef.create(notificationMail(uid, notificationId, notification));
    } catch (err) {
      if ((err as { code?: unknown }).code !== ALREADY_EXISTS) throw err;
    }
    record.email = { mailId: mailRef.id };
  }

  const hooks = await deps.db.collection("users").doc(uid).collection("webhooks").where("active", "==", true).get();
  for (const hook of hooks.docs) {
    await deps.enqueueWebhook({ uid, notificationId, webhookId: hook.id });
    record.webhooks[hook.id] = { state: "queued" };
  }
  // Webhook tasks may already have reported (a redelivered trigger): keep their outcome.
  const current = (snap.get("delivery") as DeliveryRecord | null) ?? null;
  const webhooks = Object.fromEntries(Object.entries(record.webhooks).map(([id, w]) => [id, current?.webhooks?.[id] ?? w]));
  await ref.update({ "delivery.email": record.email, ...Object.fromEntries(Object.entries(webhooks).map(([id, w]) => [`delivery.webhooks.${id}`, w])) });
  return { email: record.email, webhooks };
}
