// askQuestion: answer a creator's question about one completed analysis from
// the comments that matter to it, with the sources it cites, inside a
// conversation. The order of work is what keeps the quota honest:
//   1. read and authorise (analysis, conversation): refusals cost nothing;
//   2. rate limit, then reserve one `ai_questions` unit (atomic, so concurrent
//      calls never exceed the plan);
//   3. retrieve, answer, check the sources, store — and if any of it fails,
//      give the unit back before the error reaches the client.
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { aiErrorToHttps, isAiError } from "../ai/errors";
import { ASK_HISTORY_TURNS } from "../ai/prompts/ask";
import type { AiProvider } from "../ai/types";
import { failedPrecondition, invalidArgument } from "../core/errors";
import { releaseUsage, reserveUsage, type Reservation } from "../core/quota";
import { consumeRateLimit } from "../core/rateLimit";
import { ownedAnalysis, storedComments, type AnalysisRef, type AskableAnalysis } from "../analysis/ownedAnalysis";
import { GuardedAnswerStream, type ChunkSink } from "./answerStream";
import { buildAskInput, resolveAnswer, type AnswerSource } from "./context";
import { historyOf, ownedConversation, saveExchange } from "./conversations";
import { isUsable, matchesFilter, retrieve, type ContextFilter } from "./retrieval";

/** Comments given to the provider per question. */
export const ASK_TOP_K = 30;

export interface AskDeps {
  db: Firestore;
  /** Created only once the question has been authorised and charged. */
  provider: () => Promise<AiProvider>;
  /** askQuestion calls per user per minute (the quota bounds the month; this bounds bursts, e.g. on unlimited plans). */
  perMinute: number;
  now?: () => Date;
}

export type AskRequest = AnalysisRef & {
  question: string;
  contextFilter: ContextFilter;
  conversationId?: string;
};

export interface AskResult {
  answer: string;
  confidence: number;
  sources: AnswerSource[];
  keyPoints: string[];
  followUpQuestions: string[];
  conversationId: string;
  messageId: string;
  analysisId: string;
  contextFilter: ContextFilter;
  provider: AiProvider["name"];
  /** Questions left this period after this one; null on an unlimited plan. */
  questionsRemaining: number | null;
}

/** Reads and authorises everything the question refers to, before anything is charged. */
async function authorise(db: Firestore, uid: string, request: AskRequest): Promise<AskableAnalysis> {
  const analysis = await ownedAnalysis(db, uid, request);
  if (request.conversationId) {
    const conversation = await ownedConversation(db, uid, request.conversationId);
    if (conversation.analysisId !== analysis.id) {
      throw invalidArgument("conversationId", "belongs to a different analysis; start a new conversation for this one");
    }
  }
  return analysis;
}

/** With `stream`, the answer's text is sent as it is generated (see answerStream.ts); the result is the same. */
export async function askQuestion(deps: AskDeps, uid: string, request: AskRequest, stream?: ChunkSink): Promise<AskResult> {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const analysis = await authorise(db, uid, request);
  await consumeRateLimit(db, uid, { key: "askQuestion", limit: deps.perMinute, windowMs: 60_000 }, "questions", now());
  const reservation = await reserveUsage(db, uid, "ai_questions", 1, now());
  try {
    return await answerReserved(deps, uid, request, analysis, reservation, now, stream && new GuardedAnswerStream(stream));
  } catch (err) {
    await releaseUsage(db, reservation, now()).catch((releaseError: unknown) => {
      // The question stays charged; say so loudly, the user was not served.
      logger.error("askQuestion: could not give back the reserved question", { uid, error: String(releaseError) });
    });
    if (isAiError(err)) {
      logger.warn("askQuestion: AI failed", { uid, analysisId: analysis.id, code: err.code, message: err.message });
      throw aiErrorToHttps(err);
    }
    throw err;
  }
}

async function answerReserved(
  deps: AskDeps,
  uid: string,
  request: AskRequest,
  analysis: AskableAnalysis,
  reservation: Reservation,
  now: () => Date,
  stream?: GuardedAnswerStream,
): Promise<AskResult> {
  const { db } = deps;
  const [comments, history] = await Promise.all([
    storedComments(db, analysis.id),
    request.conversationId ? historyOf(db, request.conversationId, ASK_HISTORY_TURNS) : Promise.resolve([]),
  ]);
  if (!comments.some((c) => isUsable(c) && matchesFilter(c, request.contextFilter))) {
    throw failedPrecondition(`This analysis has no ${request.contextFilter === "all" ? "" : `${request.contextFilter} `}comments to answer from.`, {
      error: "no_matching_comments",
      contextFilter: request.contextFilter,
    });
  }
  const retrieved = retrieve(request.question, comments, {
    k: ASK_TOP_K,
    filter: request.contextFilter,
    earlierQuestions: history.map((t) => t.question),
  });
  const context = buildAskInput(request.question, analysis, retrieved, history, comments);
  const provider = await deps.provider();
  const result = await provider.answerQuestion(context.input, stream);
  const checked = resolveAnswer(result.value, context.byShortId);
  await stream?.finish(checked.answer);
  if (checked.droppedSources) {
    logger.warn("askQuestion: dropped sources the provider made up", { uid, analysisId: analysis.id, provider: provider.name, dropped: checked.droppedSources });
  }
  const saved = await saveExchange(db, {
    uid,
    analysis,
    conversationId: request.conversationId,
    question: request.question,
    answer: checked,
    contextFilter: request.contextFilter,
    provider: provider.name,
    usage: result.usage,
    now: now(),
  });
  logger.info("askQuestion answered", {
    uid,
    analysisId: analysis.id,
    conversationId: saved.conversationId,
    provider: provider.name,
    retrieved: retrieved.length,
    sources: checked.sources.length,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
  });
  const { droppedSources: _dropped, ...answer } = checked;
  return {
    ...answer,
    ...saved,
    analysisId: analysis.id,
    contextFilter: request.contextFilter,
    provider: provider.name,
    questionsRemaining: reservation.limit === null ? null : Math.max(0, reservation.limit - reservation.used),
  };
}

