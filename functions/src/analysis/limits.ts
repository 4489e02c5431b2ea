import { defineInt } from "firebase-functions/params";

/** The trigger's timeout: the most a 2nd-gen event-triggered function may run (deploy fails above 540 s). */
export const ANALYSIS_TIMEOUT_SECONDS = 540;

/** Comments per AI call. Larger batches amortise the prompt; 50 keeps answers short and a retry cheap. */
export const ANALYSIS_BATCH_SIZE = defineInt("ANALYSIS_BATCH_SIZE", {
  default: 50,
  description: "Comments analysed per AI call",
});

/**
 * How long a fan-out may go without any sign of life before the sweep ends it:
 * no heartbeat of its own, no retry hold, and no dispatch from the queue its
 * tasks wait in (fanout/queueLease.ts). A job waiting behind others in a moving
 * queue is alive however long it waits.
 */
export const ANALYSIS_STALL_SECONDS = defineInt("ANALYSIS_STALL_SECONDS", {
  default: 600,
  description: "Seconds without heartbeat, retry hold or queue dispatch after which the sweep fails an analysis",
});
