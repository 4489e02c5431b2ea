// Exponential backoff with jitter for transient YouTube failures (5xx, 429,
// network). Jitter spreads out the retries of many instances hitting the same
// outage, so they do not come back in lockstep.
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 300, maxDelayMs: 5_000 };

/**
 * Delay before retry number `attempt` (1 = after the first failure): half of
 * the exponential step fixed, half random ("equal jitter"), so retries never
 * collapse to zero delay yet never synchronise.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + random() * (step / 2);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
