// Params and secrets of the connected channel (Google OAuth 2.0, youtube.force-ssl).
import { defineSecret, defineString } from "firebase-functions/params";

/** The web app's OAuth client (Google Cloud console → Credentials → OAuth client ID, type "Web application"). */
export const GOOGLE_OAUTH_CLIENT_ID = defineString("GOOGLE_OAUTH_CLIENT_ID", {
  default: "",
  description: "OAuth 2.0 client id of the web app (the consent screen's client)",
});

export const GOOGLE_OAUTH_CLIENT_SECRET = defineSecret("GOOGLE_OAUTH_CLIENT_SECRET");

/** Where the token and revoke endpoints live; the local OAuth stand-in in tests and the demo. */
export const GOOGLE_OAUTH_BASE_URL = defineString("GOOGLE_OAUTH_BASE_URL", {
  default: "https://oauth2.googleapis.com/",
  description: "Base URL of Google's OAuth 2.0 token and revoke endpoints",
});

/** redirect_uri values the web app may use (comma-separated); each must also be registered on the OAuth client. */
export const OAUTH_REDIRECT_URIS = defineString("OAUTH_REDIRECT_URIS", {
  default: "http://localhost:5173/oauth/youtube",
  description: "Allowed OAuth redirect URIs of the web app, comma-separated",
});

/**
 * The key ring that encrypts refresh tokens at rest: `kid:base64key` entries
 * (32-byte keys), comma-separated. The first encrypts; every entry decrypts,
 * so a key rotates by putting the new one first and keeping the old one until
 * every token has been re-sealed (each is re-sealed with the first key when used).
 */
export const CHANNEL_TOKEN_KEYS = defineSecret("CHANNEL_TOKEN_KEYS");

export const FORCE_SSL_SCOPE = "https://www.googleapis.com/auth/youtube.force-ssl";

/** The secrets every function that opens or revokes a channel token declares. */
export const CHANNEL_SECRETS = [GOOGLE_OAUTH_CLIENT_SECRET, CHANNEL_TOKEN_KEYS];
