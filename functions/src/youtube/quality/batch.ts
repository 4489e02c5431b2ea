// Signals that only the whole batch (one video's comments) can give: which
// video the comments belong to, and which texts were pasted several times.
import type { YouTubeComment } from "../types";
import { linkedVideoIds } from "./links";
import type { TextScan } from "./scan";
import { FLOOD_MIN_TEXT, type DuplicateInfo } from "./spam";

export const authorOf = (c: YouTubeComment): string => c.authorChannelId ?? c.author;

// Pre-check before lower-casing a raw text to look for video links (every one has a "/").
const VIDEO_LINK_HINT = /v=|youtu\.?be|\/embed\/|\/shorts\/|\/live\//i;

/**
 * Without an explicit id, the video most often linked by distinct authors is
 * taken to be the video itself: viewers share it and link its timestamps,
 * while spammers each link their own. Raw texts are read: pasted URLs in
 * plainText (what Lently fetches; bare timestamps carry no target there), and
 * href targets in HTML text (the labelled datasets).
 */
export function inferSelfVideo(comments: readonly YouTubeComment[]): Set<string> {
  const authorsById = new Map<string, Set<string>>();
  for (const c of comments) {
    if (typeof c.text !== "string" || !c.text.includes("/") || !VIDEO_LINK_HINT.test(c.text)) continue;
    for (const id of linkedVideoIds(c.text.toLowerCase().replace(/&amp;/g, "&"))) {
      let authors = authorsById.get(id);
      if (!authors) authorsById.set(id, (authors = new Set()));
      authors.add(authorOf(c));
    }
  }
  let best: string | undefined;
  let bestCount = 0;
  let secondCount = 0;
  for (const [id, authors] of authorsById) {
    if (authors.size > bestCount) {
      secondCount = bestCount;
      best = id;
      bestCount = authors.size;
    } else if (authors.size > secondCount) secondCount = authors.size;
  }
  return best !== undefined && bestCount >= 2 && bestCount > secondCount ? new Set([best]) : new Set();
}

/**
 * Copies of each text skeleton, their distinct authors and the most by one
 * author. Skeletons too short to matter are skipped; authors are only
 * collected for skeletons that occur more than once.
 */
export type DuplicateGroups = Map<number, DuplicateInfo>;

export function groupCopies(scans: readonly TextScan[], comments: readonly YouTubeComment[]): DuplicateGroups {
  const copies = new Map<number, number>();
  for (const scan of scans) {
    if (scan.keyLength >= FLOOD_MIN_TEXT) copies.set(scan.keyHash, (copies.get(scan.keyHash) ?? 0) + 1);
  }
  const groups = new Map<number, DuplicateInfo>();
  const perAuthor = new Map<number, Map<string, number>>();
  for (let i = 0; i < scans.length; i++) {
    const key = scans[i].keyHash;
    const count = scans[i].keyLength >= FLOOD_MIN_TEXT ? (copies.get(key) ?? 0) : 0;
    if (count < 2) continue;
    let g = groups.get(key);
    let authors = perAuthor.get(key);
    if (!g || !authors) {
      groups.set(key, (g = { copies: count, authors: 0, maxPerAuthor: 0 }));
      perAuthor.set(key, (authors = new Map<string, number>()));
    }
    const author = authorOf(comments[i]);
    const mine = (authors.get(author) ?? 0) + 1;
    authors.set(author, mine);
    if (mine === 1) g.authors += 1;
    if (mine > g.maxPerAuthor) g.maxPerAuthor = mine;
  }
  return groups;
}
