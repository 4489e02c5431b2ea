import { onCall } from "firebase-functions/v2/https";
import { AI_SECRETS } from "../ai/config";
import { INTERACTIVE_TIMEOUT_SECONDS } from "../ai/interactiveLimits";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { REPLIES_PER_MINUTE } from "./config";
import { lazy } from "../core/lazy";

const contract = contractOf(() => import("../contracts/replies"));
const interactiveAi = lazy(() => import("../ai/interactiveProvider"));
const replies = lazy(() => import("./service"));

export const generateReplies = onCall(
  { secrets: AI_SECRETS, consumeAppCheckToken: true, timeoutSeconds: INTERACTIVE_TIMEOUT_SECONDS },
  authed(
    contract("generateRepliesRequest"),
    async (input, ctx) =>
      (await replies()).generateReplies(
        { db: db(), provider: async () => (await interactiveAi()).interactiveAiProvider(db()), perMinute: REPLIES_PER_MINUTE.value() },
        ctx.uid,
        input,
      ),
    { consumesAppCheck: true },
  ),
);
