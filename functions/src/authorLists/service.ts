// users/{uid}/author_lists/{list}/authors/{authorChannelId}: one document per
// author on one of the creator's lists (domain/authorLists.ts). Keyed by the
// author's channel id, so adding twice is one entry (the latest reason wins)
// and a membership test is one read. The owner reads them (firestore.rules);
// only the server writes.
import { Timestamp, type CollectionReference, type Firestore } from "firebase-admin/firestore";
import type { AuthorList, AuthorListSource } from "../domain/authorLists";

export interface AuthorListEntry {
  authorChannelId: string;
  displayName: string;
  reason: string;
  addedBy: AuthorListSource;
  addedAt: Timestamp;
}

export interface NewAuthorListEntry {
  authorChannelId: string;
  displayName?: string;
  reason: string;
  addedBy: AuthorListSource;
}

/** Documents per getAll round trip. */
const READ_PAGE = 100;
/** A document id may not contain "/" and may not be "." or ".."; YouTube channel ids never do. */
const VALID_ID = /^[A-Za-z0-9_-]{1,128}$/;

function authors(db: Firestore, uid: string, list: AuthorList): CollectionReference<AuthorListEntry> {
  // Whether this cast is "unnecessary" depends on which files the type checker met first (Firestore's
  // generic variance is measured once per program): needed in some programs, flagged in others.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  return db.collection(`users/${uid}/author_lists/${list}/authors`) as CollectionReference<AuthorListEntry>;
}

function checkId(authorChannelId: string): void {
  if (!VALID_ID.test(authorChannelId)) throw new Error(`authorChannelId: not a YouTube channel id (${JSON.stringify(authorChannelId.slice(0, 40))})`);
}

/** Puts the authors on the list (or refreshes their entry), in batches of 500. */
export async function addAuthors(db: Firestore, uid: string, list: AuthorList, entries: NewAuthorListEntry[], now: Date = new Date()): Promise<number> {
  const unique = new Map(entries.map((e) => [e.authorChannelId, e]));
  const rows = [...unique.values()];
  for (const e of rows) checkId(e.authorChannelId);
  for (let i = 0; i < rows.length; i += 500) {
    const batch = db.batch();
    for (const e of rows.slice(i, i + 500)) {
      batch.set(authors(db, uid, list).doc(e.authorChannelId), {
        authorChannelId: e.authorChannelId,
        displayName: e.displayName ?? "",
        reason: e.reason,
        addedBy: e.addedBy,
        addedAt: Timestamp.fromDate(now),
      });
    }
    await batch.commit();
  }
  return rows.length;
}

export function addAuthor(db: Firestore, uid: string, list: AuthorList, entry: NewAuthorListEntry, now?: Date): Promise<number> {
  return addAuthors(db, uid, list, [entry], now);
}

/** Takes the author off the list; true when they were on it. */
export async function removeAuthor(db: Firestore, uid: string, list: AuthorList, authorChannelId: string): Promise<boolean> {
  checkId(authorChannelId);
  const ref = authors(db, uid, list).doc(authorChannelId);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return false;
    tx.delete(ref);
    return true;
  });
}

export async function hasAuthor(db: Firestore, uid: string, list: AuthorList, authorChannelId: string): Promise<boolean> {
  if (!VALID_ID.test(authorChannelId)) return false;
  return (await authors(db, uid, list).doc(authorChannelId).get()).exists;
}

/** Which of these authors are on the list, with their entries: one round trip per 100 ids. */
export async function findAuthors(db: Firestore, uid: string, list: AuthorList, authorChannelIds: Iterable<string>): Promise<Map<string, AuthorListEntry>> {
  const ids = [...new Set(authorChannelIds)].filter((id) => VALID_ID.test(id));
  const out = new Map<string, AuthorListEntry>();
  for (let i = 0; i < ids.length; i += READ_PAGE) {
    const refs = ids.slice(i, i + READ_PAGE).map((id) => authors(db, uid, list).doc(id));
    for (const snap of await db.getAll(...refs)) if (snap.exists) out.set(snap.id, snap.data() as AuthorListEntry);
  }
  return out;
}

/** The list, newest first, one page at a time (`after` is the last authorChannelId of the previous page). */
export async function listAuthors(db: Firestore, uid: string, list: AuthorList, opts: { limit?: number; after?: string } = {}): Promise<AuthorListEntry[]> {
  let query = authors(db, uid, list).orderBy("addedAt", "desc");
  if (opts.after) {
    const cursor = await authors(db, uid, list).doc(opts.after).get();
    if (cursor.exists) query = query.startAfter(cursor);
  }
  return (await query.limit(opts.limit ?? 100).get()).docs.map((d) => d.data());
}
