// The rules' collaborators from the deployment's params and secrets (the
// function declares CHANNEL_SECRETS and AI_SECRETS); the limits are the
// RULES_* params, read by the function file.
import type { Firestore } from "firebase-admin/firestore";
import { interactiveAiProvider } from "../ai/interactiveProvider";
import { channelDepsFromParams } from "../channel/service";
import { generateReplies } from "../replies/service";
import { REPLIES_PER_MINUTE } from "../replies/config";
import type { RulesDeps, RulesLimits } from "./deps";

export function rulesDepsFromParams(db: Firestore, limits: RulesLimits): RulesDeps {
  return {
    db,
    channel: channelDepsFromParams(db),
    draftReply: async (uid, request) => {
      const result = await generateReplies({ db, provider: () => interactiveAiProvider(db), perMinute: REPLIES_PER_MINUTE.value() }, uid, { ...request, count: 1 });
      return result.replies[0]?.text ?? "";
    },
    limits,
  };
}
