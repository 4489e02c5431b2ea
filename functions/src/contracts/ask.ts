// Ask AI's callables: askQuestion (streams its answer to callers that accept
// streaming), getConversations, getConversation, getSuggestedQuestions, getAskQuota.
import { z } from "zod";
import { CONTEXT_FILTERS } from "../domain/filters";
import { docId, noInput, pageInput, text } from "../domain/schemas";
import { videoUrlOrIdSchema } from "../domain/videoUrl";
import { isoDate, nextCursor, planId, usageMeter } from "./shared";

export { CONTEXT_FILTERS, type ContextFilter } from "../domain/filters";

export const QUESTION_MAX_CHARS = 1_000;

export const askQuestionRequest = z
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

const unit = z.number().min(0).max(1);

export const answerSource = z.lazy(() => z.strictObject({
  /** The YouTube comment id. */
  commentId: z.string(),
  author: z.string(),
  text: z.string(),
  relevance: unit,
}));

export const askQuestionResponse = z.lazy(() => z.strictObject({
  answer: z.string().min(1),
  confidence: unit,
  /** Comments of the analysis the answer rests on, checked against the stored comments. */
  sources: z.array(answerSource),
  keyPoints: z.array(z.string()),
  followUpQuestions: z.array(z.string()),
  conversationId: z.string(),
  messageId: z.string(),
  analysisId: z.string(),
  contextFilter: z.enum(CONTEXT_FILTERS),
  provider: z.enum(["gemini", "local"]),
  /** Questions left this period after this one; null on an unlimited plan. */
  questionsRemaining: z.number().int().min(0).nullable(),
}));

/**
 * What `httpsCallable(functions, "askQuestion").stream(data)` yields before the
 * final result: pieces of the answer's text (`delta`), and `restart` when what
 * came before is void (the model was asked again). The deltas after the last
 * restart, concatenated, are the final result's `answer`.
 */
export const askQuestionChunk = z.lazy(() => z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("delta"), text: z.string().min(1) }),
  z.strictObject({ type: z.literal("restart") }),
]));
export type AskStreamChunk = z.infer<typeof askQuestionChunk>;

const conversationView = z.lazy(() => z.strictObject({
  id: z.string(),
  analysisId: z.string(),
  videoId: z.string(),
  title: z.string(),
  video: z.looseObject({ title: z.string() }),
  questionCount: z.number().int().min(0),
  lastMessagePreview: z.string(),
  createdAt: isoDate,
  lastMessageAt: isoDate,
}));

export const getConversationsRequest = z.strictObject({ ...pageInput, analysisId: docId.optional() });
export const getConversationsResponse = z.lazy(() => z.strictObject({ conversations: z.array(conversationView), nextCursor }));

export const getConversationRequest = z.strictObject({ conversationId: docId });
export const getConversationResponse = z.lazy(() => z.strictObject({
  conversation: conversationView,
  messages: z.array(
    z.strictObject({
      id: z.string(),
      question: z.string(),
      answer: z.string(),
      confidence: unit,
      sources: z.array(answerSource),
      keyPoints: z.array(z.string()),
      followUpQuestions: z.array(z.string()),
      contextFilter: z.enum(CONTEXT_FILTERS),
      provider: z.enum(["gemini", "local"]),
      usage: z.looseObject({ calls: z.number().int().min(0), inputTokens: z.number().int().min(0), outputTokens: z.number().int().min(0) }),
      createdAt: isoDate,
    }),
  ),
}));

export const getSuggestedQuestionsRequest = z.strictObject({ analysisId: docId });
export const getSuggestedQuestionsResponse = z.lazy(() => z.strictObject({
  analysisId: z.string(),
  questions: z.array(z.strictObject({ question: z.string().min(1), contextFilter: z.enum(CONTEXT_FILTERS), basis: z.string() })).min(1),
}));

export const getAskQuotaRequest = noInput;
export const getAskQuotaResponse = z.lazy(() => usageMeter.unwrap().extend({ plan: planId, periodStart: isoDate, periodEnd: isoDate }));
