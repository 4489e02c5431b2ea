// Token usage arithmetic shared by both providers.
import type { AiResult, TokenUsage } from "./types";

export function noUsage(): TokenUsage {
  return { calls: 0, inputTokens: 0, outputTokens: 0 };
}

export function addUsage(...parts: TokenUsage[]): TokenUsage {
  const sum = noUsage();
  for (const part of parts) {
    sum.calls += part.calls;
    sum.inputTokens += part.inputTokens;
    sum.outputTokens += part.outputTokens;
  }
  return sum;
}

export function result<T>(value: T, usage: TokenUsage = noUsage()): AiResult<T> {
  return { value, usage };
}
