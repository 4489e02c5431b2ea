// The one place the inbox's YouTube units are charged to the project's daily
// budget (YouTube counts a project's 10,000 units per Pacific-time day, for
// every key and every OAuth user together). Posting a reply and setting a
// moderation status cost 50 units each; list calls 1 per page.
//
// Units are charged *before* the call and refunded when no response arrived
// (a call YouTube answered costs its units even when it failed). The ledger
// here is one document per Pacific day, incremented atomically, so concurrent
// instances never lose a charge. At merge this function forwards to the
// project-wide budget (core/budgets/youtubeBudget.charge with `purpose`, which
// also enforces the daily cap and the user's allowance and throws
// resource-exhausted): every inbox unit already passes through here.
import { FieldValue, type Firestore } from "firebase-admin/firestore";

/** YouTube Data API v3 cost of each call the inbox makes. */
export const UNIT_COST = {
  "comments.insert": 50,
  "comments.setModerationStatus": 50,
  "comments.list": 1,
  "commentThreads.list": 1,
  "channels.list": 1,
  "videos.list": 1,
} as const;

export type UnitOperation = keyof typeof UNIT_COST;

/** The budget's purposes (core/budgets): posting and moderating are writes; an analysis' reply pages are part of the analysis. */
export const PURPOSE_OF: Record<UnitOperation, "lookup" | "analysis" | "write"> = {
  "comments.insert": "write",
  "comments.setModerationStatus": "write",
  "comments.list": "analysis",
  "commentThreads.list": "lookup",
  "channels.list": "lookup",
  "videos.list": "lookup",
};

export const YOUTUBE_LEDGER_COLLECTION = "youtube_unit_days";

export interface UnitCharge {
  db: Firestore;
  /** Negative to refund units charged for a call that never reached YouTube. */
  units: number;
  operation: UnitOperation;
  /** Who spent them (for the per-user view of the ledger). */
  uid?: string;
  now?: Date;
}

/** yyyy-mm-dd of `now` in America/Los_Angeles, the day YouTube's quota resets on. */
export function pacificDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export async function chargeUnits(charge: UnitCharge): Promise<void> {
  if (charge.units === 0) return;
  const now = charge.now ?? new Date();
  const day = pacificDay(now);
  const inc = FieldValue.increment(charge.units);
  await charge.db
    .collection(YOUTUBE_LEDGER_COLLECTION)
    .doc(day)
    .set(
      {
        day,
        units: inc,
        // Map keys without dots, so they read back as plain fields.
        byOperation: { [charge.operation.replace(".", "_")]: inc },
        byPurpose: { [PURPOSE_OF[charge.operation]]: inc },
        ...(charge.uid ? { byUser: { [charge.uid]: inc } } : {}),
        updatedAt: FieldValue.serverTimestamp(),
      },
      { merge: true },
    );
}
