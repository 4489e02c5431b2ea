// One logical AI call: pace, send, read, retry. Transient failures (429, 5xx,
// timeouts, network) are retried with backoff, except a per-day 429 (it does
// not clear in minutes); an empty or malformed answer is asked again a couple
// of times; an answer cut off at MAX_TOKENS is asked again once with a doubled
// answer allowance (the same settings would be cut off again); a refusal is
// returned at once (asking again gets the same answer). Usage is summed over
// every answer that was billed (anything that came back with usageMetadata)
// and travels with errors too.
import { logger } from "firebase-functions/logger";
import { AiEmptyResponseError, AiError, AiMalformedResponseError, AiOutputLimitError, AiSafetyBlockError, AiUnavailableError } from "../errors";
import type { Prompt } from "../prompts/schema";
import type { AiResult, TokenUsage } from "../types";
import { addUsage, noUsage } from "../tokenUsage";
import { estimateRequestTokens } from "../tokens";
import type { CallGate } from "../../core/budgets/callGate";
import { parseAnswer, usageOf, type RawResponse } from "./response";
import { backoffMs, sleep, type RetryPolicy } from "./retry";
import { outputBudget } from "./thinking";
import { modelFor, type ModelRoutes } from "../models";
import { TransportFailure, type Transport } from "./transport";

export interface CallDeps {
  transport: Transport;
  gate: CallGate;
  retry: RetryPolicy;
  /** Which model serves each task class (ai/models.ts). */
  models: ModelRoutes;
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
  let outputLimitRetries = 0;
  const model = modelFor(deps.models, prompt.task);
  const cost = { task: prompt.task, tokens: estimateRequestTokens(prompt.system, prompt.user, prompt.schema) + prompt.maxOutputTokens };
  for (;;) {
    await deps.gate.acquire(cost);
    const budget = outputBudget(model, prompt.task, prompt.maxOutputTokens, 2 ** outputLimitRetries);
    let raw: RawResponse;
    try {
      stream?.attempt();
      raw = await deps.transport.generate(model, prompt, budget, stream && ((text) => stream.text(text)));
    } catch (err) {
      const failure = err instanceof TransportFailure ? err : new TransportFailure("network", true);
      const tooLong = failure.retryAfterMs !== undefined && failure.retryAfterMs > deps.retry.maxRetryAfterMs;
      if (!failure.retryable || tooLong || transientRetries + 1 >= deps.retry.attempts) {
        const entry = { task: prompt.task, model, reason: failure.reason, status: failure.status, quota: failure.quota, attempts: transientRetries + 1, detail: failure.detail };
        logger.warn("gemini call failed", entry);
        throw new AiUnavailableError(failure.reason, failure.status, failure.retryAfterMs, failure.quota).withUsage(usage);
      }
      const delayMs = backoffMs(transientRetries, deps.retry, failure.retryAfterMs);
      logger.info("gemini retry", { task: prompt.task, reason: failure.reason, status: failure.status, quota: failure.quota, retry: transientRetries + 1, delayMs });
      transientRetries += 1;
      await sleep(delayMs);
      continue;
    }
    usage = addUsage(usage, usageOf(raw, model, prompt.task));
    try {
      return { value: parseAnswer(prompt.task, raw, parse, budget.maxOutputTokens), usage };
    } catch (err) {
      if (!(err instanceof AiError)) throw err;
      if (err instanceof AiOutputLimitError && outputLimitRetries < deps.retry.outputLimitRetries) {
        outputLimitRetries += 1;
        logger.info("gemini answer cut off at its output limit, asking again with a larger one", { task: prompt.task, model, ...budget, thinkingTokens: raw.usageMetadata?.thoughtsTokenCount });
        continue;
      }
      const again = (err instanceof AiMalformedResponseError || err instanceof AiEmptyResponseError) && malformedRetries < deps.retry.malformedRetries;
      if (!again) {
        // A refusal is an expected outcome (the analysis splits around it); only a bad answer is a warning.
        const log = err instanceof AiSafetyBlockError ? logger.info : logger.warn;
        log("gemini answer unusable", { task: prompt.task, model, code: err.code, message: err.message });
        throw err.withUsage(usage);
      }
      logger.info("gemini answer unusable, asking again", { task: prompt.task, code: err.code, retry: malformedRetries + 1 });
      malformedRetries += 1;
    }
  }
}
