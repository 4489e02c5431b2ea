// The day's cap on automatic actions per channel: users/{uid}/rule_caps/{channelId}_{yyyy-mm-dd},
// reserved one action at a time in a transaction before the action, so two
// runs at once never pass the cap together.
import { FieldValue, type Firestore } from "firebase-admin/firestore";

export async function reserveDaily(db: Firestore, uid: string, channelId: string, now: Date, max: number): Promise<boolean> {
  const ref = db.doc(`users/${uid}/rule_caps/${channelId}_${now.toISOString().slice(0, 10)}`);
  return db.runTransaction(async (tx) => {
    const used = ((await tx.get(ref)).get("actions") as number | undefined) ?? 0;
    if (used >= max) return false;
    tx.set(ref, { actions: FieldValue.increment(1), channelId }, { merge: true });
    return true;
  });
}
