// The creator's author lists as the rules read and write them:
// users/{uid}/author_lists/{list}/authors/{authorChannelId}. The lists are
// the spam feature's (VIP, blocked, spammers); this module is the rules'
// only way to them, so it is the one place to swap for that feature's service.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { AUTHOR_LISTS, type AuthorList } from "../domain/ruleLimits";
import type { ListsOf } from "./comment";

const authorsCol = (db: Firestore, uid: string, list: AuthorList) => db.collection(`users/${uid}/author_lists/${list}/authors`);

/** Which lists each of these authors is on (one read per list per 30 authors). */
export async function listsOfAuthors(db: Firestore, uid: string, authorChannelIds: Iterable<string | undefined>): Promise<ListsOf> {
  const ids = [...new Set([...authorChannelIds].filter((id): id is string => Boolean(id)))];
  const found = new Map<string, Set<AuthorList>>();
  for (const list of AUTHOR_LISTS) {
    for (let i = 0; i < ids.length; i += 30) {
      const refs = ids.slice(i, i + 30).map((id) => authorsCol(db, uid, list).doc(id));
      if (!refs.length) continue;
      for (const snap of await db.getAll(...refs)) {
        if (!snap.exists) continue;
        const lists = found.get(snap.id) ?? new Set<AuthorList>();
        lists.add(list);
        found.set(snap.id, lists);
      }
    }
  }
  const none: ReadonlySet<AuthorList> = new Set();
  return (id) => (id ? (found.get(id) ?? none) : none);
}

export async function addAuthorToList(db: Firestore, uid: string, list: AuthorList, author: { channelId: string; name: string }, source: string, now: Date): Promise<void> {
  await authorsCol(db, uid, list).doc(author.channelId).set({ authorChannelId: author.channelId, name: author.name, source, addedAt: Timestamp.fromDate(now) }, { merge: true });
}
