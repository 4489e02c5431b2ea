// Per-user rate limits: a sliding window of recent hit times in
// users/{uid}/rate_limits/{key}, updated with readModifyWrite so concurrent
// calls cannot both take the last slot. Over the limit → resource-exhausted
// with {error: "rate_limited", retryAfterSeconds}.
import { HttpsError } from "firebase-functions/v2/https";
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { readModifyWrite } from "./readModifyWrite";

export interface RateLimit {
  /** Document id under users/{uid}/rate_limits, e.g. "generateReplies". */
  key: string;
  limit: number;
  windowMs: number;
}

interface RateLimitDoc {
  /** Epoch milliseconds of the hits inside the window, oldest first. */
  hits: number[];
  updated_at: Timestamp;
}

export function rateLimitRef(db: Firestore, uid: string, key: string): DocumentReference<RateLimitDoc> {
  return db.doc(`users/${uid}/rate_limits/${key}`) as DocumentReference<RateLimitDoc>;
}

export function rateLimited(retryAfterSeconds: number, what = "requests"): HttpsError {
  return new HttpsError("resource-exhausted", `Too many ${what}. Try again in ${retryAfterSeconds} s.`, {
    error: "rate_limited",
    retryAfterSeconds,
  });
}

/** Pure decision: the hits after taking one at `now`, or how long until a slot frees. */
export function takeHit(hits: readonly number[], now: number, limit: RateLimit): { hits: number[] } | { retryAfterMs: number } {
  const recent = hits.filter((t) => t > now - limit.windowMs && t <= now);
  if (recent.length >= limit.limit) return { retryAfterMs: recent[recent.length - limit.limit] + limit.windowMs - now };
  return { hits: [...recent, now] };
}

/** Records one hit for `uid`, or throws `resource-exhausted` when the window is full. */
export async function consumeRateLimit(db: Firestore, uid: string, limit: RateLimit, what?: string, now = new Date()): Promise<void> {
  const ref = rateLimitRef(db, uid, limit.key);
  await readModifyWrite(db, [ref], ([snap], writer) => {
    const stored = (snap.data() as RateLimitDoc | undefined)?.hits ?? [];
    const decision = takeHit(stored, now.getTime(), limit);
    if ("retryAfterMs" in decision) throw rateLimited(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)), what);
    writer.write(ref, { hits: decision.hits, updated_at: Timestamp.fromDate(now) });
  });
}
