// Notifications to the creator, users/{uid}/notifications/{id}, in the shape
// the notifications feature reads: {type, source, title, body, read, createdAt,
// ...extra}. The rules write them only through here.
import { Timestamp, type Firestore } from "firebase-admin/firestore";

export interface Notification {
  type: string;
  title: string;
  body: string;
  extra?: Record<string, unknown>;
}

export async function notify(db: Firestore, uid: string, n: Notification, now: Date): Promise<string> {
  const ref = await db.collection(`users/${uid}/notifications`).add({
    type: n.type,
    source: "rules",
    title: n.title,
    body: n.body,
    read: false,
    createdAt: Timestamp.fromDate(now),
    ...n.extra,
  });
  return ref.id;
}
