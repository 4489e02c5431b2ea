// Daily usage snapshots (users/{uid}/usage_history/{yyyy-mm-dd}) for the
// analytics trends: every usage document, paged by cursor, written with a
// BulkWriter. Re-running on the same day overwrites that day's snapshot with
// the latest counters, so the job is idempotent.
import { FieldPath, Timestamp, type Firestore, type QueryDocumentSnapshot } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { rolledOver, type UsageDoc } from "../core/planUsage";
import { isUsageDoc } from "./reset";

export interface UsageSnapshotDoc {
  date: string;
  plan: UsageDoc["plan"];
  counters: UsageDoc["counters"];
  limits: UsageDoc["limits"];
  period_start: Timestamp;
  period_end: Timestamp;
  captured_at: Timestamp;
}

/** The calendar day of `date` in `timeZone`, as yyyy-mm-dd (falls back to UTC for an unknown zone). */
export function dayKey(date: Date, timeZone = "UTC"): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
  try {
    return format(timeZone);
  } catch {
    return format("UTC");
  }
}

export async function snapshotDailyUsage(
  db: Firestore,
  now: Date,
  options: { timeZone?: string; pageSize?: number } = {},
): Promise<{ written: number; failed: number; date: string }> {
  const date = dayKey(now, options.timeZone);
  const pageSize = Math.min(Math.max(options.pageSize ?? 300, 1), 500);
  const writer = db.bulkWriter({ throttling: { initialOpsPerSecond: 2_000, maxOpsPerSecond: 20_000 } });
  let written = 0;
  let failed = 0;
  let last: QueryDocumentSnapshot | undefined;
  try {
    for (;;) {
      // Ordering by period_end keeps the subscription documents (no such field) out of the collection group.
      let query = db.collectionGroup("billing").orderBy("period_end").orderBy(FieldPath.documentId()).limit(pageSize);
      if (last) query = query.startAfter(last);
      const page = await query.get();
      for (const doc of page.docs) {
        if (!isUsageDoc(doc)) continue;
        const stored = doc.data() as UsageDoc;
        // An ended period that nobody has touched yet reads as the new, empty one.
        const { usage } = rolledOver(stored, stored.plan, now);
        const snapshot: UsageSnapshotDoc = {
          date,
          plan: usage.plan,
          counters: usage.counters,
          limits: usage.limits,
          period_start: usage.period_start,
          period_end: usage.period_end,
          captured_at: Timestamp.fromDate(now),
        };
        void writer.set(doc.ref.parent.parent!.collection("usage_history").doc(date), snapshot).then(
          () => void (written += 1),
          (err: { code?: unknown }) => {
            failed += 1;
            logger.error("usage snapshot write failed", { path: doc.ref.path, code: err.code });
          },
        );
      }
      await writer.flush();
      if (page.size < pageSize) break;
      last = page.docs[page.docs.length - 1];
    }
  } finally {
    await writer.close();
  }
  return { written, failed, date };
}
