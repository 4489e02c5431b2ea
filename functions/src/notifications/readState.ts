// Marking notifications read or unread (the markNotifications callable).
import type { Firestore } from "firebase-admin/firestore";
import { notificationsOf } from "./store";

/** Pages of a "mark all" walk: one batch write each (Firestore allows 500). */
const PAGE = 400;

export type MarkRequest = { ids: string[]; read: boolean } | { all: true; read: boolean };

/**
 * Sets `read` on the caller's own notifications only: ids are looked up under
 * `users/{uid}`, so another user's id is simply not found. Unknown ids are
 * skipped, not an error (a notification the web app still shows may have been
 * removed with the account's data). Returns how many changed.
 */
export async function markNotifications(db: Firestore, uid: string, request: MarkRequest): Promise<{ updated: number; read: boolean }> {
  const col = notificationsOf(db, uid);
  if ("ids" in request) {
    const snaps = await db.getAll(...[...new Set(request.ids)].map((id) => col.doc(id)));
    const changing = snaps.filter((s) => s.exists && s.get("read") !== request.read);
    if (changing.length) {
      const batch = db.batch();
      for (const snap of changing) batch.update(snap.ref, { read: request.read });
      await batch.commit();
    }
    return { updated: changing.length, read: request.read };
  }
  let updated = 0;
  for (;;) {
    const page = await col.where("read", "==", !request.read).limit(PAGE).get();
    if (page.empty) break;
    const batch = db.batch();
    for (const snap of page.docs) batch.update(snap.ref, { read: request.read });
    await batch.commit();
    updated += page.size;
  }
  return { updated, read: request.read };
}
