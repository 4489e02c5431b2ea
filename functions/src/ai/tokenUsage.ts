// Token usage arithmetic shared by both providers.
import type { AiResult, ModelUsage, TokenUsage } from "./types";

export function noUsage(): TokenUsage {
  return { calls: 0, inputTokens: 0, outputTokens: 0 };
}

export function addUsage(...parts: TokenUsage[]): TokenUsage {
  const sum = noUsage();
  let thinking = 0;
  let cached = 0;
  const models = new Map<string, ModelUsage>();
  for (const part of parts) {
    sum.calls += part.calls;
    sum.inputTokens += part.inputTokens;
    sum.outputTokens += part.outputTokens;
    thinking += part.thinkingTokens ?? 0;
    cached += part.cachedTokens ?? 0;
    for (const m of part.models ?? []) {
      const into = models.get(m.model) ?? { model: m.model, tasks: [], calls: 0, inputTokens: 0, cachedTokens: 0, outputTokens: 0, thinkingTokens: 0 };
      into.tasks = [...new Set([...into.tasks, ...m.tasks])];
      into.calls += m.calls;
      into.inputTokens += m.inputTokens;
      into.cachedTokens += m.cachedTokens;
      into.outputTokens += m.outputTokens;
      into.thinkingTokens += m.thinkingTokens;
      models.set(m.model, into);
    }
  }
  // Only models that think (or cache) report it, so other usage keeps its three fields.
  if (thinking > 0) sum.thinkingTokens = thinking;
  if (cached > 0) sum.cachedTokens = cached;
  if (models.size > 0) sum.models = [...models.values()];
  return sum;
}

export function result<T>(value: T, usage: TokenUsage = noUsage()): AiResult<T> {
  return { value, usage };
}
