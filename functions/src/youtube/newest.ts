// Newest-first listing down to a high-water mark: what a sync reads.
// commentThreads.list order=time serves ~20 threads a page, newest first; the
// listing stops at the first page that reaches the mark (the newest comment
// time seen before, and the ids seen at exactly that time, since several
// comments can share a second). Units ≈ pages of new comments + 1.
// Each page is handed to `onPage` as it is paid for, so a sync that fails
// midway keeps its pages and resumes from the last page's token.
import type { youtube_v3 } from "@googleapis/youtube";
import type { UnitMeter } from "../core/budgets/unitMeter";
import { MAX_EMPTY_PAGES_IN_A_ROW, toComment, type YouTubeService } from "./service";
import type { YouTubeComment } from "./types";

export interface HighWaterMark {
  /** ISO 8601 time of the newest comment seen. */
  publishedAt: string;
  /** The comments seen at exactly that time. */
  ids: string[];
}

export type ListingTarget = { videoId: string } | { channelId: string };

/** A top-level comment with the video and channel its thread names (a channel listing spans videos). */
export interface ListedComment extends YouTubeComment {
  videoId: string;
  channelId: string | null;
}

export interface NewestPage {
  /** 1-based page number within the listing. */
  page: number;
  /** The page's comments newer than the mark, newest first. */
  comments: ListedComment[];
  /** Where the next page starts; null when the listing is over (mark reached or last page). */
  nextPageToken: string | null;
}

export interface NewestOptions {
  meter: UnitMeter;
  /** Continue a listing that failed midway (the token of its last kept page) instead of starting again. */
  pageToken?: string;
  /** Pages already read by an earlier attempt (numbering continues). */
  pagesBefore?: number;
  /** Stop after this many new comments (the plan's allowance left); the mark then moves only as far as what was read. */
  maxComments?: number;
  /** Called with every page as it is paid for, before the next is requested. */
  onPage?: (page: NewestPage) => Promise<void>;
}

export interface NewestListing {
  comments: ListedComment[];
  pages: number;
  /** The listing reached the mark or the last page (false when cut by maxComments). */
  complete: boolean;
}

export function isNewerThan(comment: { id: string; publishedAt: string }, mark: HighWaterMark | null): boolean {
  if (!mark) return true;
  if (comment.publishedAt > mark.publishedAt) return true;
  return comment.publishedAt === mark.publishedAt && !mark.ids.includes(comment.id);
}

/** The mark after these comments: the newest time among them and the old mark, with every id seen at it. */
export function advanceMark(mark: HighWaterMark | null, comments: readonly { id: string; publishedAt: string }[]): HighWaterMark | null {
  let next = mark ? { publishedAt: mark.publishedAt, ids: [...mark.ids] } : null;
  for (const c of comments) {
    if (!c.publishedAt) continue;
    if (!next || c.publishedAt > next.publishedAt) next = { publishedAt: c.publishedAt, ids: [c.id] };
    else if (c.publishedAt === next.publishedAt && !next.ids.includes(c.id)) next.ids.push(c.id);
  }
  return next;
}

function listed(thread: youtube_v3.Schema$CommentThread): ListedComment | null {
  const comment = toComment(thread);
  const videoId = thread.snippet?.videoId ?? thread.snippet?.topLevelComment?.snippet?.videoId;
  if (!comment || !videoId) return null;
  return { ...comment, videoId, channelId: thread.snippet?.channelId ?? null };
}

/** Lists newest first until the mark (or the last page); resolves to the new comments, newest first. */
export async function listNewest(youtube: YouTubeService, target: ListingTarget, mark: HighWaterMark | null, options: NewestOptions): Promise<NewestListing> {
  const comments: ListedComment[] = [];
  const seen = new Set<string>();
  let pageToken = options.pageToken;
  let pages = options.pagesBefore ?? 0;
  let emptyInARow = 0;
  for (;;) {
    const response = await youtube.threadsPage(target, { order: "time", pageToken }, options.meter);
    pages += 1;
    const items = response.items ?? [];
    emptyInARow = items.length === 0 ? emptyInARow + 1 : 0;
    let reachedMark = false;
    const fresh: ListedComment[] = [];
    for (const thread of items) {
      const comment = listed(thread);
      if (!comment || seen.has(comment.id)) continue;
      if (!isNewerThan(comment, mark)) {
        // Newest first: an old comment here means the rest of the listing is old too.
        if (mark && comment.publishedAt < mark.publishedAt) reachedMark = true;
        continue;
      }
      seen.add(comment.id);
      fresh.push(comment);
    }
    const room = options.maxComments === undefined ? fresh.length : Math.max(0, options.maxComments - comments.length);
    const kept = fresh.slice(0, room);
    comments.push(...kept);
    const cut = kept.length < fresh.length;
    const next = reachedMark || cut ? null : (response.nextPageToken ?? null);
    await options.onPage?.({ page: pages, comments: kept, nextPageToken: next });
    if (cut) return { comments, pages, complete: false };
    if (!next || emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) return { comments, pages, complete: true };
    pageToken = next;
  }
}
