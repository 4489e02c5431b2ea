// Ask AI callables. Thin: validate with zod (via `authed`), call a service.
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { GEMINI_API_KEY } from "../ai/config";
import { createAiProvider, settingsFromParams } from "../ai/provider";
import { aiBudgetGate } from "../core/budgets/aiBucket";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { docId, noInput, pageInput, text } from "../core/schemas";
import { videoUrlOrIdSchema } from "../youtube/videoInput";
import { ownedAnalysis } from "./analysisData";
import { ASK_QUESTIONS_PER_MINUTE } from "./config";
import * as conversations from "./conversations";
import { askQuota } from "./quota";
import { CONTEXT_FILTERS } from "./retrieval";
import * as ask from "./service";
import { suggestQuestions } from "./suggestions";

export const QUESTION_MAX_CHARS = 1_000;

const askInput = z
  .strictObject({
    question: text(QUESTION_MAX_CHARS),
    analysisId: docId.optional(),
    /** A video id or URL: the caller's most recent completed analysis of it. */
    videoId: videoUrlOrIdSchema().optional(),
    contextFilter: z.enum(CONTEXT_FILTERS, { error: `must be one of ${CONTEXT_FILTERS.join(", ")}` }).default("all"),
    conversationId: docId.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.analysisId === undefined && input.videoId === undefined) {
      ctx.addIssue({ code: "custom", path: ["analysisId"], message: "give analysisId or videoId" });
    } else if (input.analysisId !== undefined && input.videoId !== undefined) {
      ctx.addIssue({ code: "custom", path: ["videoId"], message: "give analysisId or videoId, not both" });
    }
  });

export const askQuestion = onCall(
  { secrets: [GEMINI_API_KEY], consumeAppCheckToken: true },
  authed(
    askInput,
    (input, { uid }) => {
      const { analysisId, videoId, ...rest } = input;
      const ref = analysisId !== undefined ? { analysisId } : { videoId: videoId! };
      return ask.askQuestion({ db: db(), provider: () => createAiProvider({ ...settingsFromParams(), gate: aiBudgetGate(db(), "interactive") }), perMinute: ASK_QUESTIONS_PER_MINUTE.value() }, uid, { ...ref, ...rest });
    },
    { consumesAppCheck: true },
  ),
);

export const getConversations = onCall(
  authed(z.strictObject({ ...pageInput, analysisId: docId.optional() }), (input, { uid }) =>
    conversations.listConversations(db(), uid, { limit: input.limit ?? 20, cursor: input.cursor, analysisId: input.analysisId }),
  ),
);

export const getConversation = onCall(
  authed(z.strictObject({ conversationId: docId }), (input, { uid }) => conversations.getConversation(db(), uid, input.conversationId)),
);

export const getSuggestedQuestions = onCall(
  authed(z.strictObject({ analysisId: docId }), async (input, { uid }) => {
    const analysis = await ownedAnalysis(db(), uid, { analysisId: input.analysisId });
    return { analysisId: analysis.id, questions: suggestQuestions(analysis) };
  }),
);

export const getAskQuota = onCall(authed(noInput, (_input, { uid }) => askQuota(db(), uid)));
