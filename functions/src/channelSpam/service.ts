// Spam the way a channel meets it, across its videos: the spam filter given
// what only the channel knows. Its spammer list (authorLists: held at once),
// its names (impersonators), and its recent comments on other videos as
// MinHash band keys, users/{uid}/spam_bands/{bandKey}, so a wave seen on the
// first videos is caught on the next. Each judged video adds its comments to
// that index; impersonators and high-severity waves go on the spammer list.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { addAuthors, findAuthors } from "../authorLists/service";
import { SPAMMER_LIST } from "../domain/authorLists";
import { authorOf } from "../youtube/quality/batch";
import { filterComments, type FilterResult } from "../youtube/quality/filter";
import { bandKeys } from "../youtube/quality/nearDup";
import { normalizeText } from "../youtube/quality/text";
import { MAX_POSTS_PER_BAND, WaveIndex } from "../youtube/quality/waves";
import type { YouTubeComment } from "../youtube/types";

/** How long a post counts towards a wave: a bot wave spreads over a channel's videos within hours. */
export const WAVE_WINDOW_MS = 48 * 3600_000;
const READ_PAGE = 100;
const WRITE_PAGE = 400;

interface StoredPost {
  a: string;
  v: string;
  /** Epoch ms of the comment. */
  t: number;
}

interface BandDoc {
  posts: StoredPost[];
  /** When every post in it is past the window (a TTL policy may delete it). */
  expireAt: Timestamp;
}

export interface ChannelSpamInput {
  /** The owner's channel: their own comments are never judged. */
  channelId: string;
  /** The channel's title and handle, and names the creator lists. */
  ownerNames: ReadonlyArray<string | null | undefined>;
  videoId: string;
  comments: YouTubeComment[];
  now: Date;
  /** Add this video's comments to the channel's wave index and flagged accounts to the spammer list (off for a read-only view). */
  record: boolean;
}

const bandRef = (db: Firestore, uid: string, key: string) => db.doc(`users/${uid}/spam_bands/${key}`);

/** One video's comments judged with the channel's context. */
export async function judgeChannelComments(db: Firestore, uid: string, input: ChannelSpamInput): Promise<FilterResult> {
  const { comments, videoId, now } = input;
  const since = now.getTime() - WAVE_WINDOW_MS;
  const ids = comments.map((c) => c.authorChannelId).filter((id): id is string => typeof id === "string");
  const listed = await findAuthors(db, uid, SPAMMER_LIST, ids);
  const knownSpammers = new Map([...listed].map(([id, e]) => [id, e.reason]));

  const keysOf = comments.map((c) => (c.authorChannelId === input.channelId ? [] : bandKeys(normalizeText(String(c.text ?? "")).toLowerCase())));
  const allKeys = [...new Set(keysOf.flat())];
  const stored = new Map<string, StoredPost[]>();
  for (let i = 0; i < allKeys.length; i += READ_PAGE) {
    const snaps = await db.getAll(...allKeys.slice(i, i + READ_PAGE).map((k) => bandRef(db, uid, k)));
    for (const snap of snaps) if (snap.exists) stored.set(snap.id, ((snap.data() as BandDoc).posts ?? []).filter((p) => p.t >= since));
  }
  const waves = new WaveIndex();
  for (const [key, posts] of stored) for (const p of posts) waves.add([key], { author: p.a, videoId: p.v });

  const result = filterComments(comments, { videoId, channelId: input.channelId, ownerNames: input.ownerNames, knownSpammers, waves, now });
  if (!input.record) return result;

  // This video's posts join the index (bounded per band, oldest dropped).
  const added = new Map<string, StoredPost[]>();
  comments.forEach((c, i) => {
    const t = Date.parse(c.publishedAt);
    for (const key of keysOf[i]) {
      let posts = added.get(key);
      if (!posts) added.set(key, (posts = [...(stored.get(key) ?? [])]));
      if (!posts.some((p) => p.a === authorOf(c) && p.v === videoId)) posts.push({ a: authorOf(c), v: videoId, t: Number.isFinite(t) ? t : now.getTime() });
    }
  });
  const entries = [...added];
  for (let i = 0; i < entries.length; i += WRITE_PAGE) {
    const batch = db.batch();
    for (const [key, posts] of entries.slice(i, i + WRITE_PAGE)) {
      const kept = posts.sort((a, b) => b.t - a.t).slice(0, MAX_POSTS_PER_BAND);
      batch.set(bandRef(db, uid, key), { posts: kept, expireAt: Timestamp.fromMillis(Math.max(...kept.map((p) => p.t)) + WAVE_WINDOW_MS) } satisfies BandDoc);
    }
    await batch.commit();
  }

  // High confidence: an account under the channel's name, or a wave carrying a lure.
  const flagged = result.removed.filter((r) => r.comment.authorChannelId && !knownSpammers.has(r.comment.authorChannelId) && (r.reason === "impersonation" || (r.reason === "channel_flood" && r.severity === "high")));
  if (flagged.length > 0) {
    await addAuthors(
      db,
      uid,
      SPAMMER_LIST,
      flagged.map((r) => ({ authorChannelId: r.comment.authorChannelId!, displayName: r.comment.author, reason: r.detail, addedBy: "lently" as const })),
      now,
    );
  }
  return result;
}
