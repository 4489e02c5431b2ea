// A local stand-in for Google's OAuth 2.0 endpoints, over real HTTP, for the
// authorization-code flow with PKCE that `google-auth-library`'s OAuth2Client
// runs: the consent redirect (GET /o/oauth2/v2/auth, answered at once with a
// 302 to redirect_uri?code=…&state=…, as after the user clicked "Allow"),
// POST /token (authorization_code and refresh_token grants) and POST /revoke,
// with Google's error bodies ({"error":"invalid_grant","error_description":…}).
// The functions reach it through the GOOGLE_OAUTH_BASE_URL param.
//
// The consent page's choices are query parameters: `login_hint` names the
// channel the user signs in with (default: the demo video's channel) and
// `scope` the scopes they grant. Access tokens are kept in this process, so
// the YouTube stand-in (youtube-owner.ts) knows whose channel a Bearer token is.
//
// Control endpoints for tests: GET /__oauth/grants (every grant with its
// refresh token and whether it was revoked), POST /__oauth/reset.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { listenLocal } from "./listen";
import type { StandInStarter } from "./starter";

export const OAUTH_STANDIN_CLIENT_ID = "lently-local.apps.googleusercontent.com";
export const OAUTH_STANDIN_CLIENT_SECRET = "lently-standin-oauth-client-secret";
export const FORCE_SSL_SCOPE = "https://www.googleapis.com/auth/youtube.force-ssl";
/** The channel a consent signs in with when the request names none: the demo video's owner. */
export const DEFAULT_CHANNEL_ID = "UCmayaMakesThings00000A";

const CODE_TTL_MS = 10 * 60_000;
const ACCESS_TTL_S = 3599;

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  method: "S256" | "plain";
  channelId: string;
  scopes: string[];
  expiresAt: number;
}

export interface Grant {
  channelId: string;
  scopes: string[];
  refreshToken: string;
  revoked: boolean;
  /** Access tokens issued from this grant. */
  accessTokens: string[];
}

export interface AccessInfo {
  channelId: string;
  scopes: string[];
}

const codes = new Map<string, PendingCode>();
const grants: Grant[] = [];
const access = new Map<string, { grant: Grant; expiresAt: number }>();

/** Whose token this is, or undefined when unknown, expired or revoked (YouTube answers 401 then). */
export function lookupAccessToken(token: string, now = Date.now()): AccessInfo | undefined {
  const entry = access.get(token);
  if (!entry || entry.grant.revoked || entry.expiresAt <= now) return undefined;
  return { channelId: entry.grant.channelId, scopes: entry.grant.scopes };
}

function resetOAuth(): void {
  codes.clear();
  grants.length = 0;
  access.clear();
}

const token = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), "cache-control": "no-cache, no-store, max-age=0, must-revalidate", ...headers });
  res.end(text);
}

const oauthError = (res: ServerResponse, status: number, error: string, description: string) => send(res, status, { error, error_description: description });

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function clientFrom(req: IncomingMessage, form: URLSearchParams): { id: string; secret: string } {
  const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    return { id: id ?? "", secret: secret ?? "" };
  }
  return { id: form.get("client_id") ?? "", secret: form.get("client_secret") ?? "" };
}

function consent(url: URL, res: ServerResponse): void {
  const q = url.searchParams;
  const redirectUri = q.get("redirect_uri") ?? "";
  if (q.get("client_id") !== OAUTH_STANDIN_CLIENT_ID) return oauthError(res, 401, "invalid_client", "The OAuth client was not found.");
  if (!/^https?:\/\//.test(redirectUri)) return oauthError(res, 400, "redirect_uri_mismatch", "Invalid redirect_uri.");
  if (q.get("response_type") !== "code") return oauthError(res, 400, "unsupported_response_type", "Only response_type=code is supported.");
  const challenge = q.get("code_challenge") ?? "";
  const method = q.get("code_challenge_method") === "plain" ? "plain" : "S256";
  if (!challenge) return oauthError(res, 400, "invalid_request", "code_challenge is required for this client (PKCE).");
  const code = token("4/0A");
  codes.set(code, {
    clientId: OAUTH_STANDIN_CLIENT_ID,
    redirectUri,
    challenge,
    method,
    channelId: q.get("login_hint") || DEFAULT_CHANNEL_ID,
    scopes: (q.get("scope") ?? "").split(/\s+/).filter(Boolean),
    expiresAt: Date.now() + CODE_TTL_MS,
  });
  const target = new URL(redirectUri);
  target.searchParams.set("code", code);
  if (q.get("state")) target.searchParams.set("state", q.get("state")!);
  target.searchParams.set("scope", q.get("scope") ?? "");
  res.writeHead(302, { location: target.toString() });
  res.end();
}

function issueAccess(grant: Grant): { access_token: string; expires_in: number; scope: string; token_type: "Bearer" } {
  const accessToken = token("ya29.");
  access.set(accessToken, { grant, expiresAt: Date.now() + ACCESS_TTL_S * 1000 });
  grant.accessTokens.push(accessToken);
  return { access_token: accessToken, expires_in: ACCESS_TTL_S, scope: grant.scopes.join(" "), token_type: "Bearer" };
}

async function tokenEndpoint(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const client = clientFrom(req, form);
  if (client.id !== OAUTH_STANDIN_CLIENT_ID || client.secret !== OAUTH_STANDIN_CLIENT_SECRET) {
    return oauthError(res, 401, "invalid_client", "Unauthorized");
  }
  const grantType = form.get("grant_type");
  if (grantType === "authorization_code") {
    const code = form.get("code") ?? "";
    const pending = codes.get(code);
    codes.delete(code); // single use, even when the exchange fails
    if (!pending || pending.expiresAt <= Date.now()) return oauthError(res, 400, "invalid_grant", "Malformed auth code.");
    if (form.get("redirect_uri") !== pending.redirectUri) return oauthError(res, 400, "redirect_uri_mismatch", "Bad Request");
    const verifier = form.get("code_verifier") ?? "";
    const expected = pending.method === "plain" ? verifier : createHash("sha256").update(verifier).digest("base64url");
    if (!verifier || expected !== pending.challenge) return oauthError(res, 400, "invalid_grant", "Invalid code verifier.");
    const grant: Grant = { channelId: pending.channelId, scopes: pending.scopes, refreshToken: token("1//0g"), revoked: false, accessTokens: [] };
    grants.push(grant);
    return send(res, 200, { ...issueAccess(grant), refresh_token: grant.refreshToken });
  }
  if (grantType === "refresh_token") {
    const grant = grants.find((g) => g.refreshToken === form.get("refresh_token"));
    if (!grant || grant.revoked) return oauthError(res, 400, "invalid_grant", "Token has been expired or revoked.");
    return send(res, 200, issueAccess(grant));
  }
  return oauthError(res, 400, "unsupported_grant_type", `Invalid grant_type: ${grantType ?? ""}`);
}

async function revokeEndpoint(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = await readForm(req);
  const value = url.searchParams.get("token") ?? form.get("token") ?? "";
  // Revoking an access token revokes its grant too (what Google does).
  const grant = grants.find((g) => !g.revoked && (g.refreshToken === value || g.accessTokens.includes(value)));
  if (!grant) return oauthError(res, 400, "invalid_token", "Token expired or revoked");
  grant.revoked = true;
  return send(res, 200, {});
}

export interface OAuthStandIn {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startOAuthServer(port = 0): Promise<OAuthStandIn> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = `${req.method ?? "GET"} ${url.pathname.replace(/\/+$/, "")}`;
    const done = (p: Promise<void>) => p.catch((err: unknown) => oauthError(res, 500, "server_error", err instanceof Error ? err.message : String(err)));
    switch (route) {
      case "GET /o/oauth2/v2/auth":
        return consent(url, res);
      case "POST /token":
        return void done(tokenEndpoint(req, res));
      case "POST /revoke":
        return void done(revokeEndpoint(url, req, res));
      case "GET /__oauth/grants":
        return send(res, 200, { grants: grants.map((g) => ({ channelId: g.channelId, scopes: g.scopes, refreshToken: g.refreshToken, revoked: g.revoked })) });
      case "POST /__oauth/reset":
        resetOAuth();
        return send(res, 200, { ok: true });
      default:
        return send(res, 404, { error: "not_found", error_description: "Not Found" });
    }
  });
  const listening = await listenLocal(server, port);
  return { server, url: listening.url, close: () => listening.close() };
}

/** Registry entry: the functions reach it through GOOGLE_OAUTH_BASE_URL and the stand-in client's id and secret. */
export const startOAuthStandIn: StandInStarter = async (port) => {
  const standIn = await startOAuthServer(port);
  return {
    env: {
      params: { GOOGLE_OAUTH_BASE_URL: `${standIn.url}/`, GOOGLE_OAUTH_CLIENT_ID: OAUTH_STANDIN_CLIENT_ID, OAUTH_REDIRECT_URIS: "http://localhost:5173/oauth/youtube,http://127.0.0.1:5173/oauth/youtube" },
      // A fixed local key ring (kid:base64 of 32 bytes): only the local stack uses it.
      secrets: { GOOGLE_OAUTH_CLIENT_SECRET: OAUTH_STANDIN_CLIENT_SECRET, CHANNEL_TOKEN_KEYS: `local1:${Buffer.alloc(32, 7).toString("base64")}` },
      tooling: { LENTLY_OAUTH_STANDIN_URL: standIn.url },
    },
    close: () => standIn.close(),
  };
};
