// Firing an alert once per cooldown: the condition's state
// (users/{uid}/alert_state/{key}) and its notification commit in one guarded
// write, so two evaluations racing (a sync batch and an analysis, a redelivered
// trigger) give one notification, and none while the cooldown runs.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { readModifyWrite } from "../core/readModifyWrite";
import { notificationData, notificationsOf, type NotificationInput } from "../notifications/store";

export interface AlertEvent {
  uid: string;
  /** One condition, e.g. `negative_share_{videoId}`: the unit of the cooldown. */
  key: string;
  /** What caused this evaluation (an analysis id, a sync run and batch): a redelivery of it fires nothing new. */
  eventId: string;
  cooldownHours: number;
  now: Date;
  notification: NotificationInput;
}

export type FireOutcome = "fired" | "cooldown" | "already";

const safeId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 200);

export async function fireAlert(db: Firestore, event: AlertEvent): Promise<FireOutcome> {
  const stateRef = db.collection("users").doc(event.uid).collection("alert_state").doc(safeId(event.key));
  const notificationRef = notificationsOf(db, event.uid).doc(safeId(`${event.key}_${event.eventId}`));
  return readModifyWrite(db, [stateRef, notificationRef], ([state, existing], writer) => {
    if (existing.exists || state.get("lastEventId") === event.eventId) return "already";
    const last = state.get("lastFiredAt") as Timestamp | undefined;
    if (last && event.now.getTime() - last.toMillis() < event.cooldownHours * 3_600_000) {
      writer.write(stateRef, { ...state.data(), suppressed: ((state.get("suppressed") as number | undefined) ?? 0) + 1, lastSuppressedAt: Timestamp.fromDate(event.now) });
      return "cooldown";
    }
    writer.write(stateRef, { key: event.key, lastFiredAt: Timestamp.fromDate(event.now), lastEventId: event.eventId, notificationId: notificationRef.id, suppressed: 0 });
    writer.write(notificationRef, notificationData(event.notification));
    return "fired";
  });
}
