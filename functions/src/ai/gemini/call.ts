// One logical AI call: pace, send, read, retry. Transient failures (429, 5xx,
// timeouts, network) are retried with backoff; an empty or malformed answer is
// asked again a couple of times; a refusal is returned at once (asking again
// gets the same answer). Usage is summed over every answer that was billed
// (anything that came back with usageMetadata) and travels with errors too.
import { logger } from "firebase-functions/logger";
import { AiEmptyResponseError, AiError, AiMalformedResponseError, AiSafetyBlockError, AiUnavailableError } from "../errors";
import type { Prompt } from "../prompts/schema";
import type { AiResult, TokenUsage } from "../types";
import { addUsage, noUsage } from "../usage";
import type { RateGate } from "./gate";
import { parseAnswer, usageOf } from "./response";
import { backoffMs, sleep, type RetryPolicy } from "./retry";
import { TransportFailure, type RawResponse, type Transport } from "./transport";

export interface CallDeps {
  transport: Transport;
  gate: RateGate;
  retry: RetryPolicy;
  model: string;
}

/** Streams one call's text: `attempt` before each request, `text` with each piece of the model's raw text. */
export interface TextStream {
  attempt(): void;
  text(raw: string): void;
}

export async function callJson<T>(deps: CallDeps, prompt: Prompt, parse: (json: unknown) => T, stream?: TextStream): Promise<AiResult<T>> {
  let usage: TokenUsage = noUsage();
  let transientRetries = 0;
  let malformedRetries = 0;
  for (;;) {
    await deps.gate.acquire();
    let raw: RawResponse;
    try {
      stream?.attempt();
      raw = await deps.transport.generate(prompt, stream && ((text) => stream.text(text)));
    } catch (err) {
      const failure = err instanceof TransportFailure ? err : new TransportFailure("network", true);
      const tooLong = failure.retryAfterMs !== undefined && failure.retryAfterMs > deps.retry.maxRetryAfterMs;
      if (!failure.retryable || tooLong || transientRetries + 1 >= deps.retry.attempts) {
        logger.warn("gemini call failed", { task: prompt.task, model: deps.model, reason: failure.reason, status: failure.status, attempts: transientRetries + 1, detail: failure.detail });
        throw new AiUnavailableError(failure.reason, failure.status, failure.retryAfterMs).withUsage(usage);
      }
      const delayMs = backoffMs(transientRetries, deps.retry, failure.retryAfterMs);
      logger.info("gemini retry", { task: prompt.task, reason: failure.reason, status: failure.status, retry: transientRetries + 1, delayMs });
      transientRetries += 1;
      await sleep(delayMs);
      continue;
    }
    usage = addUsage(usage, usageOf(raw));
    try {
      return { value: parseAnswer(prompt.task, raw, parse), usage };
    } catch (err) {
      if (!(err instanceof AiError)) throw err;
      const again = (err instanceof AiMalformedResponseError || err instanceof AiEmptyResponseError) && malformedRetries < deps.retry.malformedRetries;
      if (!again) {
        // A refusal is an expected outcome (the analysis splits around it); only a bad answer is a warning.
        const log = err instanceof AiSafetyBlockError ? logger.info : logger.warn;
        log("gemini answer unusable", { task: prompt.task, model: deps.model, code: err.code, message: err.message });
        throw err.withUsage(usage);
      }
      logger.info("gemini answer unusable, asking again", { task: prompt.task, code: err.code, retry: malformedRetries + 1 });
      malformedRetries += 1;
    }
  }
}
