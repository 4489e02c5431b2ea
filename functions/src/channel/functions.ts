// connectYouTubeChannel / disconnectYouTubeChannel: the creator's channel,
// connected through Google OAuth 2.0 (authorization code + PKCE from the web app).
import { onCall } from "firebase-functions/v2/https";
import { callables as contracts } from "../contracts";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";
import { identity } from "../users/identity";
import { ensureUser } from "../users/service";
import { CHANNEL_SECRETS } from "./config";

const channel = lazy(() => import("./service"));

export const connectYouTubeChannel = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(contracts.connectYouTubeChannel.request, async (input, ctx) => {
    const { channelDepsFromParams, connectChannel } = await channel();
    // The channel goes on the profile: make sure there is one (a first call may come before getMe).
    await ensureUser(db(), ctx.uid, identity(ctx));
    return connectChannel(channelDepsFromParams(db()), ctx.uid, input);
  }),
);

export const disconnectYouTubeChannel = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(contracts.disconnectYouTubeChannel.request, async (_input, ctx) => {
    const { disconnectChannel, disconnectDepsFromParams } = await channel();
    return disconnectChannel(db(), ctx.uid, disconnectDepsFromParams());
  }),
);
