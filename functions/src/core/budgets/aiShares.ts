// How the project's one Gemini budget (AI_REQUESTS_PER_MINUTE, and
// AI_TOKENS_PER_MINUTE where set) is split, as pure arithmetic:
//   interactive  Ask AI, replies (the shared Firestore bucket, aiBucket.ts) — a reserved share
//   finalize     an analysis' insights and summary calls (the same bucket, its own pool)
//   analysis     the comment batches: paced by the Cloud Tasks queue's rateLimits (the rest)
// The three never add up to more than the limits in any 60-second window: each
// pool is a token bucket whose burst plus refill over 60 s (plus a latency
// allowance) fits its share, and the queue's rate is what is left, minus its burst.
import type { IntParam } from "firebase-functions/params";
import { AI_FINALIZE_PERCENT, AI_INTERACTIVE_PERCENT, AI_REQUESTS_PER_MINUTE, AI_TOKENS_PER_MINUTE } from "./config";

export type AiPool = "interactive" | "finalize";

export interface AiBudgetInput {
  /** The project's Gemini requests per minute (≤ 0: not limited). */
  rpm: number;
  /** Tokens per minute (0/undefined: not limited). */
  tpm?: number;
  /** Share (0..1) reserved for interactive calls. */
  interactiveShare: number;
  /** Share (0..1) for the analyses' finalize calls. */
  finalizeShare: number;
}

export interface QueueInput extends AiBudgetInput {
  /** Estimated tokens of one batch call (prompt + answer); needed when `tpm` is set. */
  tokensPerBatch?: number;
  /** Gemini calls one dispatch may make (1 when the task retries through the queue, not in-process). */
  callsPerDispatch?: number;
}

/** A token-bucket lane: at most `perMinute` in any 60 s window, `burst` of them at once. */
export interface LaneLimits {
  perMinute: number;
  burst: number;
}

export interface PoolLimits {
  requests: LaneLimits | null;
  tokens: LaneLimits | null;
}

/** Slack for the time between a granted start and the request reaching Gemini (and clock skew between instances). */
export const LATENCY_ALLOWANCE_MS = 1_000;
const WINDOW_MS = 60_000;

export function aiBudgetFromParams(): AiBudgetInput {
  return {
    rpm: AI_REQUESTS_PER_MINUTE.value(),
    tpm: AI_TOKENS_PER_MINUTE.value(),
    interactiveShare: AI_INTERACTIVE_PERCENT.value() / 100,
    finalizeShare: AI_FINALIZE_PERCENT.value() / 100,
  };
}

function intFromEnv(param: IntParam, env: NodeJS.ProcessEnv): number {
  const raw = env[param.name];
  const parsed = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  if (Number.isFinite(parsed)) return parsed;
  return typeof param.options.default === "number" ? param.options.default : 0;
}

/**
 * The same figures from the environment, for what is fixed when a function is
 * declared (a task queue's `rateLimits`), where params have no value() yet; the
 * deploy and the emulator put the params' `.env` values in process.env.
 */
export function aiBudgetFromEnv(env: NodeJS.ProcessEnv = process.env): AiBudgetInput {
  return {
    rpm: intFromEnv(AI_REQUESTS_PER_MINUTE, env),
    tpm: intFromEnv(AI_TOKENS_PER_MINUTE, env),
    interactiveShare: intFromEnv(AI_INTERACTIVE_PERCENT, env) / 100,
    finalizeShare: intFromEnv(AI_FINALIZE_PERCENT, env) / 100,
  };
}

const clampShare = (share: number) => Math.min(1, Math.max(0, Number.isFinite(share) ? share : 0));

/** A pool's whole requests per minute: at least 1 when its share is positive, so a small RPM never shuts Ask AI out. */
function poolShare(total: number, share: number): number {
  const s = clampShare(share);
  return s === 0 ? 0 : Math.max(1, Math.floor(total * s));
}

function lane(perMinute: number, burstFraction: number, maxBurst: number): LaneLimits | null {
  if (perMinute <= 0) return null;
  return { perMinute, burst: Math.max(1, Math.min(maxBurst, Math.floor(perMinute * burstFraction))) };
}

/** The limits of one bucket pool. A small burst (≈ 1/6 of the minute, at most 5 calls) keeps every 60 s window under the share. */
export function poolLimits(input: AiBudgetInput, pool: AiPool): PoolLimits {
  const share = pool === "interactive" ? input.interactiveShare : input.finalizeShare;
  const rpm = input.rpm > 0 ? poolShare(input.rpm, share) : 0;
  const tpm = input.tpm && input.tpm > 0 ? Math.floor(input.tpm * clampShare(share)) : 0;
  return { requests: lane(rpm, 1 / 6, 5), tokens: tpm > 0 ? { perMinute: tpm, burst: 0 } : null };
}

/**
 * GCRA parameters of a lane: one unit every `emissionMs`, up to `burst` early.
 * In any window of W ms at most burst + floor(W / emissionMs) units start; with
 * emissionMs = (60 s + allowance) / (perMinute − burst + 1) that is ≤ perMinute
 * for every window up to 60 s + allowance long.
 */
export function laneTiming(limits: LaneLimits, allowanceMs = LATENCY_ALLOWANCE_MS): { emissionMs: number; toleranceMs: number } {
  const burst = Math.max(0, Math.min(limits.burst, limits.perMinute));
  const emissionMs = (WINDOW_MS + allowanceMs) / Math.max(1, limits.perMinute - Math.max(burst, 1) + 1);
  return { emissionMs, toleranceMs: Math.max(0, burst - 1) * emissionMs };
}

/** Requests per minute left to the analysis queue once the bucket pools are reserved. */
export function analysisRequestsPerMinute(input: AiBudgetInput): number {
  if (input.rpm <= 0) return Infinity;
  const interactive = poolLimits(input, "interactive").requests?.perMinute ?? 0;
  const finalize = poolLimits(input, "finalize").requests?.perMinute ?? 0;
  return Math.max(0, input.rpm - interactive - finalize);
}

/**
 * The analysis queue's `rateLimits.maxDispatchesPerSecond`, so that batch calls
 * plus both bucket pools stay under the RPM (and TPM) in any 60 s window. Cloud
 * Tasks is itself a token bucket (the emulator's holds max(rate, 1.1) tokens),
 * so its burst is taken off the minute first. Never 0: a queue must move.
 * Infinity when neither RPM nor TPM is limited.
 */
export function analysisDispatchesPerSecond(input: QueueInput): number {
  return queueRate(analysisDispatchesPerMinute(input));
}

/**
 * The same budget over several queues (e.g. paid and free plans' batches),
 * split by `shares` (summing to at most 1). Each queue is its own token bucket
 * with its own burst, so each burst is taken off that queue's part.
 */
export function analysisQueueRates<K extends string>(input: QueueInput, shares: Record<K, number>): Record<K, number> {
  const perMinute = analysisDispatchesPerMinute(input);
  const out = {} as Record<K, number>;
  for (const key of Object.keys(shares) as K[]) out[key] = queueRate(perMinute * clampShare(shares[key]));
  return out;
}

/** Dispatches a minute the analysis queue(s) may make in all. */
function analysisDispatchesPerMinute(input: QueueInput): number {
  const callsPerDispatch = Math.max(1, input.callsPerDispatch ?? 1);
  let perMinute = analysisRequestsPerMinute(input) / callsPerDispatch;
  if (input.tpm && input.tpm > 0) {
    if (!input.tokensPerBatch || input.tokensPerBatch <= 0) throw new Error("tokensPerBatch is required when tpm is set");
    const tokens = input.tpm * (1 - clampShare(input.interactiveShare) - clampShare(input.finalizeShare));
    perMinute = Math.min(perMinute, tokens / (input.tokensPerBatch * callsPerDispatch));
  }
  return perMinute;
}

/** A token-bucket queue's rate so that its burst plus 60 s (and the allowance) of refill is at most `perMinute`. */
function queueRate(perMinute: number): number {
  if (!Number.isFinite(perMinute)) return Infinity;
  const windowSeconds = (WINDOW_MS + LATENCY_ALLOWANCE_MS) / 1000;
  let rate = Math.max(0, perMinute - 1) / windowSeconds;
  const burst = Math.max(1, Math.ceil(rate));
  rate = Math.max(0, perMinute - burst) / windowSeconds;
  // A queue must move; one dispatch a minute is the floor (an RPM this small is misconfigured anyway).
  return Math.max(rate, 1 / 60);
}
