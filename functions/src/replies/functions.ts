import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { GEMINI_API_KEY } from "../ai/config";
import { createAiProvider, settingsFromParams } from "../ai/provider";
import { aiBudgetGate } from "../core/budgets/aiBucket";
import { REPLY_TONES } from "../ai/types";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { docId, text } from "../core/schemas";
import { REPLIES_PER_MINUTE } from "./config";
import * as replies from "./service";

const repliesInput = z
  .strictObject({
    comment: z.strictObject({ text: text(10_000), author: text(200).optional() }),
    tone: z.enum(REPLY_TONES, { error: `must be one of ${REPLY_TONES.join(", ")}` }),
    count: z.number().int("must be a whole number").min(1, "must be at least 1").max(5, "must be at most 5").default(3),
    video: z
      .strictObject({
        title: text(300),
        id: text(64).optional(),
        channelTitle: text(200).optional(),
        description: text(5_000, 0).optional(),
      })
      .optional(),
    analysisId: docId.optional(),
  })
  .refine((input) => !(input.video && input.analysisId), { message: "give video or analysisId, not both", path: ["analysisId"] });

export const generateReplies = onCall(
  { secrets: [GEMINI_API_KEY], consumeAppCheckToken: true },
  authed(
    repliesInput,
    (input, ctx) => replies.generateReplies({ db: db(), provider: () => createAiProvider({ ...settingsFromParams(), gate: aiBudgetGate(db(), "interactive") }), perMinute: REPLIES_PER_MINUTE.value() }, ctx.uid, input),
    { consumesAppCheck: true },
  ),
);
