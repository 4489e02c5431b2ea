// The AI provider as the analysis tasks use it: no waiting out a 429 or 5xx
// inside the invocation (the queue retries the task with backoff), so every
// task run stays short. Batch calls are paced by their queue's rate; the
// finalize step's insights and summary calls book their slot in the shared
// bucket's finalize pool (over budget: resource-exhausted, which the task
// hands back to the queue).
import type { AiProvider } from "../ai/types";
import { db } from "../core/firebase";

export async function taskAiProvider(stage: "batch" | "finalize"): Promise<AiProvider> {
  const [{ createAiProvider, settingsFromParams }, { aiBudgetGate }] = await Promise.all([import("../ai/provider"), import("../core/budgets/aiBucket")]);
  return createAiProvider({
    ...settingsFromParams(),
    retry: { attempts: 1 },
    ...(stage === "finalize" ? { gate: aiBudgetGate(db(), "finalize", { maxWaitMs: 20_000 }) } : {}),
  });
}
