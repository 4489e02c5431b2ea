// Google OAuth 2.0 through google-auth-library's OAuth2Client (the library the
// YouTube client itself authenticates with): the authorization-code exchange
// with the web app's PKCE verifier, token revocation, and an authorised client
// for the owner's YouTube calls. Imported lazily: only these functions pay for it.
import { HttpsError } from "firebase-functions/v2/https";
import type { OAuth2Client } from "google-auth-library";
import { failedPrecondition, invalidArgument, unavailable } from "../core/errors";
import { GOOGLE_OAUTH_BASE_URL, GOOGLE_OAUTH_CLIENT_ID, GOOGLE_OAUTH_CLIENT_SECRET } from "./config";

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** https://oauth2.googleapis.com/ in production. */
  baseUrl: string;
}

export interface ExchangedTokens {
  refreshToken: string;
  accessToken: string;
  scopes: string[];
}

/** What Lently needs from Google's OAuth: the library behind an interface, so services can be tested with it alone. */
export interface GoogleOAuth {
  exchangeCode(input: { code: string; redirectUri: string; codeVerifier: string }): Promise<ExchangedTokens>;
  /** true when Google revoked it now; false when it was already invalid (revoked or expired): both mean it no longer works. */
  revoke(token: string): Promise<boolean>;
  /** An OAuth2Client that refreshes its access token from `refreshToken` when needed. */
  client(refreshToken: string): OAuth2Client;
}

export function oauthConfigFromParams(): OAuthConfig {
  return { clientId: GOOGLE_OAUTH_CLIENT_ID.value().trim(), clientSecret: GOOGLE_OAUTH_CLIENT_SECRET.value().trim(), baseUrl: GOOGLE_OAUTH_BASE_URL.value() };
}

/** The OAuth error code of a token-endpoint answer (`{"error":"invalid_grant",…}`), never its message or request (it carries the secrets). */
export function oauthErrorCode(err: unknown): { status?: number; error?: string } {
  const e = (err ?? {}) as { response?: { status?: number; data?: unknown }; status?: number };
  const status = e.response?.status ?? (typeof e.status === "number" ? e.status : undefined);
  const data = e.response?.data;
  const parsed = typeof data === "string" ? safeJson(data) : data;
  const error = parsed && typeof parsed === "object" && typeof (parsed as { error?: unknown }).error === "string" ? (parsed as { error: string }).error : undefined;
  return { status, error };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function createGoogleOAuth(config: OAuthConfig): Promise<GoogleOAuth> {
  if (!config.clientId || !config.clientSecret) {
    throw failedPrecondition("Connecting a YouTube channel is not configured on the server.", { reason: "oauth_not_configured" });
  }
  const { OAuth2Client } = await import("google-auth-library");
  const base = config.baseUrl.endsWith("/") ? config.baseUrl : `${config.baseUrl}/`;
  const make = (redirectUri?: string) =>
    new OAuth2Client({ clientId: config.clientId, clientSecret: config.clientSecret, redirectUri, endpoints: { oauth2TokenUrl: `${base}token`, oauth2RevokeUrl: `${base}revoke` } });
  return {
    async exchangeCode({ code, redirectUri, codeVerifier }) {
      try {
        const { tokens } = await make(redirectUri).getToken({ code, redirect_uri: redirectUri, codeVerifier });
        if (!tokens.refresh_token) {
          throw failedPrecondition("Google did not grant offline access. Start the connection again (the consent must ask for access_type=offline and prompt=consent).", { reason: "no_refresh_token" });
        }
        return { refreshToken: tokens.refresh_token, accessToken: tokens.access_token ?? "", scopes: (tokens.scope ?? "").split(/\s+/).filter(Boolean) };
      } catch (err) {
        if (err instanceof HttpsError) throw err;
        const { status, error } = oauthErrorCode(err);
        if (error === "invalid_grant") throw invalidArgument("code", "the authorization code is invalid, expired, already used, or does not match codeVerifier");
        if (error === "redirect_uri_mismatch") throw invalidArgument("redirectUri", "does not match the one the consent was started with");
        if (error === "invalid_client" || error === "unauthorized_client") throw failedPrecondition("The server's Google OAuth client is misconfigured.", { reason: "oauth_client_invalid" });
        if (status === undefined || status >= 500) throw unavailable("Google sign-in is not responding right now. Please try again.", { reason: "oauth_unavailable" });
        throw invalidArgument("code", "Google rejected the authorization code");
      }
    },
    async revoke(token) {
      try {
        await make().revokeToken(token);
        return true;
      } catch (err) {
        const { status, error } = oauthErrorCode(err);
        if (status === 400 && (error === "invalid_token" || error === "invalid_request")) return false;
        throw unavailable("Google did not confirm the revocation. Please try again.", { reason: "oauth_revoke_failed" });
      }
    },
    client(refreshToken) {
      const client = make();
      client.setCredentials({ refresh_token: refreshToken });
      return client;
    },
  };
}

export function googleOAuthFromParams(): Promise<GoogleOAuth> {
  return createGoogleOAuth(oauthConfigFromParams());
}
