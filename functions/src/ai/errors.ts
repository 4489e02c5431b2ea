// Typed AI failures. Messages are ours and safe to show or log: an SDK error
// message is never copied into them, because some embed the request URL and
// with it the API key. The usage already billed when the failure happened
// travels with the error so a caller can still record the cost.
import { HttpsError } from "firebase-functions/v2/https";
import type { TokenUsage } from "./types";
import { noUsage } from "./tokenUsage";

export type AiErrorCode = "safety_block" | "empty_response" | "malformed_response" | "output_limit" | "unavailable";

export abstract class AiError extends Error {
  abstract readonly code: AiErrorCode;
  usage: TokenUsage = noUsage();

  withUsage(usage: TokenUsage): this {
    this.usage = usage;
    return this;
  }
}

/** The model refused: the prompt (`promptFeedback.blockReason`) or the answer (`finishReason`) was blocked. */
export class AiSafetyBlockError extends AiError {
  readonly code = "safety_block";
  constructor(
    readonly reason: string,
    readonly where: "prompt" | "response",
  ) {
    super(`The AI provider declined the request (${where} blocked: ${reason}).`);
    this.name = "AiSafetyBlockError";
  }
}

/** A 200 answer with no candidate or no text in it. */
export class AiEmptyResponseError extends AiError {
  readonly code = "empty_response";
  constructor(readonly finishReason?: string) {
    super(`The AI provider returned no content${finishReason ? ` (finish reason ${finishReason})` : ""}.`);
    this.name = "AiEmptyResponseError";
  }
}

/** The answer was not the JSON shape asked for, even after retries. */
export class AiMalformedResponseError extends AiError {
  readonly code = "malformed_response";
  constructor(
    readonly task: string,
    readonly detail: string,
  ) {
    super(`The AI provider's ${task} answer did not match the expected format: ${detail}.`);
    this.name = "AiMalformedResponseError";
  }
}

/**
 * The answer hit `maxOutputTokens` (finishReason MAX_TOKENS: thinking and the
 * answer share that limit) and came back empty or as cut-off JSON, even after
 * one retry with a larger output budget.
 */
export class AiOutputLimitError extends AiError {
  readonly code = "output_limit";
  constructor(
    readonly task: string,
    readonly maxOutputTokens: number,
  ) {
    super(`The AI provider's ${task} answer was cut off at its output limit (${maxOutputTokens} tokens, thinking included).`);
    this.name = "AiOutputLimitError";
  }
}

export type UnavailableReason = "rate_limited" | "server_error" | "timeout" | "network" | "rejected";

/**
 * Which quota a 429 names (google.rpc.QuotaFailure): requests per minute,
 * requests per day, or input tokens per minute. A per-day quota does not
 * come back in a minute, so it is never retried as if it would.
 */
export type AiQuota = "per_minute" | "per_day" | "tokens_per_minute";

/** The provider could not be reached or kept failing (429/5xx/timeouts after retries, or a rejected request). */
export class AiUnavailableError extends AiError {
  readonly code = "unavailable";
  constructor(
    readonly reason: UnavailableReason,
    readonly status?: number,
    /** The server's own delay (google.rpc.RetryInfo retryDelay, or a Retry-After header), ms. */
    readonly retryAfterMs?: number,
    /** The quota a 429 named; undefined when the body did not say (or not a 429). */
    readonly quota?: AiQuota,
  ) {
    super(
      quota === "per_day"
        ? "The AI provider's daily request quota is used up (HTTP 429, per-day quota)."
        : `The AI provider is unavailable (${reason}${status ? `, HTTP ${status}` : ""}${quota ? `, ${quota.replace(/_/g, " ")} quota` : ""}).`,
    );
    this.name = "AiUnavailableError";
  }
}

export function isAiError(err: unknown): err is AiError {
  return err instanceof AiError;
}

/** The client-facing HttpsError for an AI failure (anything else is left to the caller). */
export function aiErrorToHttps(err: AiError): HttpsError {
  switch (err.code) {
    case "safety_block":
      return new HttpsError("failed-precondition", "The AI declined to process this content.", {
        error: "ai_safety_block",
      });
    case "unavailable": {
      const unavailable = err instanceof AiUnavailableError ? err : undefined;
      if (unavailable?.quota === "per_day") {
        return new HttpsError("resource-exhausted", "Lently's AI service has reached its daily limit (it resets at midnight Pacific Time). Please try again later.", {
          error: "ai_daily_quota",
          quota: "per_day",
          upgrade_required: false,
        });
      }
      const retryAfterSeconds = unavailable?.retryAfterMs ? Math.ceil(unavailable.retryAfterMs / 1000) : undefined;
      return new HttpsError("unavailable", "The AI service is busy or unavailable. Please try again shortly.", {
        error: "ai_unavailable",
        ...(unavailable?.quota ? { quota: unavailable.quota } : {}),
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      });
    }
    case "output_limit":
      return new HttpsError("unavailable", "The AI's answer was too long and got cut off. Please try again.", {
        error: "ai_output_limit",
      });
    case "empty_response":
    case "malformed_response":
      return new HttpsError("unavailable", "The AI service returned an unusable answer. Please try again.", {
        error: "ai_bad_response",
      });
  }
}
