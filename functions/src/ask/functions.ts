// Ask AI callables. Thin: validate with zod (via `authed`), call a service.
import { onCall } from "firebase-functions/v2/https";
import { AI_SECRETS } from "../ai/config";
import { INTERACTIVE_TIMEOUT_SECONDS } from "../ai/interactiveLimits";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";
import { ASK_QUESTIONS_PER_MINUTE } from "./config";

const contract = contractOf(() => import("../contracts/ask"));
const interactiveAi = lazy(() => import("../ai/interactiveProvider"));
const ask = lazy(() => import("./service"));
const conversations = lazy(() => import("./conversations"));

/** Streams the answer's text (`.stream()` in the web SDK) when the caller accepts it; the result is the same either way. */
export const askQuestion = onCall(
  { secrets: AI_SECRETS, consumeAppCheckToken: true, timeoutSeconds: INTERACTIVE_TIMEOUT_SECONDS },
  authed(
    contract("askQuestionRequest"),
    async (input, { uid, request, response }) => {
      const { analysisId, videoId, ...rest } = input;
      const ref = analysisId !== undefined ? { analysisId } : { videoId: videoId! };
      const stream = request.acceptsStreaming && response ? (chunk: unknown) => response.sendChunk(chunk) : undefined;
      const provider = async () => (await interactiveAi()).interactiveAiProvider(db());
      return (await ask()).askQuestion({ db: db(), provider, perMinute: ASK_QUESTIONS_PER_MINUTE.value() }, uid, { ...ref, ...rest }, stream);
    },
    { consumesAppCheck: true },
  ),
);

export const getConversations = onCall(
  authed(contract("getConversationsRequest"), async (input, { uid }) =>
    (await conversations()).listConversations(db(), uid, { limit: input.limit ?? 20, cursor: input.cursor, analysisId: input.analysisId }),
  ),
);

export const getConversation = onCall(
  authed(contract("getConversationRequest"), async (input, { uid }) => (await conversations()).getConversation(db(), uid, input.conversationId)),
);

export const getSuggestedQuestions = onCall(
  authed(contract("getSuggestedQuestionsRequest"), async (input, { uid }) => {
    const [{ ownedAnalysis }, { suggestQuestions }] = await Promise.all([import("../analysis/ownedAnalysis"), import("./suggestions")]);
    const analysis = await ownedAnalysis(db(), uid, { analysisId: input.analysisId });
    return { analysisId: analysis.id, questions: suggestQuestions(analysis) };
  }),
);

export const getAskQuota = onCall(authed(contract("getAskQuotaRequest"), async (_input, { uid }) => (await import("./questionQuota")).askQuota(db(), uid)));
