// The monthly usage reset, as a service over Firestore (the scheduled function,
// the admin callable, the tests and the benchmark all call it).
//
// Usage rolls over lazily too (core/quota `currentUsage`), so this job is what
// makes the stored documents, listings and snapshots agree with the calendar
// and what moves ended scheduled cancellations to free. Two passes:
//  1. subscriptions whose scheduled cancel/pause has taken effect
//     (`access_ends_at` <= now) but whose profile still has the paid plan
//     (Paddle's subscription.canceled is late or lost): plan → free, limits too;
//  2. usage documents whose period has ended (collection group "billing",
//     `period_end` <= now): counters to 0, limits of the profile's current plan,
//     the next period from core/planUsage `rolledOver`.
// Pages are read by cursor and written with a BulkWriter, each write guarded by
// the update time it was read at; a write that lost to a concurrent quota
// reservation is redone through readModifyWrite, which re-checks that the
// period is still due. A second run finds nothing due, and a run cut short
// (time budget, crash) is resumed by simply running again.
import {
  FieldPath,
  Timestamp,
  type BulkWriter,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
} from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { planOf } from "../domain/plans";
import { currentUsage } from "../core/quota";
import { readModifyWrite } from "../core/readModifyWrite";
import { generationOf, limitsFor, periodContaining, rolledOver, usageRef, zeroCounters, type UsageDoc } from "../core/planUsage";
import { bestPlan, entitledPlan, SUBSCRIPTIONS, subscriptionRef, type SubscriptionDoc } from "./state";

export interface ResetOptions {
  /** Documents per page (query + profile reads + writes). */
  pageSize?: number;
  /** Wall-clock time (ms since epoch) after which no new page is started. */
  deadlineMs?: number;
  /** BulkWriter throttling; the writes are spread over users' documents, so no hot range. */
  throttling?: boolean | { initialOpsPerSecond?: number; maxOpsPerSecond?: number };
}

export interface ResetReport {
  reset: number;
  notDue: number;
  failed: number;
  /** Users moved to free because a scheduled cancel/pause had taken effect. */
  accessEnded: number;
  pages: number;
  /** False when the time budget ran out with users possibly still due: run again. */
  complete: boolean;
}

// firebase-admin does not re-export this type of @google-cloud/firestore.
type BulkWriterError = Parameters<Parameters<BulkWriter["onWriteError"]>[0]>[0];

const DEFAULT_PAGE = 300;
const FAILED_PRECONDITION = 9;
const RETRYABLE = new Set([4, 8, 10, 14]);

const AI_USAGE_ID = "ai_usage";

/** An ai_usage meter moved into the period containing `now`, counters at zero. */
function rolledMeter(doc: DocumentSnapshot, now: Date) {
  const { start, end } = periodContaining((doc.get("period_start") as Timestamp).toDate(), now);
  return {
    period_start: Timestamp.fromDate(start),
    period_end: Timestamp.fromDate(end),
    counters: { replies: 0, reply_drafts: 0 },
    tokens: { input: 0, output: 0 },
    updated_at: Timestamp.fromDate(now),
  };
}

export function isUsageDoc(doc: DocumentSnapshot): boolean {
  return doc.ref.id === "usage" && doc.ref.parent.parent?.parent.id === "users";
}

function uidOf(doc: DocumentSnapshot): string {
  return doc.ref.parent.parent!.id;
}

/** Usage documents whose period has ended at `now`, in (period_end, path) order. */
export function dueQuery(db: Firestore, now: Date): Query {
  return db
    .collectionGroup("billing")
    .where("period_end", "<=", Timestamp.fromDate(now))
    .orderBy("period_end")
    .orderBy(FieldPath.documentId());
}

// A cursor is the (period_end, path) of the last document of a page, opaque to clients.
export function encodeCursor(doc: DocumentSnapshot): string {
  return Buffer.from(JSON.stringify([(doc.get("period_end") as Timestamp).toMillis(), doc.ref.path])).toString("base64url");
}

export function decodeCursor(cursor: string): [Timestamp, string] | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "string" && /^users\/[^/]+\/billing\/usage$/.test(value[1])) {
      return [Timestamp.fromMillis(value[0]), value[1]];
    }
  } catch {
    /* not ours */
  }
  return null;
}

/**
 * Pass 1 for one subscription: its scheduled cancel/pause has taken effect,
 * so it grants no plan any more; the profile and usage move to the best plan
 * the user's subscriptions still grant. `access_end_due` is cleared in the
 * same batch, so the next month's query does not read it again.
 * Returns whether the plan changed.
 */
async function endAccess(db: Firestore, uid: string, subscriptionId: string, now: Date): Promise<boolean> {
  const subRef = subscriptionRef(db, uid, subscriptionId);
  const profileRef = db.doc(`users/${uid}`);
  const usage = usageRef(db, uid);
  return readModifyWrite(db, [subRef, profileRef, usage], async ([subSnap, profileSnap, usageSnap], writer) => {
    const sub = subSnap.data() as SubscriptionDoc | undefined;
    if (!sub?.access_end_due || sub.access_end_due.toMillis() > now.getTime()) return false;
    const at = Timestamp.fromDate(now);
    const entitled = entitledPlan(sub, now);
    writer.update(subRef, { entitled_plan: entitled, access_end_due: null, updated_at: at });
    if (!profileSnap.exists) return false;
    const others = (await db.collection(`users/${uid}/${SUBSCRIPTIONS}`).get()).docs
      .filter((doc) => doc.id !== subscriptionId)
      .map((doc) => doc.data() as SubscriptionDoc);
    const plan = bestPlan([...others, { ...sub, entitled_plan: entitled }], now);
    const profilePlan = planOf(profileSnap.get("plan")).id;
    // Written even when unchanged: the profile's guard serialises this with a concurrent webhook for another subscription.
    writer.update(profileRef, { plan, updatedAt: at });
    const { usage: current } = currentUsage(usageSnap, profileSnap, now);
    if (current.plan !== plan) writer.write(usage, { ...current, plan, limits: limitsFor(plan), updated_at: at });
    return profilePlan !== plan;
  });
}

/** Scheduled ends of one user's subscriptions that are due; whether any changed the plan. */
async function endAccessOfUser(db: Firestore, uid: string, now: Date): Promise<boolean> {
  const due = await db.collection(`users/${uid}/${SUBSCRIPTIONS}`).where("access_end_due", "<=", Timestamp.fromDate(now)).get();
  let changed = false;
  for (const doc of due.docs) if (await endAccess(db, uid, doc.id, now)) changed = true;
  return changed;
}

async function endScheduledAccess(db: Firestore, now: Date, pageSize: number): Promise<{ ended: number; failed: number }> {
  let ended = 0;
  let failed = 0;
  for (;;) {
    // Each processed document leaves the query (access_end_due cleared), so the first page is always the next one.
    const page = await db
      .collectionGroup(SUBSCRIPTIONS)
      .where("access_end_due", "<=", Timestamp.fromDate(now))
      .orderBy("access_end_due")
      .limit(pageSize)
      .get();
    let progressed = 0;
    for (const doc of page.docs) {
      try {
        if (await endAccess(db, uidOf(doc), doc.id, now)) ended += 1;
        progressed += 1;
      } catch (err) {
        failed += 1;
        logger.error("ending scheduled access failed", { uid: uidOf(doc), error: String(err) });
      }
    }
    if (page.size < pageSize || progressed === 0) return { ended, failed };
  }
}

/**
 * One user's usage: rolled into the next period when due; with `force`,
 * counters back to 0 (limits of the current plan) even mid-period, the period
 * itself unchanged. Re-checks inside an atomic read-modify-write.
 */
export async function resetUserUsage(
  db: Firestore,
  uid: string,
  now: Date,
  options: { force?: boolean } = {},
): Promise<{ status: "reset" | "not_due" | "no_usage"; accessEnded: boolean; usage: UsageDoc | null }> {
  const accessEnded = await endAccessOfUser(db, uid, now);
  const ref = usageRef(db, uid);
  const profileRef = db.doc(`users/${uid}`);
  return readModifyWrite(db, [ref, profileRef], ([usageSnap, profileSnap], writer) => {
    if (!usageSnap.exists) return { status: "no_usage" as const, accessEnded, usage: null };
    const plan = planOf(profileSnap.get("plan")).id;
    const { usage, rolled } = rolledOver(usageSnap.data() as UsageDoc, plan, now);
    if (rolled) {
      writer.write(ref, usage);
      return { status: "reset" as const, accessEnded, usage };
    }
    if (!options.force) return { status: "not_due" as const, accessEnded, usage };
    const at = Timestamp.fromDate(now);
    const forced: UsageDoc = {
      ...usage,
      plan,
      counters: zeroCounters(),
      limits: limitsFor(plan),
      updated_at: at,
      last_reset_at: at,
      generation: generationOf(usage) + 1,
    };
    writer.write(ref, forced);
    return { status: "reset" as const, accessEnded, usage: forced };
  });
}

export async function resetDueUsage(db: Firestore, now: Date, options: ResetOptions = {}): Promise<ResetReport> {
  const pageSize = Math.min(Math.max(options.pageSize ?? DEFAULT_PAGE, 1), 500);
  const report: ResetReport = { reset: 0, notDue: 0, failed: 0, accessEnded: 0, pages: 0, complete: true };
  const pass1 = await endScheduledAccess(db, now, pageSize);
  report.accessEnded = pass1.ended;
  report.failed += pass1.failed;

  const writer = db.bulkWriter({ throttling: options.throttling ?? { initialOpsPerSecond: 2_000, maxOpsPerSecond: 20_000 } });
  // A lost precondition is not retried as is: the document changed, so the decision is remade below.
  writer.onWriteError((err: BulkWriterError) => RETRYABLE.has(Number(err.code)) && err.failedAttempts < 5);
  let last: QueryDocumentSnapshot | undefined;
  try {
    for (;;) {
      if (options.deadlineMs !== undefined && Date.now() >= options.deadlineMs) {
        report.complete = false;
        break;
      }
      let query = dueQuery(db, now).limit(pageSize);
      if (last) query = query.startAfter(last);
      const page = await query.get();
      if (page.empty) break;
      report.pages += 1;
      last = page.docs[page.docs.length - 1];
      // AI activity meters (replies/service) share the period: rolled here too, so they stop being "due".
      const meters = page.docs.filter((doc) => doc.ref.id === AI_USAGE_ID);
      const meterWrites = meters.map((doc) =>
        writer.update(doc.ref, rolledMeter(doc, now), { lastUpdateTime: doc.updateTime }).then(
          () => undefined,
          // Written in between: its writer put it in the current period already.
          (err: BulkWriterError) => void (Number(err.code) === FAILED_PRECONDITION || logger.error("ai_usage roll failed", { path: doc.ref.path, code: err.code })),
        ),
      );
      const docs = page.docs.filter(isUsageDoc);
      const profiles = docs.length ? await db.getAll(...docs.map((doc) => db.doc(`users/${uidOf(doc)}`))) : [];
      const redo: string[] = [];
      const writes = docs.map((doc, i) => {
        const { usage, rolled } = rolledOver(doc.data() as UsageDoc, planOf(profiles[i].get("plan")).id, now);
        if (!rolled) {
          report.notDue += 1;
          return Promise.resolve();
        }
        return writer.update(doc.ref, { ...usage }, { lastUpdateTime: doc.updateTime }).then(
          () => void (report.reset += 1),
          (err: BulkWriterError) => {
            if (Number(err.code) === FAILED_PRECONDITION) redo.push(uidOf(doc));
            else {
              report.failed += 1;
              logger.error("usage reset write failed", { uid: uidOf(doc), code: err.code });
            }
          },
        );
      });
      await writer.flush();
      await Promise.all([...writes, ...meterWrites]);
      for (const uid of redo) {
        try {
          const { status } = await resetUserUsage(db, uid, now);
          if (status === "reset") report.reset += 1;
          else report.notDue += 1;
        } catch (err) {
          report.failed += 1;
          logger.error("usage reset failed", { uid, error: String(err) });
        }
      }
      if (page.size < pageSize) break;
    }
  } finally {
    await writer.close();
  }
  return report;
}

export interface DueUser {
  uid: string;
  plan: string;
  periodEnd: string;
  counters: UsageDoc["counters"];
}

/** Operators' view: users whose period has ended and who have not been reset yet. */
export async function listUsersDueReset(
  db: Firestore,
  now: Date,
  page: { limit: number; cursor?: [Timestamp, string] },
): Promise<{ users: DueUser[]; nextCursor: string | null }> {
  let query = dueQuery(db, now).limit(page.limit);
  if (page.cursor) query = query.startAfter(...page.cursor);
  const snap = await query.get();
  const users = snap.docs.filter(isUsageDoc).map((doc) => {
    const usage = doc.data() as UsageDoc;
    return { uid: uidOf(doc), plan: usage.plan, periodEnd: usage.period_end.toDate().toISOString(), counters: usage.counters };
  });
  const lastDoc = snap.docs[snap.docs.length - 1];
  return { users, nextCursor: snap.size === page.limit && lastDoc ? encodeCursor(lastDoc) : null };
}
