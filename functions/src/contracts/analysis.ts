// Analysis callables, and the analysis document getAnalysis returns (also
// what the web app reads from analyses/{id} under the rules, dates aside).
import { z } from "zod";
import { CATEGORIES, EMOTIONS, SENTIMENTS } from "../domain/labels";
import { docId, pageInput } from "../domain/schemas";
import { analysisRequestSchema } from "../domain/analysisRequest";
import { isoDate, nextCursor } from "./shared";

const share = z.number().min(0).max(100);
const ids = z.array(z.string().min(1));

export const storedComment = z.lazy(() => z.looseObject({
  id: z.string().min(1),
  author: z.string(),
  text: z.string(),
  likeCount: z.number().int().min(0),
  replyCount: z.number().int().min(0),
  publishedAt: z.string(),
  engagement: z.number(),
  isQuestion: z.boolean(),
  isFeedback: z.boolean(),
  sentiment: z.enum(SENTIMENTS),
  score: z.number().min(-1).max(1),
  emotions: z.array(z.enum(EMOTIONS)),
  category: z.enum(CATEGORIES),
  blocked: z.boolean().optional(),
  /** The channel owner replied in the thread (whole threads); absent on analyses stored before replies were fetched. */
  answeredByOwner: z.boolean().optional(),
  /** The owner's latest reply (ISO 8601), when answered. */
  ownerRepliedAt: z.string().optional(),
  /** The thread has replies the analysis did not read: answeredByOwner false is not known, and it is counted as unchecked. */
  repliesUnchecked: z.boolean().optional(),
  /** The channel owner's own comment: analysed, never a reply owed (not in the inbox or the open-question counts). */
  byOwner: z.boolean().optional(),
}));

export const sentimentResult = z.lazy(() => z.looseObject({
  total: z.number().int().positive(),
  counts: z.record(z.enum(SENTIMENTS), z.number().int().min(0)),
  percentages: z.record(z.enum(SENTIMENTS), share),
  dominant: z.enum(SENTIMENTS),
  topEmotions: z.array(z.looseObject({ emotion: z.enum(EMOTIONS), count: z.number().int() })),
}));

export const analysisResults = z.lazy(() => z.looseObject({
  sentiment: sentimentResult.optional(),
  classification: z
    .looseObject({
      total: z.number().int().positive(),
      counts: z.record(z.enum(CATEGORIES), z.number().int().min(0)),
      topCategory: z.enum(CATEGORIES),
      actionableCount: z.number().int().min(0),
      topQuestions: z.array(z.looseObject({ commentId: z.string(), text: z.string(), author: z.string() })),
      /** What still needs the owner: comments classified as questions, requests and criticism the channel has not replied to. */
      unanswered: z.strictObject({ question: z.number().int().min(0), request: z.number().int().min(0), criticism: z.number().int().min(0), total: z.number().int().min(0) }).optional(),
      /** Questions, requests and criticism in threads the analysis did not read whole (not counted in unanswered). */
      unchecked: z.strictObject({ question: z.number().int().min(0), request: z.number().int().min(0), criticism: z.number().int().min(0), total: z.number().int().min(0) }).optional(),
      /** Comments whose thread has a reply from the channel. */
      answeredByOwner: z.number().int().min(0).optional(),
      /** The most liked questions without a reply from the channel (the inbox's default order). */
      unansweredQuestions: z.array(z.looseObject({ commentId: z.string(), text: z.string(), author: z.string() })).optional(),
    })
    .optional(),
  insights: z
    .looseObject({
      themes: z.array(z.looseObject({ name: z.string().min(1), description: z.string(), commentIds: ids, mentions: z.number() })),
      contentIdeas: z.array(z.looseObject({ title: z.string().min(1), rationale: z.string(), commentIds: ids })),
      audience: z.looseObject({ summary: z.string() }),
    })
    .optional(),
  summary: z
    .looseObject({
      headline: z.string().min(1),
      overview: z.string().min(1),
      priorityActions: z.array(
        z.looseObject({ action: z.string().min(1), reason: z.string(), priority: z.enum(["high", "medium", "low"]), commentIds: ids }),
      ),
    })
    .optional(),
}));

const analysisVideo = z.looseObject({ id: z.string(), title: z.string().min(1), channelTitle: z.string(), commentCount: z.number() });
const analysisOptions = z.looseObject({ maxComments: z.number().int().positive(), include: z.record(z.string(), z.boolean()) });
const analysisCounts = z.looseObject({ fetched: z.number().int(), analysed: z.number().int().positive(), spamRemoved: z.number().int() });

export const analysisDocument = z.lazy(() => z.looseObject({
  id: z.string().optional(),
  userId: z.string().min(1),
  jobId: z.string().min(1),
  videoId: z.string().length(11),
  video: analysisVideo,
  options: analysisOptions,
  provider: z.enum(["local", "gemini"]),
  results: analysisResults,
  counts: analysisCounts,
  cost: z.looseObject({
    aiCalls: z.number().int().min(0),
    inputTokens: z.number().int().min(0),
    outputTokens: z.number().int().min(0),
    youtubeUnits: z.number().int().min(0),
    firestoreReads: z.number().int().positive(),
    firestoreWrites: z.number().int().positive(),
    wallMs: z.number().min(0),
    /** YouTube units spent acting on the analysis' comments since (postReply, moderateComments), also counted in youtubeUnits. */
    actionUnits: z.strictObject({ replies: z.number().int().min(0).optional(), moderation: z.number().int().min(0).optional() }).optional(),
  }),
  chunks: z.number().int().positive(),
  createdAt: z.unknown(),
  completedAt: z.unknown(),
}));

export const startAnalysisRequest = analysisRequestSchema;
export const startAnalysisResponse = z.lazy(() => z.strictObject({
  jobId: z.string(),
  videoId: z.string().length(11),
  video: z.strictObject({ title: z.string(), channelTitle: z.string(), thumbnail: z.string().nullable(), commentCount: z.number().int().min(0) }),
}));

export const getAnalysisRequest = z.strictObject({
  analysisId: docId,
  includeComments: z.boolean().optional(),
  commentLimit: z.number().int("must be a whole number").min(1, "must be at least 1").max(10_000, "must be at most 10000").optional(),
  toxic: z.boolean({ error: "must be true (only toxic comments) or false (only the others)" }).optional(),
});
export const getAnalysisResponse = z.lazy(() => z.strictObject({
  analysis: analysisDocument.unwrap().extend({ id: z.string(), createdAt: isoDate, completedAt: isoDate }),
  /** With includeComments: the analysed comments, in their stored order. */
  comments: z.array(storedComment).optional(),
}));

export const getAnalysisHistoryRequest = z.strictObject(pageInput);
export const getAnalysisHistoryResponse = z.lazy(() => z.strictObject({
  analyses: z.array(
    z.strictObject({
      id: z.string(),
      videoId: z.string(),
      video: analysisVideo,
      options: analysisOptions,
      provider: z.enum(["local", "gemini"]),
      counts: analysisCounts,
      results: z.strictObject({ sentiment: sentimentResult.optional() }),
      createdAt: isoDate,
      completedAt: isoDate,
    }),
  ),
  nextCursor,
}));

export const cancelAnalysisRequest = z.strictObject({ jobId: docId });
export const cancelAnalysisResponse = z.lazy(() => z.strictObject({ jobId: z.string(), status: z.literal("cancelled") }));
