// The AI provider as the user-facing callables use it (askQuestion,
// generateReplies): each call books its slot in the shared bucket's
// interactive pool. Loaded on a callable's first call, with the provider code.
import type { Firestore } from "firebase-admin/firestore";
import { aiBudgetGate } from "../core/budgets/aiBucket";
import { createAiProvider, settingsFromParams } from "./provider";
import type { AiProvider } from "./types";

export function interactiveAiProvider(db: Firestore): Promise<AiProvider> {
  return createAiProvider({ ...settingsFromParams(), gate: aiBudgetGate(db, "interactive") });
}
