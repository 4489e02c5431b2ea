// Profiles, settings, usage and account deletion: plain functions over Firestore
// and Auth, called by the thin callables in functions.ts (the profile document
// itself and its creation: core/profiles.ts).
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import type { Auth } from "firebase-admin/auth";
import { logger } from "firebase-functions/logger";
import type { CustomerDirectory } from "../billing/paddle";
import { isLive, SUBSCRIPTIONS } from "../billing/state";
import { unavailable } from "../core/errors";
import { ANONYMISED_ON_DELETE, USER_OWNED_COLLECTIONS, USER_TAGGED_GROUPS } from "../core/ownership";
import type { Identity } from "../core/identity";
import { ensureUser, profileView, type ProfileDoc } from "../core/profiles";
import { readModifyWrite } from "../core/readModifyWrite";
import { writeTombstone } from "../core/tombstone";
import { mergeSettings, readSettings, type SettingsPatch } from "../domain/settings";

/** getMe: the caller's profile and usage, both created on the first call. */
export const getMe = ensureUser;

export async function updateProfile(
  db: Firestore,
  uid: string,
  identity: Identity,
  patch: { displayName?: string | null; photoURL?: string | null },
) {
  await ensureUser(db, uid, identity);
  const update: Record<string, unknown> = { updatedAt: Timestamp.now() };
  if (patch.displayName !== undefined) update.displayName = patch.displayName;
  if (patch.photoURL !== undefined) update.photoURL = patch.photoURL;
  await db.doc(`users/${uid}`).update(update);
  const snap = await db.doc(`users/${uid}`).get();
  return profileView(snap.data() as ProfileDoc);
}

export async function updateSettings(db: Firestore, uid: string, identity: Identity, patch: SettingsPatch) {
  await ensureUser(db, uid, identity);
  const ref = db.doc(`users/${uid}`);
  return readModifyWrite(db, [ref], ([snap], writer) => {
    const settings = mergeSettings(readSettings(snap.get("settings")), patch);
    writer.update(ref, { settings, updatedAt: Timestamp.now() });
    return settings;
  });
}

export async function getUsage(db: Firestore, uid: string, identity: Identity) {
  const { usage } = await ensureUser(db, uid, identity);
  return usage;
}

export interface DeletionDeps {
  db: Firestore;
  auth: Auth;
  /** Paddle API; null when billing is not configured. */
  billing: Pick<CustomerDirectory, "cancelSubscription"> | null;
  /** Revokes the connected YouTube channel's refresh token at Google and deletes it (channel/service.ts disconnectChannel). */
  channel?: { disconnect(uid: string): Promise<unknown> };
  now?: () => Date;
}

/**
 * Removes everything the user owns, in an order that is safe to repeat after
 * a partial failure:
 *  1. the tombstone (core/tombstone), so the still-valid ID token recreates
 *     and writes nothing from now on;
 *  2. every live Paddle subscription cancelled through the API, so the card
 *     is not charged again (no billing configured with a live subscription:
 *     refused, rather than leave it charging);
 *  3. the connected YouTube channel's refresh token revoked at Google and
 *     deleted, then the user's Firebase refresh tokens revoked;
 *  4. the profile tree (billing, subscriptions, history, rate limits…), every
 *     user-owned top-level document with its subcollections, and every
 *     comment chunk tagged with the user (also those whose analysis was never
 *     written);
 *  5. billing audit records kept with the uid removed; then the Auth user.
 */
export async function deleteAccount(deps: DeletionDeps, uid: string) {
  const { db, auth: authAdmin } = deps;
  const now = deps.now?.() ?? new Date();
  await writeTombstone(db, uid, now);

  const live = (await db.collection(`users/${uid}/${SUBSCRIPTIONS}`).get()).docs.filter((doc) => isLive(String(doc.get("status"))));
  if (live.length && !deps.billing) {
    throw unavailable("Your subscription could not be cancelled right now, so the account was not deleted. Please try again later.");
  }
  let cancelled = 0;
  for (const doc of live) if (await deps.billing!.cancelSubscription(doc.id)) cancelled += 1;

  // Before the token document goes: once deleted, it could no longer be revoked.
  if (deps.channel) await deps.channel.disconnect(uid);
  await authAdmin.revokeRefreshTokens(uid).catch(ignoreMissingUser);

  const writer = db.bulkWriter();
  let documents = 0;
  for (const collection of USER_OWNED_COLLECTIONS) {
    const owned = await db.collection(collection).where("userId", "==", uid).select().get();
    for (const doc of owned.docs) {
      await db.recursiveDelete(doc.ref, writer);
      documents += 1;
    }
  }
  for (const group of USER_TAGGED_GROUPS) {
    const tagged = await db.collectionGroup(group).where("userId", "==", uid).select().get();
    for (const doc of tagged.docs) {
      void writer.delete(doc.ref);
      documents += 1;
    }
  }
  for (const collection of ANONYMISED_ON_DELETE) {
    const records = await db.collection(collection).where("userId", "==", uid).select().get();
    for (const doc of records.docs) void writer.update(doc.ref, { userId: null, user_deleted_at: Timestamp.fromDate(now) });
  }
  await db.recursiveDelete(db.doc(`users/${uid}`), writer);
  await writer.close();
  let authDeleted = false;
  try {
    await authAdmin.deleteUser(uid);
    authDeleted = true;
  } catch (err) {
    ignoreMissingUser(err);
  }
  logger.info("account deleted", { uid, ownedDocuments: documents, subscriptionsCancelled: cancelled, authDeleted });
  return { deleted: true, ownedDocuments: documents, subscriptionsCancelled: cancelled, authUserDeleted: authDeleted };
}

function ignoreMissingUser(err: unknown): void {
  if ((err as { code?: string }).code !== "auth/user-not-found") throw err;
}
