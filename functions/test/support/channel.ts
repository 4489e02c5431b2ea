// The connected-channel collaborators for in-process tests: the real
// google-auth-library client on the OAuth stand-in, the real YouTube client
// on the YouTube stand-in, and the stack's local key ring.
import type { Firestore } from "firebase-admin/firestore";
import { createGoogleOAuth } from "../../src/channel/googleOAuth";
import { createOwnerYouTube } from "../../src/channel/ownerYouTube";
import type { ChannelDeps } from "../../src/channel/service";
import { parseKeyRing } from "../../src/channel/tokenCrypto";
import { REDIRECT_URI } from "./oauth";

const env = (name: string) => process.env[name] ?? "";

export function testChannelDeps(db: Firestore): ChannelDeps {
  return {
    db,
    oauth: () => createGoogleOAuth({ clientId: env("GOOGLE_OAUTH_CLIENT_ID"), clientSecret: env("GOOGLE_OAUTH_CLIENT_SECRET"), baseUrl: env("GOOGLE_OAUTH_BASE_URL") }),
    keyRing: () => parseKeyRing(env("CHANNEL_TOKEN_KEYS")),
    youtube: (auth, spend) => createOwnerYouTube(auth, spend, env("YOUTUBE_API_ROOT_URL")),
    allowedRedirectUris: [REDIRECT_URI],
  };
}
