// The AI provider as the user-facing callables use it (askQuestion,
// generateReplies): each call books its slot in the shared bucket's
// interactive pool, and its retries fit the callable's timeout
// (interactiveLimits.ts). Loaded on a callable's first call, with the provider code.
import type { Firestore } from "firebase-admin/firestore";
import { aiBudgetGate } from "../core/budgets/aiBucket";
import { AI_BUDGET_MAX_WAIT_SECONDS } from "../core/budgets/config";
import { INTERACTIVE_ATTEMPT_MS, INTERACTIVE_GATE_WAIT_MS, INTERACTIVE_RETRY } from "./interactiveLimits";
import { createAiProvider, settingsFromParams } from "./provider";
import type { AiProvider } from "./types";

export function interactiveAiProvider(db: Firestore): Promise<AiProvider> {
  const maxWaitMs = Math.min(AI_BUDGET_MAX_WAIT_SECONDS.value() * 1000, INTERACTIVE_GATE_WAIT_MS);
  return createAiProvider({ ...settingsFromParams(), gate: aiBudgetGate(db, "interactive", { maxWaitMs }), retry: INTERACTIVE_RETRY, timeoutMs: INTERACTIVE_ATTEMPT_MS });
}
