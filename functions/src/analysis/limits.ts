import { defineInt } from "firebase-functions/params";

/** The trigger's timeout: the most a 2nd-gen event-triggered function may run (deploy fails above 540 s). */
export const ANALYSIS_TIMEOUT_SECONDS = 540;

/** Comments per AI call. Larger batches amortise the prompt; 50 keeps answers short and a retry cheap. */
export const ANALYSIS_BATCH_SIZE = defineInt("ANALYSIS_BATCH_SIZE", {
  default: 50,
  description: "Comments analysed per AI call",
});
