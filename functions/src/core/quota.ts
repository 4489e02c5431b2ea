// Quota reservations. Usage is reserved atomically *before* the work, so
// concurrent starts can never exceed a limit, and released if the work fails.
// A reservation is the charge: on success there is nothing more to write.
//
// The decision functions (`currentUsage`, `reserveOn`, `releaseOn`) are pure,
// so a caller can combine a reservation with its own writes in one
// readModifyWrite (e.g. the analysis trigger claiming its job).
import { randomUUID } from "node:crypto";
import { HttpsError } from "firebase-functions/v2/https";
import { Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";
import { planOf, type UsageType } from "../domain/plans";
import { readModifyWrite } from "./readModifyWrite";
import { generationOf, newUsage, normalizeUsage, rolledOver, usageRef, type UsageDoc } from "./planUsage";

export interface Reservation {
  uid: string;
  type: UsageType;
  amount: number;
  /** Identifies the period charged, so a release after a reset never touches the new period. */
  periodStart: number;
  /**
   * The usage document's reset generation when charged (core/planUsage). A forced
   * reset keeps the period but starts a new generation, so a release of an
   * older charge refunds nothing. Absent on reservations made before it existed.
   */
  generation?: number;
  /** Names the reservation, so releaseUsage gives it back at most once. */
  id?: string;
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

const LABELS: Record<UsageType, string> = { videos: "video analyses", ai_questions: "AI questions", replies: "reply drafts" };

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
  const raw = usageSnap.data() as UsageDoc | undefined;
  if (!raw) return { usage: newUsage(plan, now), changed: true };
  const stored = normalizeUsage(raw);
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
    reservation: { uid, type, amount, periodStart: usage.period_start.toMillis(), generation: generationOf(usage), id: randomUUID(), used, limit },
  };
}

/** The usage after giving a reservation back, or null when there is nothing to give back. */
export function releaseOn(stored: UsageDoc | undefined, reservation: Reservation, now: Date): UsageDoc | null {
  if (!stored || stored.period_start.toMillis() !== reservation.periodStart) return null;
  const usage = normalizeUsage(stored);
  if (reservation.generation !== undefined && generationOf(usage) !== reservation.generation) return null;
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

/** users/{uid}/quota_releases/{reservationId}: written with the refund, so a reservation is given back once. */
function releaseMarker(db: Firestore, reservation: Reservation): DocumentReference | null {
  return reservation.id ? db.doc(`users/${reservation.uid}/quota_releases/${reservation.id}`) : null;
}

/**
 * Gives a reservation back: at most once (a marker is created in the same
 * batch as the refund), never below zero, never into a later period or reset
 * generation.
 */
export async function releaseUsage(db: Firestore, reservation: Reservation, now = new Date()): Promise<void> {
  const ref = usageRef(db, reservation.uid);
  const marker = releaseMarker(db, reservation);
  await readModifyWrite(db, marker ? [ref, marker] : [ref], ([snap, markerSnap], writer) => {
    if (markerSnap?.exists) return;
    const next = releaseOn(snap.data() as UsageDoc | undefined, reservation, now);
    if (!next) return;
    writer.write(ref, next);
    if (marker) writer.write(marker, { type: reservation.type, amount: reservation.amount, released_at: Timestamp.fromDate(now) });
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
