// Connecting and disconnecting the creator's YouTube channel, and the owner's
// YouTube session every inbox action runs in. The refresh token is sealed
// before it is written, opened only in memory for a call, and never returned
// or logged; the profile carries the channel's id and title only.
import { FieldValue, Timestamp, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { HttpsError } from "firebase-functions/v2/https";
import type { OAuth2Client } from "google-auth-library";
import type { YoutubeBudgetConfig } from "../core/budgets/youtubeBudget";
import { failedPrecondition, invalidArgument } from "../core/errors";
import type { ConnectedChannel } from "../core/profiles";
import { currentUsage, usageDocs } from "../core/quota";
import { chargeUnits, refundUnits, UNIT_COST } from "../youtube/units";
import { CHANNEL_TOKEN_KEYS, FORCE_SSL_SCOPE, OAUTH_REDIRECT_URIS } from "./config";
import { googleOAuthFromParams, type GoogleOAuth } from "./googleOAuth";
import { createOwnerYouTube, type OwnerYouTube, type SpendUnits } from "./ownerYouTube";
import { KeyRingError, parseKeyRing, type KeyRing } from "./tokenCrypto";
import { readToken, resealToken, sealToken, tokenRef } from "./tokenStore";

export interface DisconnectDeps {
  /** Created only when there is a token to revoke. */
  oauth: () => Promise<GoogleOAuth>;
  keyRing: () => KeyRing;
  now?: () => Date;
}

export interface ChannelDeps extends DisconnectDeps {
  db: Firestore;
  /** The owner's YouTube client for an authorised OAuth2Client. */
  youtube: (auth: OAuth2Client, spend: SpendUnits) => Promise<OwnerYouTube>;
  allowedRedirectUris: readonly string[];
  /** Default: the YOUTUBE_DAILY_UNITS / YOUTUBE_ANALYSIS_RESERVE_PERCENT params. */
  budget?: YoutubeBudgetConfig;
}

function keyRingFromParams(): KeyRing {
  return parseKeyRing(CHANNEL_TOKEN_KEYS.value());
}

/** Everything disconnectChannel needs, from the deployment's params and secrets (declare CHANNEL_SECRETS on the function). */
export function disconnectDepsFromParams(): DisconnectDeps {
  return { oauth: googleOAuthFromParams, keyRing: keyRingFromParams };
}

export function channelDepsFromParams(db: Firestore): ChannelDeps {
  return {
    ...disconnectDepsFromParams(),
    db,
    youtube: (auth, spend) => createOwnerYouTube(auth, spend),
    allowedRedirectUris: OAUTH_REDIRECT_URIS.value().split(",").map((s) => s.trim()).filter(Boolean),
  };
}

function ring(deps: DisconnectDeps): KeyRing {
  try {
    return deps.keyRing();
  } catch (err) {
    if (!(err instanceof KeyRingError)) throw err;
    logger.error("channel token key ring unusable", { event: "channel_key_ring_invalid", why: err.message });
    throw failedPrecondition("Connecting a YouTube channel is not configured on the server.", { reason: "token_keys_invalid" });
  }
}

/**
 * Charges the owner's YouTube calls to the project's YouTube budget, on the
 * caller's plan (their daily allowance), and counts them for the answer.
 */
export async function unitSpender(deps: ChannelDeps, uid: string, now: () => Date): Promise<SpendUnits & { total: () => number }> {
  const [usageSnap, profileSnap] = await deps.db.getAll(...usageDocs(deps.db, uid));
  const { plan } = currentUsage(usageSnap, profileSnap, now()).usage;
  let total = 0;
  const spend: SpendUnits = async (operation) => {
    const reserved = await chargeUnits(deps.db, { userId: uid, plan, operation }, { now, config: deps.budget });
    total += UNIT_COST[operation];
    return async () => {
      await refundUnits(deps.db, reserved);
      total -= reserved.units;
    };
  };
  return Object.assign(spend, { total: () => total });
}

async function revokeQuietly(oauth: GoogleOAuth, token: string, why: string): Promise<boolean> {
  try {
    return await oauth.revoke(token);
  } catch {
    logger.warn("refresh token revocation failed", { event: "channel_revoke_failed", why });
    return false;
  }
}

export interface ConnectInput {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

export async function connectChannel(deps: ChannelDeps, uid: string, input: ConnectInput) {
  const now = deps.now ?? (() => new Date());
  if (!deps.allowedRedirectUris.includes(input.redirectUri)) throw invalidArgument("redirectUri", "is not one of the web app's registered redirect URIs");
  const keys = ring(deps);
  const oauth = await deps.oauth();
  const tokens = await oauth.exchangeCode(input);
  if (!tokens.scopes.includes(FORCE_SSL_SCOPE)) {
    await revokeQuietly(oauth, tokens.refreshToken, "insufficient_scope");
    throw new HttpsError("permission-denied", "Lently needs permission to manage your YouTube comments. Connect again and allow it.", { reason: "insufficient_scope", requiredScope: FORCE_SSL_SCOPE });
  }
  const spend = await unitSpender(deps, uid, now);
  let channel: { id: string; title: string } | null;
  try {
    channel = await (await deps.youtube(oauth.client(tokens.refreshToken), spend)).myChannel();
  } catch (err) {
    await revokeQuietly(oauth, tokens.refreshToken, "channel_lookup_failed");
    throw err;
  }
  if (!channel) {
    await revokeQuietly(oauth, tokens.refreshToken, "no_channel");
    throw failedPrecondition("This Google account has no YouTube channel. Sign in with the account that owns your channel.", { reason: "no_channel" });
  }

  // A channel connected before (another grant) is replaced: its token is revoked once the new one is stored.
  const previous = await readToken(deps.db, uid, keys).catch(() => null);
  const at = now();
  const profile: ConnectedChannel = { id: channel.id, title: channel.title, scopes: tokens.scopes, connectedAt: Timestamp.fromDate(at) };
  const batch = deps.db.batch();
  batch.set(tokenRef(deps.db, uid), sealToken(uid, channel.id, tokens.scopes, tokens.refreshToken, keys, at));
  batch.set(deps.db.doc(`users/${uid}`), { youtubeChannel: profile, updatedAt: Timestamp.fromDate(at) }, { merge: true });
  await batch.commit();
  if (previous && previous.refreshToken !== tokens.refreshToken) await revokeQuietly(oauth, previous.refreshToken, "replaced");
  logger.info("youtube channel connected", { event: "channel_connected", uid, channelId: channel.id });
  return { channel: { id: channel.id, title: channel.title, scopes: tokens.scopes, connectedAt: at.toISOString() }, youtubeUnits: spend.total() };
}

/**
 * Revokes the channel's refresh token at Google and deletes it, with the
 * profile's channel. Used by disconnectYouTubeChannel and deleteAccount; safe
 * to repeat. The token is deleted even when Google cannot be reached (then
 * `revoked` is false and the creator can revoke it in their Google account).
 */
export async function disconnectChannel(db: Firestore, uid: string, deps: DisconnectDeps) {
  const snap = await tokenRef(db, uid).get();
  let revoked = false;
  if (snap.exists) {
    try {
      const token = await readToken(db, uid, ring(deps));
      if (token) revoked = await revokeQuietly(await deps.oauth(), token.refreshToken, "disconnect");
    } catch (err) {
      // A token that cannot be opened cannot be revoked, but it is still deleted.
      logger.error("channel token could not be revoked", { event: "channel_revoke_skipped", uid, error: err instanceof Error ? err.name : "unknown" });
    }
  }
  const batch = db.batch();
  batch.delete(tokenRef(db, uid));
  const profile = db.doc(`users/${uid}`);
  if ((await profile.get()).exists) batch.update(profile, { youtubeChannel: FieldValue.delete() });
  await batch.commit();
  if (snap.exists) logger.info("youtube channel disconnected", { event: "channel_disconnected", uid, revoked });
  return { disconnected: snap.exists, revoked };
}

export interface OwnerSession {
  channel: { id: string; title: string };
  youtube: OwnerYouTube;
  /** Units this session has spent so far. */
  units: () => number;
}

/** The connected channel's YouTube client; `failed-precondition` when no channel is connected. */
export async function ownerSession(deps: ChannelDeps, uid: string): Promise<OwnerSession> {
  const now = deps.now ?? (() => new Date());
  const keys = ring(deps);
  const token = await readToken(deps.db, uid, keys);
  if (!token) throw failedPrecondition("Connect your YouTube channel first.", { reason: "channel_not_connected" });
  if (token.stale) await resealToken(deps.db, uid, token, keys, now());
  if (!token.scopes.includes(FORCE_SSL_SCOPE)) {
    throw new HttpsError("permission-denied", "Lently may not manage comments on this channel: connect it again and allow managing your YouTube comments.", { reason: "insufficient_scope", requiredScope: FORCE_SSL_SCOPE });
  }
  const profile = await deps.db.doc(`users/${uid}`).get();
  const title = (profile.get("youtubeChannel.title") as string | undefined) ?? "";
  const spend = await unitSpender(deps, uid, now);
  const oauth = await deps.oauth();
  return { channel: { id: token.channelId, title }, youtube: await deps.youtube(oauth.client(token.refreshToken), spend), units: spend.total };
}
