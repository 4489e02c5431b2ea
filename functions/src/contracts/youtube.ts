// YouTube callables: video metadata, comments, and whether a video can be analysed.
import { z } from "zod";
import { PLANS } from "../domain/plans";
import { videoUrlOrIdSchema } from "../domain/videoUrl";
import { isoDate, planId } from "./shared";

// The largest limit any plan allows; the caller's own plan caps it further.
const MAX_COMMENTS = Math.max(...Object.values(PLANS).map((p) => p.limits.comments_per_video));
export const COMMENT_ORDERS = ["relevance", "time"] as const;

export const video = z.lazy(() => z.looseObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  channelId: z.string(),
  channelTitle: z.string(),
  publishedAt: isoDate,
  thumbnails: z.looseObject({ default: z.string().optional(), medium: z.string().optional(), high: z.string().optional(), maxres: z.string().optional() }),
  durationSeconds: z.number().min(0),
  viewCount: z.number().int().min(0),
  likeCount: z.number().int().min(0),
  commentCount: z.number().int().min(0),
  commentsDisabled: z.boolean(),
  privacyStatus: z.enum(["public", "unlisted", "private"]),
  liveBroadcastContent: z.string(),
}));

export const videoRequest = z.strictObject({ videoUrlOrId: videoUrlOrIdSchema() });

export const getVideoRequest = videoRequest;
export const getVideoResponse = z.lazy(() => z.strictObject({ video, youtubeUnits: z.number().int().min(0), cached: z.boolean() }));

export const validateVideoRequest = videoRequest;
export const validateVideoResponse = z.lazy(() => z.strictObject({
  videoId: z.string(),
  exists: z.boolean(),
  /** Listed publicly; unlisted videos can be analysed too, private ones cannot. */
  isPublic: z.boolean(),
  privacyStatus: z.enum(["public", "unlisted", "private"]).nullable(),
  commentsEnabled: z.boolean(),
  commentCount: z.number().int().min(0),
  plan: planId,
  commentLimit: z.number().int().positive(),
  /** The video has more comments than the plan analyses. */
  willTruncate: z.boolean(),
  canAnalyze: z.boolean(),
  /** YouTube units an analysis up to the plan's limit would spend, by comment order (time-ordered pages hold ~20 threads, relevance 100). */
  estimatedUnits: z.strictObject({ relevance: z.number().int().min(0), time: z.number().int().min(0) }),
  problem: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
  video: video.nullable(),
  youtubeUnits: z.number().int().min(0),
  cached: z.boolean(),
}));

export const fetchCommentsRequest = z.strictObject({
  videoUrlOrId: videoUrlOrIdSchema(),
  maxComments: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_COMMENTS, `must be at most ${MAX_COMMENTS}`)
    .optional(),
  order: z.enum(COMMENT_ORDERS, { error: `must be one of: ${COMMENT_ORDERS.join(", ")}` }).optional(),
  /** Also return the comments the filter marks low-value ("first", emoji-only…); spam is never returned. */
  includeLowValue: z.boolean({ error: "must be true or false" }).optional(),
});
export const fetchedComment = z.lazy(() => z.looseObject({
  id: z.string(),
  author: z.string(),
  text: z.string(),
  likeCount: z.number().int().min(0),
  replyCount: z.number().int().min(0),
  publishedAt: isoDate,
}));
export const fetchCommentsResponse = z.lazy(() => z.strictObject({
  video,
  comments: z.array(fetchedComment),
  counts: z.strictObject({
    fetched: z.number().int().min(0),
    kept: z.number().int().min(0),
    removed: z.number().int().min(0),
    lowValue: z.number().int().min(0),
    returned: z.number().int().min(0),
    byReason: z.record(z.string(), z.number().int().min(0)),
  }),
  limit: z.strictObject({
    plan: planId,
    commentsPerVideo: z.number().int().positive(),
    requested: z.number().int().nullable(),
    applied: z.number().int().positive(),
    /** Comments beyond `applied` exist and were not fetched. */
    truncated: z.boolean(),
    truncatedByPlan: z.boolean(),
  }),
  youtubeUnits: z.number().int().min(0),
  cached: z.strictObject({ video: z.boolean(), comments: z.boolean() }),
}));
