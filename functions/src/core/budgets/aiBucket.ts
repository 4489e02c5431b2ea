// The shared Gemini budget for calls made outside the analysis queue: one
// Firestore document per pool (budgets/ai_interactive, budgets/ai_finalize)
// that every instance schedules its calls on. Each pool is a GCRA token bucket
// (the "virtual scheduling" form of a token bucket: the document stores the
// theoretical arrival time of the next unit), one lane for requests and one for
// estimated tokens when a TPM is set. A caller gets a start time; when it is
// within `maxWaitMs` the slot is booked and the caller sleeps until then,
// otherwise nothing is booked and it gets resource-exhausted with retryAfter.
//
// Contention: one document for all instances is deliberate. Splitting it into
// shards would split the share too (a 12-RPM share over 4 shards lets no shard
// burst), and the write rate is bounded by the budget itself: a booking is one
// write, a refusal writes nothing, and within an instance bookings go one at a
// time, so the document sees at most (calls granted + instances) writes per
// minute. Conflicts are resolved by the optimistic read-modify-write.
//
//   const gate = aiBudgetGate(db, "interactive");      // one per instance and pool
//   await gate.acquire({ tokens });                    // before each Gemini HTTP attempt
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { ContentionError, readModifyWrite } from "../readModifyWrite";
import { aiBudgetFromParams, laneTiming, poolLimits, type AiPool, type PoolLimits } from "./aiShares";
import type { CallCost, CallGate } from "./callGate";
import { AI_BUDGET_MAX_WAIT_SECONDS } from "./config";

interface BucketDoc {
  pool: AiPool;
  /** Theoretical arrival time (epoch ms) of the next request / token. */
  requestsTat: number;
  tokensTat: number;
  updatedAt: Timestamp;
}

interface Lane {
  emissionMs: number;
  toleranceMs: number;
}

export interface Lanes {
  requests: Lane | null;
  tokens: Lane | null;
}

export function lanesOf(limits: PoolLimits, allowanceMs?: number): Lanes {
  return {
    requests: limits.requests ? laneTiming(limits.requests, allowanceMs) : null,
    tokens: limits.tokens ? laneTiming(limits.tokens, allowanceMs) : null,
  };
}

/** Pure GCRA step: when a call costing `tokens` may start at the earliest, and the state after booking it. */
export function schedule(
  state: { requestsTat: number; tokensTat: number },
  now: number,
  tokens: number,
  lanes: Lanes,
): { startAt: number; requestsTat: number; tokensTat: number } {
  let startAt = now;
  if (lanes.requests) startAt = Math.max(startAt, state.requestsTat - lanes.requests.toleranceMs);
  if (lanes.tokens) startAt = Math.max(startAt, state.tokensTat - lanes.tokens.toleranceMs);
  return {
    startAt,
    requestsTat: lanes.requests ? Math.max(state.requestsTat, startAt) + lanes.requests.emissionMs : state.requestsTat,
    tokensTat: lanes.tokens ? Math.max(state.tokensTat, startAt) + Math.max(0, tokens) * lanes.tokens.emissionMs : state.tokensTat,
  };
}

/** Over the shared AI budget: resource-exhausted, with when to try again. `retryAfterMs` for server-side callers (a task may re-queue). */
export class AiBudgetExhaustedError extends HttpsError {
  constructor(
    readonly pool: AiPool,
    readonly retryAfterMs: number,
  ) {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super("resource-exhausted", `The AI is busy right now. Try again in ${retryAfterSeconds} s.`, {
      error: "ai_budget_exhausted",
      pool,
      retryAfterSeconds,
    });
    this.name = "AiBudgetExhaustedError";
  }
}

export interface AiBucketOptions {
  /** The longest a caller waits for its slot before being refused. */
  maxWaitMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** See aiShares.LATENCY_ALLOWANCE_MS. */
  allowanceMs?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SharedAiBucket implements CallGate {
  private readonly lanes: Lanes;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly ref: DocumentReference<BucketDoc>;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Firestore,
    readonly pool: AiPool,
    limits: PoolLimits,
    private readonly options: AiBucketOptions,
  ) {
    this.lanes = lanesOf(limits, options.allowanceMs);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.ref = db.doc(`budgets/ai_${pool}`) as DocumentReference<BucketDoc>;
  }

  /** Resolves when the call may start; throws AiBudgetExhaustedError when that is more than maxWaitMs away. */
  async acquire(cost?: CallCost): Promise<void> {
    if (!this.lanes.requests && !this.lanes.tokens) return;
    // Bookings of one instance go one at a time: they would only conflict with each other.
    const booking = this.chain.then(() => this.book(cost?.tokens ?? 0));
    this.chain = booking.catch(() => undefined);
    const startAt = await booking;
    const wait = startAt - this.now();
    if (wait > 0) await this.sleep(wait);
  }

  private async book(tokens: number): Promise<number> {
    try {
      return await readModifyWrite(this.db, [this.ref], ([snap], writer) => {
        const state = (snap.data() as BucketDoc | undefined) ?? { requestsTat: 0, tokensTat: 0 };
        const now = this.now();
        const next = schedule(state, now, tokens, this.lanes);
        const wait = next.startAt - now;
        if (wait > this.options.maxWaitMs) throw new AiBudgetExhaustedError(this.pool, wait - this.options.maxWaitMs);
        writer.write(this.ref, { pool: this.pool, requestsTat: next.requestsTat, tokensTat: next.tokensTat, updatedAt: Timestamp.fromMillis(now) });
        return next.startAt;
      });
    } catch (err) {
      if (err instanceof ContentionError) throw new AiBudgetExhaustedError(this.pool, 1_000);
      throw err;
    }
  }
}

const gates = new Map<string, SharedAiBucket>();

/**
 * The instance's bucket for `pool`, configured by the params (AI_REQUESTS_PER_MINUTE,
 * AI_TOKENS_PER_MINUTE, AI_INTERACTIVE_PERCENT / AI_FINALIZE_PERCENT,
 * AI_BUDGET_MAX_WAIT_SECONDS). Inside a task, pass a longer `maxWaitMs`.
 */
export function aiBudgetGate(db: Firestore, pool: AiPool, overrides: { maxWaitMs?: number } = {}): SharedAiBucket {
  const limits = poolLimits(aiBudgetFromParams(), pool);
  const maxWaitMs = overrides.maxWaitMs ?? AI_BUDGET_MAX_WAIT_SECONDS.value() * 1000;
  const key = JSON.stringify([pool, limits, maxWaitMs]);
  let gate = gates.get(key);
  if (!gate) {
    gate = new SharedAiBucket(db, pool, limits, { maxWaitMs });
    gates.set(key, gate);
  }
  return gate;
}
