// deleted_users/{uid}: written first by deleteAccount and kept. An ID token
// stays valid for up to an hour after its account is deleted; `authed` and
// the security rules check this document, so such a token can neither
// recreate the profile (getMe) nor write a job. Holds no personal data.
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";

export function tombstoneRef(db: Firestore, uid: string): DocumentReference {
  return db.doc(`deleted_users/${uid}`);
}

export async function isDeleted(db: Firestore, uid: string): Promise<boolean> {
  return (await tombstoneRef(db, uid).get()).exists;
}

export async function writeTombstone(db: Firestore, uid: string, now: Date): Promise<void> {
  await tombstoneRef(db, uid).set({ deleted_at: Timestamp.fromDate(now) });
}
