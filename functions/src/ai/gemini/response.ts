// Reading one generateContent answer: refusals and empty answers become typed
// errors, the JSON is found (models sometimes wrap it in ```json fences even
// when asked for application/json) and handed to the task's parser.
import { ZodError } from "zod";
import { AiEmptyResponseError, AiMalformedResponseError, AiOutputLimitError, AiSafetyBlockError } from "../errors";
import type { TokenUsage } from "../types";

/** The parts of a generateContent response Lently reads. */
export interface RawResponse {
  candidates?: Array<{
    content?: { parts?: Array<{ text?: string; thought?: boolean }> };
    finishReason?: string;
  }>;
  promptFeedback?: { blockReason?: string };
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number; thoughtsTokenCount?: number; cachedContentTokenCount?: number };
}

/**
 * Finish reasons meaning "refused because of the content". LANGUAGE (an
 * unsupported language) is here too: like a safety block it is about the
 * input, so a batch is split to isolate the comment instead of failing.
 */
const REFUSALS = new Set(["SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY", "LANGUAGE"]);

/**
 * Billed usage of one answer (thinking tokens are billed as output, and also
 * reported on their own; cached input is part of the prompt's count), with
 * the model that answered and the task, when known.
 */
export function usageOf(raw: RawResponse, model?: string, task?: string): TokenUsage {
  const meta = raw.usageMetadata ?? {};
  const thinking = meta.thoughtsTokenCount ?? 0;
  const cached = meta.cachedContentTokenCount ?? 0;
  const inputTokens = meta.promptTokenCount ?? 0;
  const outputTokens = (meta.candidatesTokenCount ?? 0) + thinking;
  return {
    calls: 1,
    inputTokens,
    outputTokens,
    ...(thinking > 0 ? { thinkingTokens: thinking } : {}),
    ...(cached > 0 ? { cachedTokens: cached } : {}),
    ...(model ? { models: [{ model, tasks: task ? [task] : [], calls: 1, inputTokens, cachedTokens: cached, outputTokens, thinkingTokens: thinking }] } : {}),
  };
}

/**
 * The answer's text, or the typed error for a refusal, an empty answer, or one
 * cut off at maxOutputTokens (MAX_TOKENS: whatever text came is incomplete JSON,
 * even when a prefix happens to parse). `task` and `maxOutputTokens` only word
 * that last error.
 */
export function answerText(raw: RawResponse, task = "", maxOutputTokens = 0): string {
  const blockReason = raw.promptFeedback?.blockReason;
  if (blockReason) throw new AiSafetyBlockError(blockReason, "prompt");
  const candidate = raw.candidates?.[0];
  if (!candidate) throw new AiEmptyResponseError();
  const finishReason = candidate.finishReason;
  if (finishReason && REFUSALS.has(finishReason)) throw new AiSafetyBlockError(finishReason, "response");
  if (finishReason === "MAX_TOKENS") throw new AiOutputLimitError(task, maxOutputTokens);
  const text = (candidate.content?.parts ?? [])
    .filter((p) => !p.thought && typeof p.text === "string")
    .map((p) => p.text)
    .join("");
  if (!text.trim()) throw new AiEmptyResponseError(finishReason);
  return text;
}

/** The JSON value in a model's text: bare, inside a markdown fence, or between leading/trailing prose. */
export function extractJson(text: string): unknown {
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)```/i.exec(text);
  const body = (fenced ? fenced[1] : text).trim();
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const start = body.search(/[[{]/);
    const end = Math.max(body.lastIndexOf("}"), body.lastIndexOf("]"));
    if (start >= 0 && end > start) {
      try {
        return JSON.parse(body.slice(start, end + 1)) as unknown;
      } catch {
        /* reported below */
      }
    }
    throw new AiMalformedResponseError("", "not valid JSON");
  }
}

/** Runs the task's parser; a zod failure becomes AiMalformedResponseError naming the first bad path. */
export function parseAnswer<T>(task: string, raw: RawResponse, parse: (json: unknown) => T, maxOutputTokens = 0): T {
  const json = extractJson(answerText(raw, task, maxOutputTokens));
  try {
    return parse(json);
  } catch (err) {
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      const path = issue?.path.length ? issue.path.join(".") : "(root)";
      throw new AiMalformedResponseError(task, `${path}: ${issue?.message ?? "invalid"}`);
    }
    if (err instanceof AiMalformedResponseError) throw new AiMalformedResponseError(task, err.detail);
    throw err;
  }
}
