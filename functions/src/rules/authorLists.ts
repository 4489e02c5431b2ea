// The creator's author lists as the rules read and write them, through the
// author lists' service (authorLists/): which lists a comment's author is on,
// and "add the author to a list".
import type { Firestore } from "firebase-admin/firestore";
import { addAuthor, findAuthors } from "../authorLists/service";
import { AUTHOR_LISTS, type AuthorList } from "../domain/authorLists";
import type { ListsOf } from "./comment";

/** Which lists each of these authors is on (one read per list per 100 authors). */
export async function listsOfAuthors(db: Firestore, uid: string, authorChannelIds: Iterable<string | undefined>): Promise<ListsOf> {
  const ids = [...new Set([...authorChannelIds].filter((id): id is string => Boolean(id)))];
  const found = new Map<string, Set<AuthorList>>();
  if (ids.length) {
    for (const list of AUTHOR_LISTS) {
      for (const id of (await findAuthors(db, uid, list, ids)).keys()) found.set(id, (found.get(id) ?? new Set<AuthorList>()).add(list));
    }
  }
  const none: ReadonlySet<AuthorList> = new Set();
  return (id) => (id ? (found.get(id) ?? none) : none);
}

export async function addAuthorToList(db: Firestore, uid: string, list: AuthorList, author: { channelId: string; name: string }, ruleName: string, now: Date): Promise<void> {
  await addAuthor(db, uid, list, { authorChannelId: author.channelId, displayName: author.name, reason: `rule: ${ruleName}`, addedBy: "rule" }, now);
}
