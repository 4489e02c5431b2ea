// How long an interactive AI call (askQuestion, generateReplies) may take at
// worst, and the callable timeout that covers it. Every HTTP attempt may first
// wait for its slot in the shared bucket, then run to its timeout; between
// transient failures the retry sleeps, at most a server's retryDelay up to
// maxRetryAfterMs (a longer one fails at once as unavailable). Retries are cut
// so that the whole fits the timeout: the client sees an answer or a clear
// error, never deadline-exceeded with its question still reserved.
// Constants only: the function files read them at index load.
import type { RetryPolicy } from "./gemini/retry";

/** Per HTTP attempt, streaming included. */
export const INTERACTIVE_ATTEMPT_MS = 30_000;
/** The longest an attempt waits for its slot in the shared bucket (AI_BUDGET_MAX_WAIT_SECONDS is capped to it). */
export const INTERACTIVE_GATE_WAIT_MS = 10_000;
export const INTERACTIVE_RETRY: RetryPolicy = {
  attempts: 2,
  malformedRetries: 1,
  outputLimitRetries: 1,
  baseDelayMs: 500,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 20_000,
};
/** Loading the analysis, booking the question, storing the answer. */
const FIRESTORE_SLACK_MS = 20_000;

/** The longest the AI part of one interactive call can take under `policy`. */
export function worstAiWaitMs(policy: RetryPolicy, attemptMs: number, gateWaitMs: number): number {
  const httpAttempts = policy.attempts + policy.malformedRetries + policy.outputLimitRetries;
  const sleeps = (policy.attempts - 1) * Math.max(policy.maxDelayMs, policy.maxRetryAfterMs + policy.baseDelayMs);
  return httpAttempts * (gateWaitMs + attemptMs) + sleeps;
}

/** timeoutSeconds of askQuestion and generateReplies. */
export const INTERACTIVE_TIMEOUT_SECONDS = Math.ceil((worstAiWaitMs(INTERACTIVE_RETRY, INTERACTIVE_ATTEMPT_MS, INTERACTIVE_GATE_WAIT_MS) + FIRESTORE_SLACK_MS) / 1000);
