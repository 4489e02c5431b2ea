// The creator's inbox: what needs an answer, replies posted from the
// connected channel, and the held-for-review queue.
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { docId, text } from "../core/schemas";
import { CHANNEL_SECRETS } from "../channel/config";
import { channelDepsFromParams } from "../channel/service";
import { VIDEO_ID } from "../youtube/videoInput";
import { getInbox as inbox, INBOX_KINDS, INBOX_ORDERS, INBOX_STATUSES } from "./getInbox";
import { getHeldComments as held, MAX_MODERATION_IDS, moderateComments as moderate, MODERATION_ACTIONS } from "./moderation";
import { postReply as post } from "./postReply";

const videoIdField = z.string().regex(VIDEO_ID, "must be an 11-character YouTube video id");
const commentId = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, "must be a YouTube comment id");
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });

const inboxInput = z
  .strictObject({
    analysisId: docId.optional(),
    videoId: videoIdField.optional(),
    kinds: z.array(enumOf(INBOX_KINDS)).max(INBOX_KINDS.length).optional(),
    status: enumOf(INBOX_STATUSES).optional(),
    order: enumOf(INBOX_ORDERS).optional(),
    cursor: z.string().max(512, "must be at most 512 characters").optional(),
    limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").optional(),
  })
  .refine((i) => (i.analysisId === undefined) !== (i.videoId === undefined), { message: "give analysisId or videoId (one of them)", path: ["analysisId"] });

export const getInbox = onCall(
  authed(inboxInput, (input, ctx) =>
    inbox(db(), ctx.uid, input.analysisId !== undefined ? { ...input, analysisId: input.analysisId, videoId: undefined } : { ...input, videoId: input.videoId!, analysisId: undefined }),
  ),
);

const postReplyInput = z.strictObject({
  commentId,
  // YouTube's limit for a comment's text.
  text: text(10_000),
  videoId: videoIdField,
  analysisId: docId.optional(),
  draft: text(10_000).optional(),
  dryRun: z.boolean().optional(),
  force: z.boolean().optional(),
});

export const postReply = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(postReplyInput, (input, ctx) => post(channelDepsFromParams(db()), ctx.uid, input)),
);

const moderateInput = z.strictObject({
  ids: z.array(commentId).min(1, "must list at least one comment id").max(MAX_MODERATION_IDS, `must list at most ${MAX_MODERATION_IDS} comment ids`),
  action: enumOf(MODERATION_ACTIONS),
  banAuthor: z.boolean().optional(),
  analysisId: docId.optional(),
});

export const moderateComments = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(moderateInput, (input, ctx) => moderate(channelDepsFromParams(db()), ctx.uid, input)),
);

export const getHeldComments = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(z.strictObject({ videoId: videoIdField.optional() }), (input, ctx) => held(channelDepsFromParams(db()), ctx.uid, input)),
);
