// Token usage arithmetic shared by both providers.
import type { AiResult, TokenUsage } from "./types";

export function noUsage(): TokenUsage {
  return { calls: 0, inputTokens: 0, outputTokens: 0 };
}

export function addUsage(...parts: TokenUsage[]): TokenUsage {
  const sum = noUsage();
  let thinking = 0;
  for (const part of parts) {
    sum.calls += part.calls;
    sum.inputTokens += part.inputTokens;
    sum.outputTokens += part.outputTokens;
    thinking += part.thinkingTokens ?? 0;
  }
  // Only models that think report it, so other usage keeps its three fields.
  if (thinking > 0) sum.thinkingTokens = thinking;
  return sum;
}

export function result<T>(value: T, usage: TokenUsage = noUsage()): AiResult<T> {
  return { value, usage };
}
