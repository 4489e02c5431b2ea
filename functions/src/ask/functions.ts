// Ask AI callables. Thin: validate with zod (via `authed`), call a service.
import { onCall } from "firebase-functions/v2/https";
import { GEMINI_API_KEY } from "../ai/config";
import { createAiProvider, settingsFromParams } from "../ai/provider";
import { callables as contracts } from "../contracts";
import { aiBudgetGate } from "../core/budgets/aiBucket";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";
import { ASK_QUESTIONS_PER_MINUTE } from "./config";

const ask = lazy(() => import("./service"));
const conversations = lazy(() => import("./conversations"));

export { QUESTION_MAX_CHARS } from "../contracts/ask";

/** Streams the answer's text (`.stream()` in the web SDK) when the caller accepts it; the result is the same either way. */
export const askQuestion = onCall(
  { secrets: [GEMINI_API_KEY], consumeAppCheckToken: true },
  authed(
    contracts.askQuestion.request,
    async (input, { uid, request, response }) => {
      const { analysisId, videoId, ...rest } = input;
      const ref = analysisId !== undefined ? { analysisId } : { videoId: videoId! };
      const stream = request.acceptsStreaming && response ? (chunk: unknown) => response.sendChunk(chunk) : undefined;
      const provider = () => createAiProvider({ ...settingsFromParams(), gate: aiBudgetGate(db(), "interactive") });
      return (await ask()).askQuestion({ db: db(), provider, perMinute: ASK_QUESTIONS_PER_MINUTE.value() }, uid, { ...ref, ...rest }, stream);
    },
    { consumesAppCheck: true },
  ),
);

export const getConversations = onCall(
  authed(contracts.getConversations.request, async (input, { uid }) =>
    (await conversations()).listConversations(db(), uid, { limit: input.limit ?? 20, cursor: input.cursor, analysisId: input.analysisId }),
  ),
);

export const getConversation = onCall(
  authed(contracts.getConversation.request, async (input, { uid }) => (await conversations()).getConversation(db(), uid, input.conversationId)),
);

export const getSuggestedQuestions = onCall(
  authed(contracts.getSuggestedQuestions.request, async (input, { uid }) => {
    const [{ ownedAnalysis }, { suggestQuestions }] = await Promise.all([import("./analysisData"), import("./suggestions")]);
    const analysis = await ownedAnalysis(db(), uid, { analysisId: input.analysisId });
    return { analysisId: analysis.id, questions: suggestQuestions(analysis) };
  }),
);

export const getAskQuota = onCall(authed(contracts.getAskQuota.request, async (_input, { uid }) => (await import("./quota")).askQuota(db(), uid)));
