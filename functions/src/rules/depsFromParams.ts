// The rules' collaborators from the deployment's params and secrets (the
// function declares CHANNEL_SECRETS and GEMINI_API_KEY).
import type { Firestore } from "firebase-admin/firestore";
import { interactiveAiProvider } from "../ai/interactiveProvider";
import { channelDepsFromParams } from "../channel/service";
import { generateReplies } from "../replies/service";
import { REPLIES_PER_MINUTE } from "../replies/config";
import { RULES_MAX_ACTIONS_PER_DAY, RULES_MAX_ACTIONS_PER_RUN, RULES_PAUSE_AFTER_FAILURES, RULES_PENDING_EXPIRY_HOURS } from "./config";
import type { RulesDeps } from "./deps";

export function rulesDepsFromParams(db: Firestore): RulesDeps {
  return {
    db,
    channel: channelDepsFromParams(db),
    draftReply: async (uid, request) => {
      const result = await generateReplies({ db, provider: () => interactiveAiProvider(db), perMinute: REPLIES_PER_MINUTE.value() }, uid, { ...request, count: 1 });
      return result.replies[0]?.text ?? "";
    },
    limits: {
      pendingExpiryHours: RULES_PENDING_EXPIRY_HOURS.value(),
      pauseAfterFailures: RULES_PAUSE_AFTER_FAILURES.value(),
      maxActionsPerRun: RULES_MAX_ACTIONS_PER_RUN.value(),
      maxActionsPerDay: RULES_MAX_ACTIONS_PER_DAY.value(),
    },
  };
}
