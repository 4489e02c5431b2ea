// The project's YouTube budget: one unit ledger per Pacific day (as YouTube
// counts its quota) and a per-user daily allowance by plan (domain/plans.ts).
// Every YouTube call is charged *before* it is made, so the ledger can never
// be behind what was spent.
//
// The API (all in `youtubeBudget`):
//   charge(db, {userId, plan, purpose, units})  → Charge      reserve-before-spend; throws resource-exhausted
//   refund(db, charge, units)                                  give back units reserved and not spent
//   meter(db, {userId, plan, purpose}) → BudgetedUnitMeter     a UnitMeter for the YouTube service: it charges
//                                                              one unit before every HTTP call; `prepay(n)` reserves
//                                                              n at once (an analysis' pages), `settle()` refunds
//                                                              what was prepaid and not used; a call YouTube never
//                                                              saw (no HTTP status) gets its unit back (`release`)
//   usage(db, userId?)                                         today's figures (ledger and user)
//
// Purposes: "lookup" (getVideo, validateVideo, fetchComments, startAnalysis'
// check) and "write" (posting a reply) spend the user's daily allowance and are
// refused once the project ledger reaches its cap minus the analysis reserve;
// "analysis" (an analysis' video and comment pages) is not limited per user (the
// monthly video quota bounds it) and, on a paid plan, may spend the reserve up
// to the project's daily quota: near the cap, look-ups stop before paid analyses.
//
// Documents: budgets/youtube_{day} (project) and users/{uid}/youtube_units/{day}
// (user), written in one atomic optimistic read-modify-write. The project
// document takes one write per charge; charges are bounded by the daily quota
// itself (10,000 units ≈ 0.1 writes/s on average) and refusals write nothing.
import { FieldValue, Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { PLANS, type PlanId } from "../../domain/plans";
import { ContentionError, readModifyWrite } from "../readModifyWrite";
import { YOUTUBE_ANALYSIS_RESERVE_PERCENT, YOUTUBE_DAILY_UNITS } from "./config";
import { pacificDay } from "./pacificDay";
import { UnitMeter } from "./unitMeter";

export type YoutubePurpose = "lookup" | "analysis" | "write";

export interface YoutubeSpender {
  userId: string;
  plan: PlanId;
  purpose: YoutubePurpose;
}

export interface YoutubeBudgetConfig {
  /** The project's daily quota (YOUTUBE_DAILY_UNITS). */
  dailyUnits: number;
  /** Share (0..1) of `dailyUnits` kept for paid analyses. */
  analysisReserveShare: number;
}

export interface YoutubeBudgetOptions {
  now?: () => Date;
  config?: YoutubeBudgetConfig;
}

/** What a successful charge reserved, to refund against the same day's documents. */
export interface Charge {
  userId: string;
  purpose: YoutubePurpose;
  day: string;
  units: number;
}

interface LedgerDoc {
  day: string;
  units: number;
  byPurpose: Record<YoutubePurpose, number>;
  resetsAt: Timestamp;
  updatedAt: Timestamp;
  /** A TTL policy may delete old days; nothing reads them. */
  expiresAt: Timestamp;
}

export function youtubeBudgetConfigFromParams(): YoutubeBudgetConfig {
  return { dailyUnits: YOUTUBE_DAILY_UNITS.value(), analysisReserveShare: YOUTUBE_ANALYSIS_RESERVE_PERCENT.value() / 100 };
}

function ledgerRef(db: Firestore, day: string): DocumentReference<LedgerDoc> {
  return db.doc(`budgets/youtube_${day}`) as DocumentReference<LedgerDoc>;
}

function userLedgerRef(db: Firestore, userId: string, day: string): DocumentReference<LedgerDoc> {
  return db.doc(`users/${userId}/youtube_units/${day}`) as DocumentReference<LedgerDoc>;
}

/** Units the project may have spent when a charge for `purpose` on `plan` would still be allowed. */
export function projectCap(config: YoutubeBudgetConfig, purpose: YoutubePurpose, plan: PlanId): number {
  const paidAnalysis = purpose === "analysis" && plan !== "free";
  return paidAnalysis ? config.dailyUnits : Math.floor(config.dailyUnits * (1 - config.analysisReserveShare));
}

export type ChargeDecision = { ok: true } | { ok: false; scope: "project" | "user"; used: number; limit: number };

/** Pure decision: may `units` more be spent for this spender, given today's project and user totals? */
export function decideCharge(projectUsed: number, userUsed: number, spender: YoutubeSpender, units: number, config: YoutubeBudgetConfig): ChargeDecision {
  const cap = projectCap(config, spender.purpose, spender.plan);
  if (projectUsed + units > cap) return { ok: false, scope: "project", used: projectUsed, limit: cap };
  if (spender.purpose !== "analysis") {
    const allowance = PLANS[spender.plan].budgets.youtube_units_per_day;
    if (userUsed + units > allowance) return { ok: false, scope: "user", used: userUsed, limit: allowance };
  }
  return { ok: true };
}

function exhausted(decision: Extract<ChargeDecision, { ok: false }>, resetsAt: Date, now: Date): HttpsError {
  const retryAfterSeconds = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  const message =
    decision.scope === "user"
      ? `You have used today's YouTube look-ups (${decision.limit} units); they reset at midnight Pacific time.`
      : "Lently's YouTube budget for today is used up; it resets at midnight Pacific time.";
  return new HttpsError("resource-exhausted", message, {
    error: decision.scope === "user" ? "youtube_daily_allowance" : "youtube_budget_exhausted",
    scope: decision.scope,
    used: decision.used,
    limit: decision.limit,
    resetsAt: resetsAt.toISOString(),
    retryAfterSeconds,
  });
}

function emptyLedger(day: string, resetsAt: Date, now: Date): LedgerDoc {
  return {
    day,
    units: 0,
    byPurpose: { lookup: 0, analysis: 0, write: 0 },
    resetsAt: Timestamp.fromDate(resetsAt),
    updatedAt: Timestamp.fromDate(now),
    expiresAt: Timestamp.fromDate(new Date(resetsAt.getTime() + 7 * 86_400_000)),
  };
}

function added(doc: LedgerDoc, purpose: YoutubePurpose, units: number, now: Date): LedgerDoc {
  return {
    ...doc,
    units: doc.units + units,
    byPurpose: { ...doc.byPurpose, [purpose]: (doc.byPurpose[purpose] ?? 0) + units },
    updatedAt: Timestamp.fromDate(now),
  };
}

/** Reserves `units` on today's ledgers, or throws resource-exhausted (with `resetsAt`) and reserves nothing. */
async function charge(db: Firestore, request: YoutubeSpender & { units: number }, options: YoutubeBudgetOptions = {}): Promise<Charge> {
  const now = (options.now ?? (() => new Date()))();
  const config = options.config ?? youtubeBudgetConfigFromParams();
  const { day, resetsAt } = pacificDay(now);
  const project = ledgerRef(db, day);
  const user = userLedgerRef(db, request.userId, day);
  try {
    await readModifyWrite(db, [project, user], ([projectSnap, userSnap], writer) => {
      const projectDoc = (projectSnap.data() as LedgerDoc | undefined) ?? emptyLedger(day, resetsAt, now);
      const userDoc = (userSnap.data() as LedgerDoc | undefined) ?? emptyLedger(day, resetsAt, now);
      const decision = decideCharge(projectDoc.units, userDoc.units, request, request.units, config);
      if (!decision.ok) throw exhausted(decision, resetsAt, now);
      writer.write(project, added(projectDoc, request.purpose, request.units, now));
      writer.write(user, added(userDoc, request.purpose, request.units, now));
    });
  } catch (err) {
    // Never `internal` for a busy ledger: the caller may simply try again.
    if (err instanceof ContentionError) {
      throw new HttpsError("resource-exhausted", "Too many YouTube requests at once. Try again in a few seconds.", { error: "youtube_budget_busy", retryAfterSeconds: 2 });
    }
    throw err;
  }
  return { userId: request.userId, purpose: request.purpose, day, units: request.units };
}

/** Gives back `units` of a charge that were not spent (increments: no read, no conflict). */
async function refund(db: Firestore, reserved: Charge, units: number): Promise<void> {
  const n = Math.min(units, reserved.units);
  if (n <= 0) return;
  const back = { units: FieldValue.increment(-n), [`byPurpose.${reserved.purpose}`]: FieldValue.increment(-n) };
  const batch = db.batch();
  batch.update(ledgerRef(db, reserved.day), back);
  batch.update(userLedgerRef(db, reserved.userId, reserved.day), back);
  await batch.commit();
}

/** Today's ledger figures: the project's, and the user's when `userId` is given. */
async function usage(db: Firestore, userId?: string, options: YoutubeBudgetOptions = {}) {
  const now = (options.now ?? (() => new Date()))();
  const { day, resetsAt } = pacificDay(now);
  const [project, user] = await Promise.all([ledgerRef(db, day).get(), userId ? userLedgerRef(db, userId, day).get() : Promise.resolve(null)]);
  return {
    day,
    resetsAt,
    projectUnits: project.data()?.units ?? 0,
    userUnits: user?.data()?.units ?? 0,
  };
}

/**
 * A UnitMeter that charges the budget before every YouTube call the service
 * makes (retries included). Prepaid units are used first; `settle()` refunds
 * the prepaid units left over and is safe to call more than once.
 */
export class BudgetedUnitMeter extends UnitMeter {
  private prepaid: Charge[] = [];
  private prepaidLeft = 0;
  /** Units charged to the ledger by this meter (prepaid included, refunds deducted). */
  charged = 0;

  constructor(
    private readonly db: Firestore,
    private readonly spender: YoutubeSpender,
    private readonly options: YoutubeBudgetOptions = {},
  ) {
    super();
  }

  /** Reserves `units` up front (one ledger write for all of an analysis' pages). */
  async prepay(units: number): Promise<void> {
    if (units <= 0) return;
    this.prepaid.push(await charge(this.db, { ...this.spender, units }, this.options));
    this.prepaidLeft += units;
    this.charged += units;
  }

  override async reserve(): Promise<Charge | "prepaid"> {
    if (this.prepaidLeft > 0) {
      this.prepaidLeft -= 1;
      return "prepaid";
    }
    const reserved = await charge(this.db, { ...this.spender, units: 1 }, this.options);
    this.charged += 1;
    return reserved;
  }

  /** The call reserved for never reached YouTube (the network failed): its unit goes back to the prepaid pool or the ledger. */
  override async release(reservation: unknown): Promise<void> {
    if (reservation === "prepaid") {
      this.prepaidLeft += 1;
      return;
    }
    if (!isCharge(reservation)) return;
    await refund(this.db, reservation, reservation.units);
    this.charged -= reservation.units;
  }

  /** Refunds the prepaid units that no call used. */
  async settle(): Promise<void> {
    let left = this.prepaidLeft;
    this.prepaidLeft = 0;
    // The unused units are the last ones prepaid.
    for (const reserved of [...this.prepaid].reverse()) {
      if (left <= 0) break;
      const n = Math.min(left, reserved.units);
      await refund(this.db, reserved, n);
      this.charged -= n;
      left -= n;
    }
    this.prepaid = [];
  }
}

const isCharge = (value: unknown): value is Charge =>
  typeof value === "object" && value !== null && typeof (value as Charge).day === "string" && typeof (value as Charge).units === "number";

export const youtubeBudget = {
  charge,
  refund,
  usage,
  meter: (db: Firestore, spender: YoutubeSpender, options?: YoutubeBudgetOptions) => new BudgetedUnitMeter(db, spender, options),
};
