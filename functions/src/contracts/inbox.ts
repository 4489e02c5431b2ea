// The connected channel and the creator's inbox: connect/disconnect the
// YouTube channel (Google OAuth), what still needs an answer, replies posted
// from the channel, and the held-for-review queue.
import { z } from "zod";
import { HELD_STATUSES, INBOX_KINDS } from "../domain/filters";
import { CATEGORIES, SENTIMENTS } from "../domain/labels";
import { docId, text } from "../domain/schemas";
import { VIDEO_ID } from "../domain/videoUrl";
import { isoDate, nextCursor } from "./shared";

export { HELD_STATUSES, INBOX_KINDS, type InboxKind } from "../domain/filters";
/** unchecked: threads with replies the analysis did not read (whether the channel replied is unknown); never listed as unanswered. */
export const INBOX_STATUSES = ["unanswered", "answered", "unchecked", "all"] as const;
export const INBOX_ORDERS = ["likes", "recent"] as const;
export const MODERATION_ACTIONS = ["publish", "hold", "reject"] as const;
export type ModerationInputAction = (typeof MODERATION_ACTIONS)[number];
/** comments.setModerationStatus takes at most 50 ids a call. */
export const MAX_MODERATION_IDS = 50;

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });
const videoId = z.string().regex(VIDEO_ID, "must be an 11-character YouTube video id");
const commentId = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, "must be a YouTube comment id");
const units = z.number().int().min(0);
const channel = z.strictObject({ id: z.string().min(1), title: z.string() });

// RFC 7636: the verifier is 43–128 characters of [A-Za-z0-9-._~].
const codeVerifier = z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/, "must be the PKCE code verifier (43-128 characters of A-Z a-z 0-9 - . _ ~)");

export const connectYouTubeChannelRequest = z.strictObject({
  code: z.string().min(1, "must not be empty").max(2048, "must be at most 2048 characters"),
  redirectUri: z.url("must be a URL").max(2048, "must be at most 2048 characters"),
  codeVerifier,
});
export const connectYouTubeChannelResponse = z.lazy(() => z.strictObject({
  channel: channel.extend({ scopes: z.array(z.string()), connectedAt: isoDate }),
  youtubeUnits: units,
}));

export const disconnectYouTubeChannelRequest = z.strictObject({});
export const disconnectYouTubeChannelResponse = z.lazy(() => z.strictObject({
  /** false: no channel was connected. */
  disconnected: z.boolean(),
  /** false: Google could not be reached or the token was already invalid; it is deleted either way. */
  revoked: z.boolean(),
}));

export const getInboxRequest = z
  .strictObject({
    analysisId: docId.optional(),
    videoId: videoId.optional(),
    kinds: z.array(enumOf(INBOX_KINDS)).max(INBOX_KINDS.length).optional(),
    status: enumOf(INBOX_STATUSES).optional(),
    order: enumOf(INBOX_ORDERS).optional(),
    cursor: z.string().max(512, "must be at most 512 characters").optional(),
    limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").optional(),
  })
  .refine((i) => (i.analysisId === undefined) !== (i.videoId === undefined), { message: "give analysisId or videoId (one of them)", path: ["analysisId"] });
export const getInboxResponse = z.lazy(() => z.strictObject({
  analysisId: z.string(),
  videoId: z.string().length(11),
  items: z.array(
    z.strictObject({
      commentId: z.string().min(1),
      author: z.string(),
      text: z.string(),
      likeCount: z.number().int().min(0),
      replyCount: z.number().int().min(0),
      publishedAt: z.string(),
      category: z.enum(CATEGORIES).nullable(),
      sentiment: z.enum(SENTIMENTS).nullable(),
      /** ISO 639-1 code of the comment's language; null when too short to tell or stored before it was detected. */
      language: z.string().nullable(),
      kinds: z.array(z.enum(INBOX_KINDS)).min(1),
      answered: z.boolean(),
      /** false: the thread has replies the analysis did not read (the reply-page cap, a refusal) and Lently posted none: not known to be unanswered. */
      checked: z.boolean(),
      /** youtube: the channel replied (seen by the analysis); lently: posted through postReply since. */
      answeredVia: z.enum(["youtube", "lently"]).nullable(),
      ownerRepliedAt: z.string().nullable(),
      reply: z.strictObject({ replyId: z.string(), text: z.string(), postedAt: isoDate }).nullable(),
    }),
  ),
  counts: z.strictObject({
    unanswered: z.strictObject({ question: units, request: units, criticism: units, toxic: units }),
    /** Not answered through Lently, in threads the analysis did not read whole: counted apart from unanswered. */
    unchecked: z.strictObject({ question: units, request: units, criticism: units, toxic: units }),
    answered: units,
  }),
  /** Rows of this listing (all pages). */
  total: units,
  nextCursor,
}));

export const postReplyRequest = z.strictObject({
  commentId,
  // YouTube's limit for a comment's text.
  text: text(10_000),
  videoId,
  analysisId: docId.optional(),
  /** The generated draft the text was edited from (kept in the reply history). */
  draft: text(10_000).optional(),
  dryRun: z.boolean().optional(),
  /** Post even though this comment was already replied to through Lently. */
  force: z.boolean().optional(),
});
export const postReplyResponse = z.lazy(() => z.discriminatedUnion("dryRun", [
  z.strictObject({
    dryRun: z.literal(true),
    wouldPost: z.strictObject({ parentId: z.string(), videoId: z.string().length(11), text: z.string(), channel, edited: z.boolean() }),
    alreadyReplied: z.boolean(),
    wouldBeRefused: z.boolean(),
    youtubeUnits: z.literal(0),
    unitsIfPosted: units,
  }),
  z.strictObject({
    dryRun: z.literal(false),
    posted: z.literal(true),
    commentId: z.string(),
    reply: z.strictObject({ replyId: z.string(), text: z.string(), postedAt: isoDate, edited: z.boolean() }),
    analysisId: z.string(),
    youtubeUnits: units,
  }),
]));

export const moderateCommentsRequest = z.strictObject({
  ids: z.array(commentId).min(1, "must list at least one comment id").max(MAX_MODERATION_IDS, `must list at most ${MAX_MODERATION_IDS} comment ids`),
  action: enumOf(MODERATION_ACTIONS),
  banAuthor: z.boolean().optional(),
  /** The analysis whose cost the units are added to. */
  analysisId: docId.optional(),
});
export const moderateCommentsResponse = z.lazy(() => z.strictObject({
  action: z.enum(MODERATION_ACTIONS),
  moderated: z.number().int().min(1),
  ids: z.array(z.string()),
  banAuthor: z.boolean(),
  youtubeUnits: units,
}));

export const getHeldCommentsRequest = z.strictObject({ videoId: videoId.optional() });
export const getHeldCommentsResponse = z.lazy(() => z.strictObject({
  channel,
  comments: z.array(
    z.strictObject({
      id: z.string().min(1),
      videoId: z.string(),
      author: z.string(),
      authorChannelId: z.string().nullable(),
      text: z.string(),
      likeCount: z.number().int().min(0),
      publishedAt: z.string(),
      youtubeStatus: z.enum(HELD_STATUSES),
      /** Lently's own spam filter on the comment (youtube/quality). */
      lently: z.strictObject({ spam: z.boolean(), reason: z.string().nullable(), detail: z.string().nullable() }),
      suggestedAction: z.enum(["publish", "reject"]),
    }),
  ),
  counts: z.strictObject({ total: units, heldForReview: units, likelySpam: units, lentlySpam: units }),
  /** More held comments than the pages read. */
  truncated: z.boolean(),
  youtubeUnits: units,
}));
