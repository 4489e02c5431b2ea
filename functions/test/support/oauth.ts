// The Google OAuth stand-in as tests see it: a consent (the redirect the web
// app receives, with its code), PKCE pairs, and the grants it issued.
import { createHash, randomBytes } from "node:crypto";
import { OAUTH_STANDIN_CLIENT_ID, FORCE_SSL_SCOPE } from "../../../tools/standins/oauth";

export { FORCE_SSL_SCOPE } from "../../../tools/standins/oauth";
export const REDIRECT_URI = "http://localhost:5173/oauth/youtube";

export function oauthUrl(): string {
  const url = process.env.LENTLY_OAUTH_STANDIN_URL;
  if (!url) throw new Error("LENTLY_OAUTH_STANDIN_URL is not set: run tests through tools/stack.ts");
  return url;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** What the web app gets back from Google's consent screen: an authorization code for `channelId` with `scopes`. */
export async function consent(options: { channelId?: string; scopes?: string[]; redirectUri?: string } = {}): Promise<{ code: string; codeVerifier: string; redirectUri: string }> {
  const { verifier, challenge } = pkcePair();
  const redirectUri = options.redirectUri ?? REDIRECT_URI;
  const url = new URL(`${oauthUrl()}/o/oauth2/v2/auth`);
  url.search = new URLSearchParams({
    client_id: OAUTH_STANDIN_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: "code",
    scope: (options.scopes ?? [FORCE_SSL_SCOPE]).join(" "),
    access_type: "offline",
    prompt: "consent",
    code_challenge: challenge,
    code_challenge_method: "S256",
    state: "st",
    ...(options.channelId ? { login_hint: options.channelId } : {}),
  }).toString();
  const res = await fetch(url, { redirect: "manual" });
  if (res.status !== 302) throw new Error(`consent: HTTP ${res.status} ${await res.text()}`);
  const code = new URL(res.headers.get("location")!).searchParams.get("code");
  if (!code) throw new Error("consent: no code in the redirect");
  return { code, codeVerifier: verifier, redirectUri };
}

export interface StandInGrant {
  channelId: string;
  scopes: string[];
  refreshToken: string;
  revoked: boolean;
}

export async function grants(): Promise<StandInGrant[]> {
  return ((await (await fetch(`${oauthUrl()}/__oauth/grants`)).json()) as { grants: StandInGrant[] }).grants;
}

export interface OwnerStats {
  requests: Record<string, number>;
  units: number;
  posted: Array<{ id: string; parentId: string; text: string; authorChannelId: string }>;
  moderation: Record<string, string>;
  banned: string[];
  replyParents: string[];
  repliesMaxInFlight: number;
}

export async function ownerStats(): Promise<OwnerStats> {
  return (await (await fetch(`${process.env.LENTLY_YOUTUBE_STANDIN_URL}/__owner/stats`)).json()) as OwnerStats;
}

export async function resetOwner(): Promise<void> {
  await fetch(`${process.env.LENTLY_YOUTUBE_STANDIN_URL}/__owner/reset`, { method: "POST" });
}

/** comments.list answers after `ms` (0: at once), so calls in flight overlap. */
export async function setRepliesLatency(ms: number): Promise<void> {
  await fetch(`${process.env.LENTLY_YOUTUBE_STANDIN_URL}/__owner/config`, { method: "POST", body: JSON.stringify({ repliesLatencyMs: ms }) });
}

export async function exhaustOwnerQuota(exhausted: boolean): Promise<void> {
  await fetch(`${process.env.LENTLY_YOUTUBE_STANDIN_URL}/__owner/quota`, { method: "POST", body: JSON.stringify({ exhausted }) });
}
