// Profiles, settings, usage and account deletion: plain functions over Firestore
// and Auth, called by the thin callables in functions.ts.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import type { Auth } from "firebase-admin/auth";
import { logger } from "firebase-functions";
import { USER_OWNED_COLLECTIONS } from "../core/ownership";
import { disconnectChannel, type DisconnectDeps } from "../channel/service";
import { planOf, type PlanId } from "../core/plans";
import { currentUsage, usageDocs } from "../core/quota";
import { readModifyWrite } from "../core/readModifyWrite";
import { usageView } from "../core/usage";
import { DEFAULT_SETTINGS, mergeSettings, readSettings, type Settings, type SettingsPatch } from "./settings";

export interface ProfileDoc {
  uid: string;
  email: string | null;
  displayName: string | null;
  photoURL: string | null;
  plan: PlanId;
  settings: Settings;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface Identity {
  email?: string | null;
  name?: string | null;
  picture?: string | null;
}

export function profileView(profile: ProfileDoc) {
  return {
    uid: profile.uid,
    email: profile.email,
    displayName: profile.displayName,
    photoURL: profile.photoURL,
    plan: planOf(profile.plan).id,
    settings: readSettings(profile.settings),
    createdAt: profile.createdAt.toDate().toISOString(),
    updatedAt: profile.updatedAt.toDate().toISOString(),
  };
}

/**
 * The caller's profile and usage, created on first call. A repeat call never
 * resets usage: the usage document is only created when missing (or rolled
 * into a new period when the old one has ended).
 */
export async function ensureUser(db: Firestore, uid: string, identity: Identity, now = new Date()) {
  const [usageDoc, profileRef] = usageDocs(db, uid);
  return readModifyWrite(db, [usageDoc, profileRef], ([usageSnap, profileSnap], writer) => {
    const { usage, changed } = currentUsage(usageSnap, profileSnap, now);
    let profile = profileSnap.data() as ProfileDoc | undefined;
    const created = !profile;
    if (!profile) {
      const ts = Timestamp.fromDate(now);
      profile = {
        uid,
        email: identity.email ?? null,
        displayName: identity.name ?? null,
        photoURL: identity.picture ?? null,
        plan: "free",
        settings: DEFAULT_SETTINGS,
        createdAt: ts,
        updatedAt: ts,
      };
      writer.write(profileRef, profile);
    }
    if (changed) writer.write(usageDoc, usage);
    return { created, profile: profileView(profile), usage: usageView(usage) };
  });
}

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

/**
 * Removes everything the user owns: their profile tree (billing, history, rate
 * limits…), every user-owned top-level document with its subcollections, and
 * the Auth user. Safe to call again after a partial failure.
 */
export async function deleteAccount(db: Firestore, authAdmin: Auth, uid: string, channel?: DisconnectDeps) {
  if (channel) await disconnectChannel(db, uid, channel); // revoke the connected channel's token at Google before its document goes
  const writer = db.bulkWriter();
  let documents = 0;
  for (const collection of USER_OWNED_COLLECTIONS) {
    const owned = await db.collection(collection).where("userId", "==", uid).select().get();
    for (const doc of owned.docs) {
      await db.recursiveDelete(doc.ref, writer);
      documents += 1;
    }
  }
  await db.recursiveDelete(db.doc(`users/${uid}`), writer);
  await writer.close();
  let authDeleted = false;
  try {
    await authAdmin.deleteUser(uid);
    authDeleted = true;
  } catch (err) {
    if ((err as { code?: string }).code !== "auth/user-not-found") throw err;
  }
  logger.info("account deleted", { uid, ownedDocuments: documents, authDeleted });
  return { deleted: true, ownedDocuments: documents, authUserDeleted: authDeleted };
}
