// The monthly synced-comments allowance (plan table: sync.syncedCommentsPerMonth):
// users/{uid}/billing/sync_usage {month: "yyyy-mm", used}. A sync reserves the
// comments it is about to analyse in the same commit that creates its job, and
// gives back what it did not analyse if the job fails.
import { FieldValue, type Firestore, type Transaction } from "firebase-admin/firestore";
import { planOf } from "../domain/plans";

export const syncUsageRef = (db: Firestore, uid: string) => db.doc(`users/${uid}/billing/sync_usage`);
const monthOf = (now: Date) => now.toISOString().slice(0, 7);

export async function allowanceLeft(db: Firestore, uid: string, now: Date): Promise<{ used: number; limit: number; remaining: number }> {
  const [profile, usage] = await db.getAll(db.doc(`users/${uid}`), syncUsageRef(db, uid));
  const limit = planOf(profile.get("plan")).sync.syncedCommentsPerMonth;
  const used = usage.get("month") === monthOf(now) ? ((usage.get("used") as number | undefined) ?? 0) : 0;
  return { used, limit, remaining: Math.max(0, limit - used) };
}

/** Reserves `amount` in a transaction that already read the usage document (`current`). */
export function reserveInTransaction(tx: Transaction, db: Firestore, uid: string, current: FirebaseFirestore.DocumentSnapshot, amount: number, now: Date): void {
  const month = monthOf(now);
  if (current.get("month") === month) tx.update(syncUsageRef(db, uid), { used: FieldValue.increment(amount) });
  else tx.set(syncUsageRef(db, uid), { userId: uid, month, used: amount });
}

/** Gives back a reservation of the same month (a failed sync). */
export async function releaseAllowance(db: Firestore, uid: string, month: string, amount: number): Promise<void> {
  if (amount <= 0) return;
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(syncUsageRef(db, uid));
    if (snap.get("month") !== month) return;
    tx.update(syncUsageRef(db, uid), { used: Math.max(0, ((snap.get("used") as number | undefined) ?? 0) - amount) });
  });
}
