// What each YouTube call the connected channel makes costs, and its charge to
// the project's YouTube budget (core/budgets/youtubeBudget: the Pacific-day
// ledger, the per-user allowance, the analysis reserve). Posting a reply and
// setting a moderation status cost 50 units each; list calls 1 per page. An
// analysis' reply pages are not charged here: the analysis' BudgetedUnitMeter
// charges them like its other pages (analysis/youtubeSource.ts).
import type { Firestore } from "firebase-admin/firestore";
import { youtubeBudget, type Charge, type YoutubeBudgetOptions, type YoutubePurpose } from "../core/budgets/youtubeBudget";
import type { PlanId } from "../domain/plans";

/** YouTube Data API v3 cost of each call the owner's client makes. */
export const UNIT_COST = {
  "comments.insert": 50,
  "comments.setModerationStatus": 50,
  "commentThreads.list": 1,
  "channels.list": 1,
} as const;

export type UnitOperation = keyof typeof UNIT_COST;

/** The budget purpose of each operation: posting and moderating are writes, reading the channel and its queue are look-ups. */
export const PURPOSE_OF: Record<UnitOperation, YoutubePurpose> = {
  "comments.insert": "write",
  "comments.setModerationStatus": "write",
  "commentThreads.list": "lookup",
  "channels.list": "lookup",
};

export interface UnitRequest {
  userId: string;
  plan: PlanId;
  operation: UnitOperation;
}

/** Reserves the operation's units before the call; throws resource-exhausted (and reserves nothing) when the budget refuses. */
export function chargeUnits(db: Firestore, request: UnitRequest, options?: YoutubeBudgetOptions): Promise<Charge> {
  const { operation, ...spender } = request;
  return youtubeBudget.charge(db, { ...spender, purpose: PURPOSE_OF[operation], units: UNIT_COST[operation] }, options);
}

/** Gives a charge back whole: the call never reached YouTube. */
export function refundUnits(db: Firestore, charge: Charge): Promise<void> {
  return youtubeBudget.refund(db, charge, charge.units);
}
