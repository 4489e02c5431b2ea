// connectYouTubeChannel / disconnectYouTubeChannel: the creator's channel,
// connected through Google OAuth 2.0 (authorization code + PKCE from the web app).
import { onCall } from "firebase-functions/v2/https";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";
import { identity } from "../core/identity";
import { CHANNEL_SECRETS } from "./config";

const contract = contractOf(() => import("../contracts/inbox"));
const channel = lazy(() => import("./service"));

export const connectYouTubeChannel = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(contract("connectYouTubeChannelRequest"), async (input, ctx) => {
    const [{ channelDepsFromParams, connectChannel }, { ensureUser }] = await Promise.all([channel(), import("../core/profiles")]);
    // The channel goes on the profile: make sure there is one (a first call may come before getMe).
    await ensureUser(db(), ctx.uid, identity(ctx));
    return connectChannel(channelDepsFromParams(db()), ctx.uid, input);
  }),
);

export const disconnectYouTubeChannel = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(contract("disconnectYouTubeChannelRequest"), async (_input, ctx) => {
    const { disconnectChannel, disconnectDepsFromParams } = await channel();
    return disconnectChannel(db(), ctx.uid, disconnectDepsFromParams());
  }),
);
