import { onCall } from "firebase-functions/v2/https";
import { GEMINI_API_KEY } from "../ai/config";
import { createAiProvider, settingsFromParams } from "../ai/provider";
import { callables as contracts } from "../contracts";
import { aiBudgetGate } from "../core/budgets/aiBucket";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { REPLIES_PER_MINUTE } from "./config";
import { lazy } from "../core/lazy";

const replies = lazy(() => import("./service"));

export const generateReplies = onCall(
  { secrets: [GEMINI_API_KEY], consumeAppCheckToken: true },
  authed(
    contracts.generateReplies.request,
    async (input, ctx) =>
      (await replies()).generateReplies(
        { db: db(), provider: () => createAiProvider({ ...settingsFromParams(), gate: aiBudgetGate(db(), "interactive") }), perMinute: REPLIES_PER_MINUTE.value() },
        ctx.uid,
        input,
      ),
    { consumesAppCheck: true },
  ),
);
