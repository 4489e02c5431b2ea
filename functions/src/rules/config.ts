// Params of the rules' safety rails.
import { defineInt } from "firebase-functions/params";

export const RULES_PENDING_EXPIRY_HOURS = defineInt("RULES_PENDING_EXPIRY_HOURS", {
  default: 72,
  description: "Hours a rule's action waits for the creator's approval before it expires",
});

export const RULES_PAUSE_AFTER_FAILURES = defineInt("RULES_PAUSE_AFTER_FAILURES", {
  default: 3,
  description: "Consecutive failed actions after which a rule pauses itself and notifies the creator",
});

export const RULES_MAX_ACTIONS_PER_RUN = defineInt("RULES_MAX_ACTIONS_PER_RUN", {
  default: 25,
  description: "Automatic rule actions one sync batch or replay may take",
});

export const RULES_MAX_ACTIONS_PER_DAY = defineInt("RULES_MAX_ACTIONS_PER_DAY", {
  default: 200,
  description: "Automatic rule actions one channel may take per UTC day",
});
