// channel_tokens/{uid}: the connected channel's refresh token, sealed
// (tokenCrypto.ts). Server only: no rule matches the collection, so every
// client read and write is denied; only the Admin SDK reaches it.
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { open, seal, type KeyRing, type SealedSecret } from "./tokenCrypto";

export const CHANNEL_TOKENS_COLLECTION = "channel_tokens";

export interface ChannelTokenDoc {
  userId: string;
  channelId: string;
  scopes: string[];
  refreshToken: SealedSecret;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export function tokenRef(db: Firestore, uid: string): DocumentReference<ChannelTokenDoc> {
  return db.collection(CHANNEL_TOKENS_COLLECTION).doc(uid) as DocumentReference<ChannelTokenDoc>;
}

/** The associated data of a sealed token: the document it belongs to. */
const aad = (uid: string) => `${CHANNEL_TOKENS_COLLECTION}/${uid}`;

export function sealToken(uid: string, channelId: string, scopes: string[], refreshToken: string, ring: KeyRing, now: Date): ChannelTokenDoc {
  const at = Timestamp.fromDate(now);
  return { userId: uid, channelId, scopes, refreshToken: seal(refreshToken, ring, aad(uid)), createdAt: at, updatedAt: at };
}

export interface OpenedToken {
  channelId: string;
  scopes: string[];
  refreshToken: string;
  /** Sealed with an older key: re-seal with the current one. */
  stale: boolean;
}

export async function readToken(db: Firestore, uid: string, ring: KeyRing): Promise<OpenedToken | null> {
  const doc = (await tokenRef(db, uid).get()).data();
  if (!doc) return null;
  return {
    channelId: doc.channelId,
    scopes: doc.scopes,
    refreshToken: open(doc.refreshToken, ring, aad(uid)),
    stale: doc.refreshToken.kid !== ring.current.id,
  };
}

/** Re-seals a token sealed with an older key (key rotation), keeping everything else. */
export async function resealToken(db: Firestore, uid: string, token: OpenedToken, ring: KeyRing, now: Date): Promise<void> {
  await tokenRef(db, uid).update({ refreshToken: seal(token.refreshToken, ring, aad(uid)), updatedAt: Timestamp.fromDate(now) });
}
