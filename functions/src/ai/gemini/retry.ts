// Retry timing: exponential backoff with full jitter (a random wait between 0
// and base·2^attempt, capped), so parallel batches that hit the same 429 do
// not come back in lockstep. A server-given delay (Retry-After header or the
// RetryInfo `retryDelay` in the error body) is a floor, not a suggestion.

export interface RetryPolicy {
  /** HTTP attempts in all for 429/5xx/timeouts/network errors (first call included). */
  attempts: number;
  /** Extra attempts when a 200 answer is empty or not the requested JSON. */
  malformedRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server asking for a longer pause than this is reported as unavailable instead of waited for. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  malformedRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
};

/** The wait before retry number `retry` (0 for the first retry). */
export function backoffMs(retry: number, policy: RetryPolicy, retryAfterMs?: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  const jittered = random() * ceiling;
  if (retryAfterMs === undefined) return Math.round(jittered);
  // Honour the server's delay, plus a little jitter so waiters spread out.
  return Math.round(retryAfterMs + random() * Math.min(policy.baseDelayMs, ceiling));
}

/** Milliseconds from a Retry-After header (seconds or an HTTP date), if it has a usable value. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Milliseconds from a google.rpc.RetryInfo `retryDelay` ("17s", "0.5s") found in an error body. */
export function parseRetryDelay(body: string): number | undefined {
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(body);
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
