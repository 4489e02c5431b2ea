// The YouTube Data API as Lently uses it: one video's metadata (videos.list)
// and its top-level comment threads (commentThreads.list, paginated). Every
// HTTP call that reaches YouTube costs one quota unit — failed ones too — so
// each call is counted and the count is returned with the result. Transient
// failures are retried with backoff; everything else becomes a clear HttpsError
// (errors.ts), and nothing from the client library is logged or echoed as is.
import { logger } from "firebase-functions/logger";
import { UnitMeter } from "../core/budgets/unitMeter";
import type { youtube_v3 } from "@googleapis/youtube";
import type { YouTubeLists } from "./client";
import { classify, isRetryable, toHttpsError, YouTubeApiError, type YouTubeFailure } from "./errors";
import { backoffDelay, DEFAULT_RETRY, sleep, type RetryPolicy } from "./retry";
import type { VideoMeta, YouTubeComment } from "./types";

export type CommentOrder = "relevance" | "time";
export const COMMENT_ORDERS = ["relevance", "time"] as const satisfies readonly CommentOrder[];

/** The maxResults Lently asks for: YouTube's largest page of comment threads. */
export const PAGE_SIZE = 100;

/**
 * Threads a page really holds. Since late 2023 `order=time` serves about 20
 * threads a page even with maxResults=100; `relevance` still serves 100.
 */
export const PAGE_SIZE_BY_ORDER: Record<CommentOrder, number> = { relevance: 100, time: 20 };

/** commentThreads units (one per page) to list `comments` top-level comments in this order. */
export function estimateCommentUnits(comments: number, order: CommentOrder): number {
  return Math.max(1, Math.ceil(Math.max(0, comments) / PAGE_SIZE_BY_ORDER[order]));
}

/** Empty pages in a row (each with a nextPageToken) after which a listing stops instead of paying for more. */
export const MAX_EMPTY_PAGES_IN_A_ROW = 5;

export interface CommentPage {
  /** At most `limit` comments, in YouTube's order. */
  comments: YouTubeComment[];
  /**
   * The rest of the last page beyond `limit` (it cost the same unit): a cache
   * keeps these so the listing can resume at `nextPageToken` without a gap.
   */
  overflow: YouTubeComment[];
  /** Where the page after `overflow` starts; null once the last page was read. */
  nextPageToken: string | null;
  /** Units this fetch spent (pages and retries). */
  units: number;
  pages: number;
}

export interface FetchCommentsOptions {
  limit: number;
  order?: CommentOrder;
  /** Continue an earlier listing (a cached one) instead of starting from the first page. */
  pageToken?: string;
  meter?: UnitMeter;
}

export interface YouTubeServiceOptions {
  retry?: RetryPolicy;
  /** Injected so tests can retry without waiting. */
  sleep?: (ms: number) => Promise<void>;
}

const VIDEO_PARTS = ["snippet", "contentDetails", "statistics", "status"];

/** ISO 8601 duration (PT1H2M3S, P1DT2H, P0D) in whole seconds; 0 when absent or unparseable. */
export function parseIsoDuration(value: string | null | undefined): number {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value ?? "");
  if (!m) return 0;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0));
  return Math.round(w * 604_800 + d * 86_400 + h * 3_600 + min * 60 + s);
}

const count = (value: string | null | undefined): number => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) && n >= 0 ? n : 0;
};

function privacy(value: string | null | undefined): VideoMeta["privacyStatus"] {
  return value === "private" || value === "unlisted" ? value : "public";
}

export function toVideoMeta(item: youtube_v3.Schema$Video): VideoMeta {
  const snippet = item.snippet ?? {};
  const stats = item.statistics ?? {};
  const thumbs = snippet.thumbnails ?? {};
  const thumbnails: VideoMeta["thumbnails"] = {};
  for (const size of ["default", "medium", "high", "maxres"] as const) {
    const url = thumbs[size]?.url;
    if (url) thumbnails[size] = url;
  }
  // YouTube omits commentCount when the owner turned comments off.
  const commentsDisabled = stats.commentCount === undefined || stats.commentCount === null;
  return {
    id: item.id ?? "",
    title: snippet.title ?? "",
    description: snippet.description ?? "",
    channelId: snippet.channelId ?? "",
    channelTitle: snippet.channelTitle ?? "",
    publishedAt: snippet.publishedAt ?? "",
    thumbnails,
    durationSeconds: parseIsoDuration(item.contentDetails?.duration),
    viewCount: count(stats.viewCount),
    likeCount: count(stats.likeCount),
    commentCount: count(stats.commentCount),
    commentsDisabled,
    privacyStatus: privacy(item.status?.privacyStatus),
    liveBroadcastContent: snippet.liveBroadcastContent ?? "none",
  };
}

export function toComment(thread: youtube_v3.Schema$CommentThread): YouTubeComment | null {
  const top = thread.snippet?.topLevelComment;
  const s = top?.snippet;
  const id = top?.id ?? thread.id;
  if (!s || !id) return null;
  const comment: YouTubeComment = {
    id,
    author: s.authorDisplayName ?? "",
    // textFormat=plainText is requested, so textDisplay is plain text.
    text: s.textDisplay ?? s.textOriginal ?? "",
    likeCount: s.likeCount ?? 0,
    replyCount: thread.snippet?.totalReplyCount ?? 0,
    publishedAt: s.publishedAt ?? "",
    updatedAt: s.updatedAt ?? s.publishedAt ?? "",
  };
  if (s.authorChannelId?.value) comment.authorChannelId = s.authorChannelId.value;
  const replies = thread.replies?.comments;
  if (replies) {
    comment.repliesSeen = replies.length;
    const ownerAt = latestReplyBy(replies, thread.snippet?.channelId);
    if (ownerAt) comment.ownerRepliedAt = ownerAt;
  }
  return comment;
}

/** The latest time a reply in `replies` was written by `channelId` (a thread's snippet.channelId is its video's channel). */
export function latestReplyBy(replies: readonly youtube_v3.Schema$Comment[], channelId: string | null | undefined): string | undefined {
  if (!channelId) return undefined;
  let latest: string | undefined;
  for (const r of replies) {
    const at = r.snippet?.publishedAt ?? "";
    if (r.snippet?.authorChannelId?.value === channelId && at && (!latest || at > latest)) latest = at;
  }
  return latest;
}

export class YouTubeService {
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly api: YouTubeLists,
    options: YouTubeServiceOptions = {},
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? sleep;
  }

  /** The video's metadata, or null when YouTube does not know it (or does not show it to this key). */
  async findVideo(videoId: string, meter = new UnitMeter()): Promise<{ video: VideoMeta | null; units: number }> {
    const before = meter.units;
    const response = await this.call("videos", videoId, meter, () => this.api.videosList({ part: VIDEO_PARTS, id: [videoId], maxResults: 1 }));
    const item = response.items?.find((v) => v.id === videoId) ?? response.items?.[0];
    return { video: item ? toVideoMeta(item) : null, units: meter.units - before };
  }

  /** The video's metadata; `not-found` when YouTube does not know it. */
  async getVideo(videoId: string, meter = new UnitMeter()): Promise<{ video: VideoMeta; units: number }> {
    const { video, units } = await this.findVideo(videoId, meter);
    if (!video) throw toHttpsError({ kind: "notFound" }, { videoId, attempts: 1 });
    return { video, units };
  }

  /**
   * Top-level comment threads, following nextPageToken until `limit` comments
   * or the last page. Pages can be short or empty and still have a next page;
   * a run of MAX_EMPTY_PAGES_IN_A_ROW empty pages ends the listing early (its
   * token is kept, so it can be resumed). A failure after some pages were
   * paid for carries them (`YouTubeApiError.partial`) so the caller can keep them.
   */
  async fetchCommentThreads(videoId: string, options: FetchCommentsOptions): Promise<CommentPage> {
    const meter = options.meter ?? new UnitMeter();
    const before = meter.units;
    const order = options.order ?? "relevance";
    const comments: YouTubeComment[] = [];
    const seen = new Set<string>();
    let pageToken = options.pageToken;
    let pages = 0;
    let emptyInARow = 0;
    do {
      let response: youtube_v3.Schema$CommentThreadListResponse;
      try {
        response = await this.call("commentThreads", videoId, meter, () =>
          // plainText: the text as the viewer typed it (no HTML anchors or entities), for storage, prompts and the quality filter alike.
          this.api.commentThreadsList({ part: ["snippet", "replies"], videoId, maxResults: PAGE_SIZE, order, textFormat: "plainText", pageToken }),
        );
      } catch (err) {
        if (err instanceof YouTubeApiError && pages > 0) err.partial = { comments, nextPageToken: pageToken ?? null, pages, units: meter.units - before };
        throw err;
      }
      pages += 1;
      const items = response.items ?? [];
      emptyInARow = items.length === 0 ? emptyInARow + 1 : 0;
      for (const thread of items) {
        const comment = toComment(thread);
        // Relevance-ordered pages can repeat a thread; keep the first.
        if (comment && !seen.has(comment.id)) {
          seen.add(comment.id);
          comments.push(comment);
        }
      }
      pageToken = response.nextPageToken ?? undefined;
      if (pageToken && emptyInARow >= MAX_EMPTY_PAGES_IN_A_ROW) {
        logger.warn("YouTube listing stopped after empty pages", { event: "youtube_empty_pages", videoId, pages, emptyInARow });
        break;
      }
    } while (pageToken && comments.length < options.limit);
    return {
      comments: comments.slice(0, options.limit),
      overflow: comments.slice(options.limit),
      nextPageToken: pageToken ?? null,
      units: meter.units - before,
      pages,
    };
  }

  /** One page (up to 100) of a thread's replies through comments.list with `parentId`: one unit. */
  async listReplies(parentId: string, videoId: string, meter: UnitMeter, pageToken?: string): Promise<{ replies: youtube_v3.Schema$Comment[]; nextPageToken: string | null }> {
    const response = await this.call("comments", videoId, meter, () =>
      this.api.commentsList({ part: ["snippet"], parentId, maxResults: PAGE_SIZE, textFormat: "plainText", pageToken }),
    );
    return { replies: response.items ?? [], nextPageToken: response.nextPageToken ?? null };
  }

  /**
   * One page of comment threads of a video or of every video of a channel
   * (allThreadsRelatedToChannelId): one unit, retried like every call. The
   * newest-first listing of a sync is built on it (newest.ts).
   */
  async threadsPage(
    target: { videoId: string } | { channelId: string },
    options: { order: CommentOrder; pageToken?: string },
    meter: UnitMeter,
  ): Promise<youtube_v3.Schema$CommentThreadListResponse> {
    const key = "videoId" in target ? target.videoId : target.channelId;
    const filter = "videoId" in target ? { videoId: target.videoId } : { allThreadsRelatedToChannelId: target.channelId };
    return this.call("commentThreads", key, meter, () =>
      this.api.commentThreadsList({ part: ["snippet", "replies"], ...filter, maxResults: PAGE_SIZE, order: options.order, textFormat: "plainText", pageToken: options.pageToken }),
    );
  }

  /** One API call with retries; every attempt that reached YouTube is counted. */
  private async call<T>(route: "videos" | "commentThreads" | "comments", videoId: string, meter: UnitMeter, request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const reservation = await meter.reserve();
      try {
        const result = await request();
        meter.add();
        return result;
      } catch (err) {
        const failure = classify(err);
        if (failure.status !== undefined) meter.add();
        else await meter.release(reservation).catch(() => undefined); // a refund that fails costs a unit, never the call's own error
        const willRetry = isRetryable(failure) && attempt < this.retry.attempts;
        logFailure(route, videoId, attempt, failure, willRetry);
        if (!willRetry) throw toHttpsError(failure, { videoId, attempts: attempt });
        await this.sleep(backoffDelay(attempt, this.retry));
      }
    }
  }
}

// Structured and redacted: status, reason and domain only — never the error object, its message or URL (they carry the key).
function logFailure(route: string, videoId: string, attempt: number, failure: YouTubeFailure, willRetry: boolean): void {
  const entry = { event: "youtube_api_error", route, videoId, attempt, willRetry, ...failure };
  // Answers about the video, and a stale page token (handled by restarting), are not faults of ours.
  const expected = ["notFound", "commentsDisabled", "forbidden", "invalidPageToken", "processingFailure"].includes(failure.kind);
  if (willRetry || expected) logger.warn("YouTube API call failed", entry);
  else logger.error("YouTube API call failed", entry);
}
