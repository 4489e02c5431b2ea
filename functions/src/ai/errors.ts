// Typed AI failures. Messages are ours and safe to show or log: an SDK error
// message is never copied into them, because some embed the request URL and
// with it the API key. The usage already billed when the failure happened
// travels with the error so a caller can still record the cost.
import { HttpsError } from "firebase-functions/v2/https";
import type { TokenUsage } from "./types";
import { noUsage } from "./usage";

export type AiErrorCode = "safety_block" | "empty_response" | "malformed_response" | "unavailable";

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

export type UnavailableReason = "rate_limited" | "server_error" | "timeout" | "network" | "rejected";

/** The provider could not be reached or kept failing (429/5xx/timeouts after retries, or a rejected request). */
export class AiUnavailableError extends AiError {
  readonly code = "unavailable";
  constructor(
    readonly reason: UnavailableReason,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`The AI provider is unavailable (${reason}${status ? `, HTTP ${status}` : ""}).`);
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
      const retryAfterSeconds = err instanceof AiUnavailableError && err.retryAfterMs ? Math.ceil(err.retryAfterMs / 1000) : undefined;
      return new HttpsError("unavailable", "The AI service is busy or unavailable. Please try again shortly.", {
        error: "ai_unavailable",
        ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
      });
    }
    case "empty_response":
    case "malformed_response":
      return new HttpsError("unavailable", "The AI service returned an unusable answer. Please try again.", {
        error: "ai_bad_response",
      });
  }
}
