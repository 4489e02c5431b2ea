// What every callable that may spend YouTube units does first: the caller's
// per-minute look-up limit, their plan, and a unit meter that charges the
// project's daily ledger and the caller's daily allowance before each call
// (core/budgets/youtubeBudget.ts). Cache hits spend nothing and charge nothing.
import type { Firestore } from "firebase-admin/firestore";
import { youtubeBudget, type BudgetedUnitMeter, type YoutubeBudgetConfig } from "../core/budgets/youtubeBudget";
import { YOUTUBE_LOOKUPS_PER_MINUTE } from "../core/budgets/config";
import type { PlanId } from "../domain/plans";
import { consumeRateLimit } from "../core/rateLimit";
import { commentLimitFor } from "./ingest";

export interface LookupDeps {
  db: Firestore;
  /** Look-ups per user per minute, shared by getVideo, validateVideo, fetchComments and startAnalysis. */
  perMinute: number;
  now?: () => Date;
  /** Default: the YOUTUBE_DAILY_UNITS / YOUTUBE_ANALYSIS_RESERVE_PERCENT params. */
  budget?: YoutubeBudgetConfig;
}

export const LOOKUP_RATE_KEY = "youtube_lookups";

export function lookupDepsFromParams(db: Firestore): LookupDeps {
  return { db, perMinute: YOUTUBE_LOOKUPS_PER_MINUTE.value() };
}

export interface Lookup {
  plan: PlanId;
  commentLimit: number;
  meter: BudgetedUnitMeter;
}

/** Takes one look-up from the caller's per-minute limit (resource-exhausted when full) and returns a budgeted meter. */
export async function startLookup(deps: LookupDeps, uid: string): Promise<Lookup> {
  const now = deps.now ?? (() => new Date());
  await consumeRateLimit(deps.db, uid, { key: LOOKUP_RATE_KEY, limit: deps.perMinute, windowMs: 60_000 }, "YouTube look-ups", now());
  const { plan, limit } = await commentLimitFor(deps.db, uid, now());
  const meter = youtubeBudget.meter(deps.db, { userId: uid, plan, purpose: "lookup" }, { now, config: deps.budget });
  return { plan, commentLimit: limit, meter };
}
