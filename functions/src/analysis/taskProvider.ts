// The AI provider as the analysis tasks use it: no pacing of its own (the
// queue's rate is the project's pacer) and no waiting out a 429 or 5xx inside
// the invocation (the queue retries the task with backoff), so every task
// run stays short.
import type { AiProvider } from "../ai/types";

export async function taskAiProvider(): Promise<AiProvider> {
  const { createAiProvider, settingsFromParams } = await import("../ai/provider");
  return createAiProvider({ ...settingsFromParams(), requestsPerMinute: 0, retry: { attempts: 1 } });
}
