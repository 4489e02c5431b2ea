import { onCall } from "firebase-functions/v2/https";
import { GEMINI_API_KEY } from "../ai/config";
import { createAiProvider } from "../ai/provider";
import { callables as contracts } from "../contracts";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { REPLIES_PER_MINUTE } from "./config";
import * as replies from "./service";

export const generateReplies = onCall(
  { secrets: [GEMINI_API_KEY] },
  authed(contracts.generateReplies.request, (input, ctx) =>
    replies.generateReplies({ db: db(), provider: () => createAiProvider(), perMinute: REPLIES_PER_MINUTE.value() }, ctx.uid, input),
  ),
);
