// Whether a failed task should be tried again by the queue (with its backoff)
// or fail the job now. A per-minute 429, a 5xx, a timeout or a transient
// database error may succeed later; a per-day quota, a rejected key or a
// safety refusal will not within the retry budget.
import { HttpsError } from "firebase-functions/v2/https";
import { AiUnavailableError, isAiError } from "../../ai/errors";

const TRANSIENT_GRPC = new Set([4, 8, 10, 13, 14]); // DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, INTERNAL, UNAVAILABLE
const TRANSIENT_HTTPS = new Set(["unavailable", "deadline-exceeded", "aborted", "resource-exhausted"]);

export function isRetryable(err: unknown): boolean {
  if (err instanceof AiUnavailableError) {
    const quota = (err as { quota?: string }).quota;
    return err.reason !== "rejected" && quota !== "per_day";
  }
  if (isAiError(err)) return err.code === "empty_response" || err.code === "malformed_response";
  if (err instanceof HttpsError) return TRANSIENT_HTTPS.has(err.code);
  const code = (err as { code?: unknown }).code;
  if (typeof code === "number") return TRANSIENT_GRPC.has(code);
  return true; // unknown: worth another delivery while the budget lasts
}

/**
 * Thrown to hand a task back to the queue: an HttpsError answers 503, which
 * Cloud Tasks retries, without logging an expected retry as an unhandled
 * error. Carries no message from the cause (SDK messages may hold keys).
 */
export class RetryLater extends HttpsError {
  constructor(readonly stage: string) {
    super("unavailable", `analysis ${stage} task will be retried by the queue`);
    this.name = "RetryLater";
  }
}
