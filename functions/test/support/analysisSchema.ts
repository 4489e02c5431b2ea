// The stored analysis, as a schema the tests check documents against.
import { z } from "zod";
import { CATEGORIES, EMOTIONS, SENTIMENTS } from "../../src/ai/types";

const share = z.number().min(0).max(100);
const ids = z.array(z.string().min(1));

export const storedCommentSchema = z.object({
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
  toxic: z.boolean(),
  blocked: z.boolean().optional(),
});

export const analysisSchema = z.object({
  userId: z.string().min(1),
  jobId: z.string().min(1),
  videoId: z.string().length(11),
  video: z.object({ id: z.string(), title: z.string().min(1), channelTitle: z.string(), commentCount: z.number() }).passthrough(),
  options: z.object({ maxComments: z.number().int().positive(), include: z.record(z.string(), z.boolean()) }).passthrough(),
  provider: z.enum(["local", "gemini"]),
  results: z.object({
    toxicity: z.object({
      count: z.number().int().min(0),
      share: z.number().min(0).max(1),
      examples: z.array(z.object({ commentId: z.string().min(1), text: z.string() })).max(5),
    }),
    sentiment: z
      .object({
        total: z.number().int().positive(),
        counts: z.record(z.enum(SENTIMENTS), z.number().int().min(0)),
        percentages: z.record(z.enum(SENTIMENTS), share),
        dominant: z.enum(SENTIMENTS),
        topEmotions: z.array(z.object({ emotion: z.enum(EMOTIONS), count: z.number().int() })),
      })
      .passthrough()
      .optional(),
    classification: z
      .object({
        total: z.number().int().positive(),
        counts: z.record(z.enum(CATEGORIES), z.number().int().min(0)),
        topCategory: z.enum(CATEGORIES),
        actionableCount: z.number().int().min(0),
        topQuestions: z.array(z.object({ commentId: z.string(), text: z.string(), author: z.string() }).passthrough()),
      })
      .optional(),
    insights: z
      .object({
        themes: z.array(z.object({ name: z.string().min(1), description: z.string(), commentIds: ids, mentions: z.number() }).passthrough()),
        contentIdeas: z.array(z.object({ title: z.string().min(1), rationale: z.string(), commentIds: ids })),
        audience: z.object({ summary: z.string() }).passthrough(),
      })
      .optional(),
    summary: z
      .object({
        headline: z.string().min(1),
        overview: z.string().min(1),
        priorityActions: z.array(
          z.object({ action: z.string().min(1), reason: z.string(), priority: z.enum(["high", "medium", "low"]), commentIds: ids }),
        ),
      })
      .optional(),
  }),
  counts: z.object({ fetched: z.number().int(), analysed: z.number().int().positive(), spamRemoved: z.number().int() }).passthrough(),
  cost: z.object({
    aiCalls: z.number().int().min(0),
    inputTokens: z.number().int().min(0),
    outputTokens: z.number().int().min(0),
    thinkingTokens: z.number().int().min(0),
    youtubeUnits: z.number().int().min(0),
    firestoreReads: z.number().int().positive(),
    firestoreWrites: z.number().int().positive(),
    wallMs: z.number().min(0),
  }),
  chunks: z.number().int().positive(),
  createdAt: z.unknown(),
  completedAt: z.unknown(),
});
