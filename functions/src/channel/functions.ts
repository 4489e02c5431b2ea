// connectYouTubeChannel / disconnectYouTubeChannel: the creator's channel,
// connected through Google OAuth 2.0 (authorization code + PKCE from the web app).
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { ensureUser } from "../users/service";
import { identity } from "../users/functions";
import { CHANNEL_SECRETS } from "./config";
import { channelDepsFromParams, connectChannel, disconnectChannel, disconnectDepsFromParams } from "./service";

// RFC 7636: the verifier is 43–128 characters of [A-Za-z0-9-._~].
const codeVerifier = z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/, "must be the PKCE code verifier (43-128 characters of A-Z a-z 0-9 - . _ ~)");

const connectInput = z.strictObject({
  code: z.string().min(1, "must not be empty").max(2048, "must be at most 2048 characters"),
  redirectUri: z.string().url("must be a URL").max(2048, "must be at most 2048 characters"),
  codeVerifier,
});

export const connectYouTubeChannel = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(connectInput, async (input, ctx) => {
    // The channel goes on the profile: make sure there is one (a first call may come before getMe).
    await ensureUser(db(), ctx.uid, identity(ctx));
    return connectChannel(channelDepsFromParams(db()), ctx.uid, input);
  }),
);

export const disconnectYouTubeChannel = onCall(
  { secrets: CHANNEL_SECRETS },
  authed(z.strictObject({}), (_input, ctx) => disconnectChannel(db(), ctx.uid, disconnectDepsFromParams())),
);
