// The creator's notifications: `users/{uid}/notifications/{id}`, the one place
// every feature that has something to tell a creator writes to (alerts, rules
// paused for failures, the digest). The web app listens to the collection
// (owner-readable in firestore.rules); delivery by email and webhooks hangs off
// each new document (delivery.ts), which fills in `delivery`.
import { FieldValue, type DocumentData, type Firestore, type Transaction } from "firebase-admin/firestore";

/** What a feature says; any further fields (`ruleId`, `videoId`…) are kept as they are. */
export interface NotificationInput {
  /** What happened, e.g. "negative_share", "rule_paused". */
  type: string;
  /** The feature that wrote it, e.g. "alerts", "rules". */
  source: string;
  title: string;
  body: string;
  [extra: string]: unknown;
}

export interface NotifyOptions {
  /**
   * A deterministic id makes the write idempotent: a redelivered trigger or task
   * that notifies again with the same id adds nothing. Without one, Firestore picks it.
   */
  id?: string;
}

export function notificationsOf(db: Firestore, uid: string) {
  return db.collection("users").doc(uid).collection("notifications");
}

const ALREADY_EXISTS = 6;
const RESERVED = ["read", "createdAt", "delivery"] as const;

/** The stored shape: `{type, source, title, body, read: false, createdAt, delivery: null, ...extra}`. */
export function notificationData(input: NotificationInput): DocumentData {
  for (const key of RESERVED) {
    if (key in input) throw new Error(`notification field ${key} is set by the store`);
  }
  return { ...input, read: false, createdAt: FieldValue.serverTimestamp(), delivery: null };
}

/** Writes one notification; `created` is false when `options.id` was already written. */
export async function notify(db: Firestore, uid: string, input: NotificationInput, options: NotifyOptions = {}): Promise<{ id: string; created: boolean }> {
  const col = notificationsOf(db, uid);
  const ref = options.id ? col.doc(options.id) : col.doc();
  try {
    await ref.create(notificationData(input));
    return { id: ref.id, created: true };
  } catch (err) {
    if ((err as { code?: unknown }).code === ALREADY_EXISTS) return { id: ref.id, created: false };
    throw err;
  }
}

/** The same write inside a caller's transaction (an alert's cooldown and its notification commit together). */
export function notifyIn(tx: Transaction, db: Firestore, uid: string, input: NotificationInput, id: string): void {
  tx.create(notificationsOf(db, uid).doc(id), notificationData(input));
}
