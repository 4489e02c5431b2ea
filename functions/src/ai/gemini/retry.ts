// Retry timing: exponential backoff with full jitter (a random wait between 0
// and base·2^attempt, capped), so parallel batches that hit the same 429 do
// not come back in lockstep. A server-given delay (Retry-After header or the
// RetryInfo `retryDelay` in the error body) is a floor, not a suggestion.
import type { AiQuota } from "../errors";

export interface RetryPolicy {
  /** HTTP attempts in all for 429/5xx/timeouts/network errors (first call included). */
  attempts: number;
  /** Extra attempts when a 200 answer is empty or not the requested JSON. */
  malformedRetries: number;
  /** Extra attempts, each with a doubled answer allowance, when an answer stops at MAX_TOKENS. */
  outputLimitRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server asking for a longer pause than this is reported as unavailable instead of waited for. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  malformedRetries: 2,
  outputLimitRetries: 1,
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
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?s)"/.exec(body);
  return match ? durationMs(match[1]) : undefined;
}

/** A google.protobuf.Duration in JSON ("12s", "0.5s") as milliseconds. */
function durationMs(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

interface ErrorDetail {
  "@type"?: string;
  retryDelay?: string;
  violations?: Array<{ quotaId?: string; quotaMetric?: string }>;
}

/**
 * Which quota a QuotaFailure violation names. Google's ids read like
 * "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
 * "GenerateRequestsPerMinutePerProjectPerModel" and
 * "GenerateContentInputTokensPerModelPerMinute-FreeTier".
 */
export function quotaOfViolation(violation: { quotaId?: string; quotaMetric?: string }): AiQuota | undefined {
  const id = `${violation.quotaId ?? ""} ${violation.quotaMetric ?? ""}`.toLowerCase();
  if (id.includes("perday")) return "per_day";
  if (id.includes("token")) return "tokens_per_minute";
  if (id.includes("perminute") || id.includes("requests")) return "per_minute";
  return undefined;
}

/**
 * RetryInfo's delay and the QuotaFailure's quota from a Gemini error body
 * (the SDK's ApiError message is that JSON). When several quotas are named,
 * the per-day one wins: it is the one that decides whether waiting helps.
 */
export function parseRateLimitBody(text: string): { retryAfterMs?: number; quota?: AiQuota } {
  const start = text.indexOf("{");
  let details: ErrorDetail[] = [];
  try {
    const body = JSON.parse(start >= 0 ? text.slice(start) : text) as { error?: { details?: ErrorDetail[] } };
    details = Array.isArray(body.error?.details) ? body.error.details : [];
  } catch {
    const retryAfterMs = parseRetryDelay(text);
    return retryAfterMs === undefined ? {} : { retryAfterMs };
  }
  let retryAfterMs: number | undefined;
  const quotas = new Set<AiQuota>();
  for (const detail of details) {
    if (typeof detail.retryDelay === "string") retryAfterMs = durationMs(detail.retryDelay) ?? retryAfterMs;
    for (const violation of detail.violations ?? []) {
      const quota = quotaOfViolation(violation);
      if (quota) quotas.add(quota);
    }
  }
  const quota = (["per_day", "tokens_per_minute", "per_minute"] as const).find((q) => quotas.has(q));
  return { ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...(quota ? { quota } : {}) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
