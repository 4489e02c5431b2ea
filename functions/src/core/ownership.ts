import type { DocumentData, DocumentReference, DocumentSnapshot } from "firebase-admin/firestore";
import { notFound } from "./errors";

// Every top-level collection whose documents belong to one user, by their
// `userId` field. deleteAccount removes all of them (with subcollections),
// so a feature that adds a user-owned collection adds it here. Comment chunks
// (analyses/{id}/comments/{n}) carry `userId` too and are also found by a
// collection-group query, so a chunk whose analysis was never written goes
// as well. paddle_events is not here: billing audit records are kept, with
// the uid removed (ANONYMISED_ON_DELETE).
export const USER_OWNED_COLLECTIONS = ["analysis_jobs", "analyses", "conversations", "paddle_customers", "channel_tokens", "reply_history", "moderation_actions"] as const;

/** Collection groups of user-tagged documents that may outlive their parent. */
export const USER_TAGGED_GROUPS = ["comments"] as const;

/** Kept on deletion, with `userId` set to null. */
export const ANONYMISED_ON_DELETE = ["paddle_events"] as const;

/**
 * The caller's document: not-found when it is missing *or someone else's*, so
 * a caller cannot learn that an id exists. The one ownership check of every
 * read or action on an analysis, a job or a conversation by id.
 */
export async function ownedDoc<T = DocumentData>(ref: DocumentReference<T>, uid: string, what: string): Promise<DocumentSnapshot<T>> {
  const snap = await ref.get();
  if (!snap.exists || snap.get("userId") !== uid) throw notFound(what);
  return snap;
}
