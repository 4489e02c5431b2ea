// Quota reservations. Usage is reserved atomically *before* the work, so
// concurrent starts can never exceed a limit, and released if the work fails.
// A reservation is the charge: on success there is nothing more to write.
//
// The decision functions (`currentUsage`, `reserveOn`, `releaseOn`) are pure,
// so a caller can combine a reservation with its own writes in one
// readModifyWrite (e.g. the analysis trigger claiming its job).
import { HttpsError } from "firebase-functions/v2/https";
import { Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { planOf, type UsageType } from "./plans";
import { readModifyWrite } from "./readModifyWrite";
import { newUsage, rolledOver, usageRef, type UsageDoc } from "./usage";

export interface Reservation {
  uid: string;
  type: UsageType;
  amount: number;
  /** Identifies the period charged, so a release after a reset never touches the new period. */
  periodStart: number;
  /** Counter after the reservation, and the limit (null: unlimited). */
  used: number;
  limit: number | null;
}

export interface QuotaExceededDetails {
  error: "quota_exceeded";
  usage_type: UsageType;
  current: number;
  limit: number;
  remaining: number;
  message: string;
  upgrade_required: true;
}

const LABELS: Record<UsageType, string> = { videos: "video analyses", ai_questions: "AI questions" };

export function quotaExceeded(type: UsageType, current: number, limit: number): HttpsError {
  const message = `You have used ${current} of ${limit} ${LABELS[type]} this month. Upgrade your plan for more.`;
  const details: QuotaExceededDetails = {
    error: "quota_exceeded",
    usage_type: type,
    current,
    limit,
    remaining: Math.max(0, limit - current),
    message,
    upgrade_required: true,
  };
  return new HttpsError("resource-exhausted", message, details);
}

/** The documents a usage decision reads: the usage itself and the profile (for the plan). */
export function usageDocs(db: Firestore, uid: string): [DocumentReference<UsageDoc>, DocumentReference] {
  return [usageRef(db, uid), db.doc(`users/${uid}`)];
}

/** Usage as it stands at `now`: created when missing, rolled into a new period when ended. */
export function currentUsage(
  usageSnap: DocumentSnapshot,
  profileSnap: DocumentSnapshot,
  now: Date,
): { usage: UsageDoc; changed: boolean } {
  const plan = planOf(profileSnap.get("plan")).id;
  const stored = usageSnap.data() as UsageDoc | undefined;
  if (!stored) return { usage: newUsage(plan, now), changed: true };
  const { usage, rolled } = rolledOver(stored, plan, now);
  return { usage, changed: rolled };
}

/** Throws `resource-exhausted` with the quota details when `amount` more does not fit. */
export function assertAvailable(usage: UsageDoc, type: UsageType, amount: number): void {
  const limit = usage.limits[type];
  if (limit !== null && usage.counters[type] + amount > limit) throw quotaExceeded(type, usage.counters[type], limit);
}

/** The usage after reserving `amount`, or a `resource-exhausted` error with the quota details. */
export function reserveOn(
  usage: UsageDoc,
  uid: string,
  type: UsageType,
  amount: number,
  now: Date,
): { next: UsageDoc; reservation: Reservation } {
  assertAvailable(usage, type, amount);
  const used = usage.counters[type] + amount;
  const limit = usage.limits[type];
  return {
    next: { ...usage, counters: { ...usage.counters, [type]: used }, updated_at: Timestamp.fromDate(now) },
    reservation: { uid, type, amount, periodStart: usage.period_start.toMillis(), used, limit },
  };
}

/** The usage after giving a reservation back, or null when there is nothing to give back. */
export function releaseOn(usage: UsageDoc | undefined, reservation: Reservation, now: Date): UsageDoc | null {
  if (!usage || usage.period_start.toMillis() !== reservation.periodStart) return null;
  const current = usage.counters[reservation.type];
  if (current <= 0) return null;
  return {
    ...usage,
    counters: { ...usage.counters, [reservation.type]: Math.max(0, current - reservation.amount) },
    updated_at: Timestamp.fromDate(now),
  };
}

export async function reserveUsage(
  db: Firestore,
  uid: string,
  type: UsageType,
  amount = 1,
  now = new Date(),
): Promise<Reservation> {
  const [ref, profileRef] = usageDocs(db, uid);
  return readModifyWrite(db, [ref, profileRef], ([usageSnap, profileSnap], writer) => {
    const { usage } = currentUsage(usageSnap, profileSnap, now);
    const { next, reservation } = reserveOn(usage, uid, type, amount, now);
    writer.write(ref, next);
    return reservation;
  });
}

/** Gives a reservation back. Never below zero, never into a later period. */
export async function releaseUsage(db: Firestore, reservation: Reservation, now = new Date()): Promise<void> {
  const ref = usageRef(db, reservation.uid);
  await readModifyWrite(db, [ref], ([snap], writer) => {
    const next = releaseOn(snap.data() as UsageDoc | undefined, reservation, now);
    if (next) writer.write(ref, next);
  });
}

/** Read-only check for a fast answer before work is queued; the reservation is what counts. */
export async function checkUsage(
  db: Firestore,
  uid: string,
  type: UsageType,
  amount = 1,
  now = new Date(),
): Promise<{ allowed: boolean; current: number; limit: number | null; remaining: number | null }> {
  const [usageSnap, profileSnap] = await db.getAll(...usageDocs(db, uid));
  const { usage } = currentUsage(usageSnap, profileSnap, now);
  const current = usage.counters[type];
  const limit = usage.limits[type];
  return {
    allowed: limit === null || current + amount <= limit,
    current,
    limit,
    remaining: limit === null ? null : Math.max(0, limit - current),
  };
}
