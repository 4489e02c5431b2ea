// What a Gemini call waits on before every HTTP attempt. The AI layer calls
// `acquire`; the budgets implement it (aiBucket.ts, project-wide). Defined
// here, below both, so the budget need not import the AI layer.
/** What one attempt is expected to cost, for token-per-minute budgets. */
export interface CallCost {
  task: string;
  /** Estimated prompt tokens plus the answer's maximum. */
  tokens: number;
}

export interface CallGate {
  /** Resolves when the call may start; may reject (e.g. resource-exhausted when over budget). */
  acquire(cost?: CallCost): Promise<void>;
}
