// Rules the creator sets once: their list, the kill switch, and the tester.
import { onCall } from "firebase-functions/v2/https";
import { GEMINI_API_KEY } from "../ai/config";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";

const contract = contractOf(() => import("../contracts/rules"));
const store = lazy(() => import("./store"));
const tester = lazy(() => import("./tester"));
const params = lazy(() => import("./depsFromParams"));

export const getRules = onCall(authed(contract("getRulesRequest"), async (_input, ctx) => (await store()).getRules(db(), ctx.uid)));

export const saveRule = onCall(authed(contract("saveRuleRequest"), async ({ rule }, ctx) => (await store()).saveRule(db(), ctx.uid, rule)));

export const deleteRule = onCall(authed(contract("deleteRuleRequest"), async ({ id }, ctx) => (await store()).deleteRule(db(), ctx.uid, id)));

export const reorderRules = onCall(authed(contract("reorderRulesRequest"), async ({ ids }, ctx) => (await store()).reorderRules(db(), ctx.uid, ids)));

export const setAutomation = onCall(authed(contract("setAutomationRequest"), async ({ paused }, ctx) => (await store()).setAutomation(db(), ctx.uid, paused)));

export const testRule = onCall(
  { secrets: [GEMINI_API_KEY] },
  authed(contract("testRuleRequest"), async (input, ctx) => (await tester()).testRule((await params()).rulesDepsFromParams(db()), ctx.uid, input)),
);
