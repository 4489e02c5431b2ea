// The channel over time (docs/channel.md): watched sources and the channel view.
import { z } from "zod";
import { noInput } from "../domain/schemas";
import { videoUrlOrIdSchema } from "../domain/videoUrl";

const watchedSource = z.strictObject({
  sourceId: z.string(),
  kind: z.enum(["channel", "video"]),
  channelId: z.string().nullable(),
  videoId: z.string().nullable(),
  title: z.string(),
  cadence: z.enum(["daily", "hourly"]),
  status: z.enum(["active", "paused"]),
  createdAt: z.string(),
  nextSyncAt: z.string(),
  lastSyncAt: z.string().nullable(),
  newestCommentAt: z.string().nullable(),
  totals: z.strictObject({ comments: z.number().int(), runs: z.number().int() }),
});

export const watchChannelRequest = noInput;
export const watchChannelResponse = z.strictObject({ source: watchedSource });
export const watchVideoRequest = z.strictObject({ videoUrlOrId: videoUrlOrIdSchema() });
export const watchVideoResponse = z.strictObject({ source: watchedSource });
export const unwatchRequest = z.strictObject({ sourceId: z.string().min(1).max(200).regex(/^(channel|video)_[A-Za-z0-9_-]+$/, "expected a sourceId from getWatched") });
export const unwatchResponse = z.strictObject({ sourceId: z.string(), removed: z.boolean() });
export const getWatchedRequest = noInput;
export const getWatchedResponse = z.strictObject({
  sources: z.array(watchedSource),
  limits: z.strictObject({
    channels: z.number().int(),
    videos: z.number().int(),
    cadence: z.enum(["daily", "hourly"]).nullable(),
    syncedComments: z.strictObject({ used: z.number().int(), limit: z.number().int(), remaining: z.number().int() }),
  }),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected yyyy-mm-dd");
const range = z.strictObject({ from: isoDay, to: isoDay });
const sentimentCounts = z.record(z.string(), z.number());

export const getChannelOverviewRequest = z.strictObject({
  range,
  granularity: z.enum(["day", "week"]).optional(),
  cursor: z.string().max(300).optional(),
});
export const getChannelOverviewResponse = z.strictObject({
  periods: z.array(z.strictObject({ start: z.string(), comments: z.number(), sentiment: sentimentCounts, toxic: z.number(), questions: z.number(), videos: z.number() })),
  videos: z.array(
    z.strictObject({
      videoId: z.string(),
      title: z.string(),
      comments: z.number(),
      sentiment: sentimentCounts,
      negativeShare: z.number(),
      toxicShare: z.number(),
      unanswered: z.number(),
      topCategory: z.string().nullable(),
      change: z
        .strictObject({ newComments: z.number(), newNegative: z.number(), newQuestions: z.number(), averageScoreBefore: z.number().nullable(), averageScoreNow: z.number() })
        .nullable(),
    }),
  ),
  openQuestions: z.array(z.strictObject({ commentId: z.string(), videoId: z.string(), text: z.string(), authorName: z.string(), likeCount: z.number(), publishedAt: z.string() })),
  nextCursor: z.string().nullable(),
  documentsRead: z.number().int(),
});

export const getTopCommentersRequest = z.strictObject({
  range: range.optional(),
  limit: z.number().int().min(1).max(50).optional(),
  cursor: z.string().max(300).optional(),
});
export const getTopCommentersResponse = z.strictObject({
  commenters: z.array(
    z.strictObject({
      authorName: z.string(),
      authorChannelId: z.string().nullable(),
      comments: z.number(),
      likes: z.number(),
      firstSeen: z.string(),
      lastSeen: z.string(),
      sentiment: sentimentCounts,
      answered: z.boolean(),
      videos: z.number(),
    }),
  ),
  nextCursor: z.string().nullable(),
  documentsRead: z.number().int(),
});
