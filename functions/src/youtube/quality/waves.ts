// The channel's recent comments as MinHash band keys (nearDup.ts) with who
// posted them on which video: what a wave across videos is judged against.
// Plain and in memory; the channel's stored index (the Firestore side) loads
// into it and saves what a video added.
import { FLOOD_LONG_TEXT } from "./spam";
import { MATCHING_BANDS } from "./nearDup";

/** One earlier post of a band: the author and the video it was on. */
export interface BandPost {
  author: string;
  videoId: string;
}

/** Posts kept per band key: enough to count a wave's accounts and videos, bounded. */
export const MAX_POSTS_PER_BAND = 24;

export class WaveIndex {
  readonly bands = new Map<string, BandPost[]>();

  add(keys: readonly string[], post: BandPost): void {
    for (const key of keys) {
      let posts = this.bands.get(key);
      if (!posts) this.bands.set(key, (posts = []));
      if (posts.length < MAX_POSTS_PER_BAND && !posts.some((p) => p.author === post.author && p.videoId === post.videoId)) posts.push(post);
    }
  }

  /** Earlier near copies of a text on other videos (posts sharing MATCHING_BANDS keys with it): their other authors, and this author's other videos. */
  match(keys: readonly string[], post: BandPost): { otherAuthors: number; ownOtherVideos: number; videos: number } | undefined {
    // By author and video: the same post stored under each of its band keys counts once per key.
    const shared = new Map<string, { post: BandPost; count: number }>();
    for (const key of keys) {
      for (const p of this.bands.get(key) ?? []) {
        if (p.videoId === post.videoId) continue;
        const id = `${p.author}\u0000${p.videoId}`;
        const seen = shared.get(id);
        if (seen) seen.count += 1;
        else shared.set(id, { post: p, count: 1 });
      }
    }
    const authors = new Set<string>();
    const ownVideos = new Set<string>();
    const videos = new Set<string>();
    for (const { post: p, count } of shared.values()) {
      if (count < MATCHING_BANDS) continue;
      videos.add(p.videoId);
      if (p.author === post.author) ownVideos.add(p.videoId);
      else authors.add(p.author);
    }
    if (videos.size === 0) return undefined;
    return { otherAuthors: authors.size, ownOtherVideos: ownVideos.size, videos: videos.size };
  }
}

/**
 * A wave: the near-same text already posted on other videos by two or more
 * other accounts (three with this one) or by this account on two other
 * videos. Only texts of ten words or so (FLOOD_LONG_TEXT letters): short
 * praise recurs on every video of a channel. A lure or a link lowers it to a
 * single earlier account or video.
 */
export function isWave(m: { otherAuthors: number; ownOtherVideos: number }, keyLength: number, baited: boolean): boolean {
  if (baited) return m.otherAuthors >= 1 || m.ownOtherVideos >= 1;
  if (keyLength < FLOOD_LONG_TEXT) return false;
  return m.otherAuthors >= 2 || m.ownOtherVideos >= 2;
}
