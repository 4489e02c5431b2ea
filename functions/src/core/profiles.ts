// The profile document users/{uid}: its shape, what the web app sees of it,
// and its creation on first use. Every feature that acts for a user may need
// the profile to exist (getMe, connecting a channel, a Paddle event for a new
// customer), so it lives here, below them all.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { planOf, type PlanId } from "../domain/plans";
import { DEFAULT_SETTINGS, readSettings, type Settings } from "../domain/settings";
import type { Identity } from "./identity";
import { currentUsage, usageDocs } from "./quota";
import { readModifyWrite } from "./readModifyWrite";
import { usageView } from "./planUsage";

/** users/{uid}.youtubeChannel: what the web app shows (rules let the owner read the profile). */
export interface ConnectedChannel {
  id: string;
  title: string;
  scopes: string[];
  connectedAt: Timestamp;
}

export interface ProfileDoc {
  uid: string;
  email: string | null;
  displayName: string | null;
  photoURL: string | null;
  plan: PlanId;
  settings: Settings;
  /** Written by connectYouTubeChannel (channel/service.ts), removed on disconnect. */
  youtubeChannel?: ConnectedChannel;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

function channelView(c: ConnectedChannel | undefined) {
  return c ? { id: c.id, title: c.title, scopes: c.scopes, connectedAt: c.connectedAt.toDate().toISOString() } : null;
}

export function profileView(profile: ProfileDoc) {
  return {
    uid: profile.uid,
    email: profile.email,
    displayName: profile.displayName,
    photoURL: profile.photoURL,
    plan: planOf(profile.plan).id,
    settings: readSettings(profile.settings),
    youtubeChannel: channelView(profile.youtubeChannel),
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
