// The creator's inbox: what needs an answer, replies posted from the
// connected channel, and the held-for-review queue.
import { onCall } from "firebase-functions/v2/https";
import { CHANNEL_SECRETS } from "../channel/config";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";

const contract = contractOf(() => import("../contracts/inbox"));
const inbox = lazy(() => import("./getInbox"));
const replies = lazy(() => import("./postReply"));
const moderation = lazy(() => import("./moderation"));
const channel = lazy(() => import("../channel/service"));

export const getInbox = onCall(
  authed(contract("getInboxRequest"), async ({ analysisId, videoId, ...filters }, ctx) =>
    (await inbox()).getInbox(db(), ctx.uid, analysisId !== undefined ? { ...filters, analysisId } : { ...filters, videoId: videoId! }),
  ),
);

export const postReply = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(contract("postReplyRequest"), async (input, ctx) => {
    const [{ postReply: post }, { channelDepsFromParams }] = await Promise.all([replies(), channel()]);
    return post(channelDepsFromParams(db()), ctx.uid, input);
  }),
);

export const moderateComments = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(contract("moderateCommentsRequest"), async (input, ctx) => {
    const [{ moderateComments: moderate }, { channelDepsFromParams }] = await Promise.all([moderation(), channel()]);
    return moderate(channelDepsFromParams(db()), ctx.uid, input);
  }),
);

export const getHeldComments = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(contract("getHeldCommentsRequest"), async (input, ctx) => {
    const [{ getHeldComments: held }, { channelDepsFromParams }] = await Promise.all([moderation(), channel()]);
    return held(channelDepsFromParams(db()), ctx.uid, input);
  }),
);
