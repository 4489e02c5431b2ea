// Rules the creator sets once: their list, the kill switch, the tester and
// replay, the approvals queue (and its expiry), and the audit log.
import { logger } from "firebase-functions/logger";
import { onCall } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { AI_SECRETS } from "../ai/config";
import { CHANNEL_SECRETS } from "../channel/config";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";
import { RULES_MAX_ACTIONS_PER_DAY, RULES_MAX_ACTIONS_PER_RUN, RULES_PAUSE_AFTER_FAILURES, RULES_PENDING_EXPIRY_HOURS } from "./config";

const contract = contractOf(() => import("../contracts/rules"));
const store = lazy(() => import("./store"));
const tester = lazy(() => import("./tester"));
const params = lazy(() => import("./depsFromParams"));
const replay = lazy(() => import("./replay"));
const pending = lazy(() => import("./pending"));
const audit = lazy(() => import("./auditLog"));
const SECRETS = [...AI_SECRETS, ...CHANNEL_SECRETS];
// Declared here, at index load, so the deployment (and the local stack) knows them.
const limits = () => ({
  pendingExpiryHours: RULES_PENDING_EXPIRY_HOURS.value(),
  pauseAfterFailures: RULES_PAUSE_AFTER_FAILURES.value(),
  maxActionsPerRun: RULES_MAX_ACTIONS_PER_RUN.value(),
  maxActionsPerDay: RULES_MAX_ACTIONS_PER_DAY.value(),
});

export const getRules = onCall(authed(contract("getRulesRequest"), async (_input, ctx) => (await store()).getRules(db(), ctx.uid)));

export const saveRule = onCall(authed(contract("saveRuleRequest"), async ({ rule }, ctx) => (await store()).saveRule(db(), ctx.uid, rule)));

export const deleteRule = onCall(authed(contract("deleteRuleRequest"), async ({ id }, ctx) => (await store()).deleteRule(db(), ctx.uid, id)));

export const reorderRules = onCall(authed(contract("reorderRulesRequest"), async ({ ids }, ctx) => (await store()).reorderRules(db(), ctx.uid, ids)));

export const setAutomation = onCall(authed(contract("setAutomationRequest"), async ({ paused }, ctx) => (await store()).setAutomation(db(), ctx.uid, paused)));

export const testRule = onCall(
  { secrets: AI_SECRETS },
  authed(contract("testRuleRequest"), async (input, ctx) => (await tester()).testRule((await params()).rulesDepsFromParams(db(), limits()), ctx.uid, input)),
);

export const replayRules = onCall(
  { secrets: SECRETS, timeoutSeconds: 300 },
  authed(contract("replayRulesRequest"), async (input, ctx) => (await replay()).replayRules((await params()).rulesDepsFromParams(db(), limits()), ctx.uid, input)),
);

export const getPendingActions = onCall(authed(contract("getPendingActionsRequest"), async (input, ctx) => (await pending()).getPendingActions(db(), ctx.uid, input)));

export const approveActions = onCall(
  { secrets: SECRETS, timeoutSeconds: 300 },
  authed(contract("approveActionsRequest"), async (input, ctx) => (await pending()).approveActions((await params()).rulesDepsFromParams(db(), limits()), ctx.uid, input)),
);

export const rejectActions = onCall(authed(contract("rejectActionsRequest"), async (input, ctx) => (await pending()).rejectActions({ db: db() }, ctx.uid, input)));

export const getRuleLog = onCall(authed(contract("getRuleLogRequest"), async (input, ctx) => (await audit()).getRuleLog(db(), ctx.uid, input)));

export const expirePendingActions = onSchedule({ schedule: "every 60 minutes", timeoutSeconds: 300 }, async () => {
  const expired = await (await pending()).expirePendingActions(db(), new Date());
  logger.info("pending rule actions expired", { expired });
});
