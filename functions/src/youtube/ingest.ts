// Video and comment ingestion with the Firestore cache in front of YouTube:
// what the callables and the analysis pipeline use. Plain functions over their
// collaborators (Firestore, the YouTube service, a clock), so tests and the
// pipeline call them without a trigger.
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { HttpsError } from "firebase-functions/v2/https";
import type { PlanId } from "../domain/plans";
import { currentUsage, usageDocs } from "../core/quota";
import { YouTubeCache, cacheTtlFromParams, type CacheTtl, type FirestoreOps } from "./cache";
import { youtubeFromParams } from "./client";
import { toHttpsError, YouTubeApiError } from "./errors";
import { filterComments, type FilterResult } from "./quality/filter";
import { UnitMeter } from "../core/budgets/unitMeter";
import { estimateCommentUnits, YouTubeService, type CommentOrder } from "./service";
import type { VideoMeta, YouTubeComment } from "./types";

export interface IngestOptions {
  videoId: string;
  now?: Date;
  /** Cache lifetimes; default: the VIDEO_/COMMENTS_CACHE_TTL_MINUTES params. */
  ttl?: CacheTtl;
  /** Shared unit counter, e.g. across the steps of one analysis. */
  meter?: UnitMeter;
  /** Shared count of the cache's Firestore reads and writes. */
  ops?: FirestoreOps;
}

function cacheFor(db: Firestore, options: IngestOptions): YouTubeCache {
  return new YouTubeCache(db, options.ttl ?? cacheTtlFromParams(), options.ops);
}

/** The YouTube service configured by the deployment (key secret, root URL param). */
export async function youtubeService(): Promise<YouTubeService> {
  return new YouTubeService(await youtubeFromParams());
}

async function bestEffort(what: string, videoId: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (err) {
    // A cache that cannot be written costs units later, not correctness now.
    logger.warn("YouTube cache write failed", { event: "youtube_cache_write_failed", what, videoId, error: err instanceof Error ? err.name : "unknown" });
  }
}

/** Metadata from the cache or YouTube; `video` is null when YouTube does not know the id. */
export async function findVideoCached(
  db: Firestore,
  youtube: YouTubeService,
  options: IngestOptions,
): Promise<{ video: VideoMeta | null; cacheHit: boolean; units: number }> {
  const { videoId } = options;
  const now = options.now ?? new Date();
  const cache = cacheFor(db, options);
  const cached = await cache.readVideo(videoId, now);
  if (cached) return { video: cached.video, cacheHit: true, units: 0 };
  const { video, units } = await youtube.findVideo(videoId, options.meter);
  // "Not found" is cached like a found video: repeating a made-up id spends nothing.
  await bestEffort("video", videoId, () => cache.writeVideo(videoId, video, now));
  return { video, cacheHit: false, units };
}

/**
 * Why a video cannot be analysed (private, comments off), as the error a client
 * should see; null when it can. Private → `permission-denied` (the caller may
 * fix it by making the video unlisted). With an API key YouTube usually hides
 * private videos from videos.list altogether, which reads as `not-found`; the
 * commentThreads 403 `forbidden` maps to `permission-denied` too.
 */
export function analysisBlocker(video: VideoMeta): YouTubeApiError | null {
  if (video.privacyStatus === "private") return toHttpsError({ kind: "forbidden" }, { videoId: video.id, attempts: 1 });
  if (video.commentsDisabled) return toHttpsError({ kind: "commentsDisabled" }, { videoId: video.id, attempts: 1 });
  return null;
}

export interface CommentsOptions extends IngestOptions {
  limit: number;
  order?: CommentOrder;
}

export interface CachedComments {
  /** At most `limit`, in YouTube's order. */
  comments: YouTubeComment[];
  /** More top-level comments exist than were returned. */
  truncated: boolean;
  cacheHit: boolean;
  units: number;
}

/**
 * The error of a listing that failed after some pages were paid for, saying
 * how far it got; those comments were cached with the failed page's token, so
 * trying again continues from there instead of paying for them twice.
 */
function progressError(err: YouTubeApiError, fetched: number, pages: number): YouTubeApiError {
  const details = err.details && typeof err.details === "object" ? (err.details as Record<string, unknown>) : {};
  const message = `${err.message} Lently had fetched ${fetched} comments (${pages} pages) before it stopped; they are saved, and trying again continues from there.`;
  return new YouTubeApiError(err.code, message, { ...details, fetchedComments: fetched, pagesFetched: pages }, err.failure);
}

/**
 * Up to `limit` top-level comments. A cached list serves any limit it covers;
 * a shorter one that stopped early is extended from its saved page token, so
 * only the missing pages are paid for. A listing that fails midway (quota
 * exhausted, YouTube down on page N) keeps the pages it paid for in the cache.
 */
export async function getCommentsCached(db: Firestore, youtube: YouTubeService, options: CommentsOptions): Promise<CachedComments> {
  const { videoId, limit } = options;
  const order = options.order ?? "relevance";
  const now = options.now ?? new Date();
  const meter = options.meter ?? new UnitMeter();
  const before = meter.units;
  const cache = cacheFor(db, options);
  const result = (list: { comments: YouTubeComment[]; nextPageToken: string | null }, cacheHit: boolean): CachedComments => ({
    comments: list.comments.slice(0, limit),
    truncated: list.comments.length > limit || list.nextPageToken !== null,
    cacheHit,
    units: meter.units - before,
  });

  const cached = await cache.readComments(videoId, order, now);
  if (cached && (cached.comments.length >= limit || cached.nextPageToken === null)) return result(cached, true);
  /** `base` followed by the new comments it does not already have. */
  const appended = (base: readonly YouTubeComment[], more: readonly YouTubeComment[]) => {
    const known = new Set(base.map((c) => c.id));
    return [...base, ...more.filter((c) => !known.has(c.id))];
  };
  let base: { comments: YouTubeComment[]; expiresAt?: Date } = { comments: [] };

  try {
    if (cached?.nextPageToken) {
      try {
        base = cached;
        const more = await youtube.fetchCommentThreads(videoId, { limit: limit - cached.comments.length, order, pageToken: cached.nextPageToken, meter });
        const list = { comments: appended(cached.comments, [...more.comments, ...more.overflow]), nextPageToken: more.nextPageToken };
        await bestEffort("comments", videoId, () => cache.writeComments(videoId, order, list, now, cached.expiresAt));
        return result(list, false);
      } catch (err) {
        // A saved page token can go stale; start the listing over.
        if (!(err instanceof YouTubeApiError && err.failure.kind === "invalidPageToken")) throw err;
        base = { comments: [] };
      }
    }
    const fresh = await youtube.fetchCommentThreads(videoId, { limit, order, meter });
    const list = { comments: [...fresh.comments, ...fresh.overflow], nextPageToken: fresh.nextPageToken };
    await bestEffort("comments", videoId, () => cache.writeComments(videoId, order, list, now));
    return result(list, false);
  } catch (err) {
    if (err instanceof YouTubeApiError && err.failure.kind === "commentsDisabled") {
      await bestEffort("commentsDisabled", videoId, () => cache.markCommentsDisabled(videoId));
    }
    if (err instanceof YouTubeApiError && err.partial && err.partial.comments.length > 0) {
      const partial = err.partial;
      const list = { comments: appended(base.comments, partial.comments), nextPageToken: partial.nextPageToken };
      await bestEffort("partialComments", videoId, () => cache.writeComments(videoId, order, list, now, base.expiresAt));
      logger.warn("YouTube listing failed midway; kept what was fetched", { event: "youtube_partial_listing", videoId, order, comments: list.comments.length, pages: partial.pages, kind: err.failure.kind });
      throw progressError(err, list.comments.length, partial.pages);
    }
    throw err;
  }
}

/**
 * YouTube counts comments that no one can list: held for review, hidden by the
 * owner's filters, or removed since. Said plainly rather than "no comments".
 */
function notVisibleError(video: VideoMeta): HttpsError {
  return new HttpsError(
    "failed-precondition",
    `YouTube counts ${video.commentCount} comments on video ${video.id} but shows none publicly yet (they may be held for review or hidden by the channel's filters), so there is nothing to analyse.`,
    { reason: "comments_not_visible", videoId: video.id, commentCount: video.commentCount },
  );
}

export interface LoadRequest extends IngestOptions {
  limit: number;
  order?: CommentOrder;
}

export interface LoadResult {
  video: VideoMeta;
  /** The raw top-level comments fetched (at most `limit`). */
  comments: YouTubeComment[];
  /** Spam removed (with reasons), the rest scored and ranked by engagement. */
  filtered: FilterResult;
  /** More comments exist than `limit` allowed. */
  truncated: boolean;
  /** Quota units this load spent (0 when everything came from the cache). */
  youtubeUnits: number;
  /** Firestore documents the cache read and wrote for this load. */
  firestoreOps: FirestoreOps;
  cacheHits: { video: boolean; comments: boolean };
}

/**
 * The pipeline's entry: the video (not-found, private and comments-off become
 * HttpsErrors before any comment is fetched), up to `limit` comments through
 * the cache, and the quality filter's verdict on them.
 */
export async function loadVideoAndComments(db: Firestore, youtube: YouTubeService, request: LoadRequest): Promise<LoadResult> {
  const now = request.now ?? new Date();
  const meter = request.meter ?? new UnitMeter();
  const before = meter.units;
  const ops = request.ops ?? { reads: 0, writes: 0 };
  const opsBefore = { ...ops };
  const options = { ...request, now, meter, ops };
  const found = await findVideoCached(db, youtube, options);
  if (!found.video) throw toHttpsError({ kind: "notFound" }, { videoId: request.videoId, attempts: 1 });
  const blocker = analysisBlocker(found.video);
  if (blocker) throw blocker;
  const page = await getCommentsCached(db, youtube, options);
  if (page.comments.length === 0 && !page.truncated && found.video.commentCount > 0) throw notVisibleError(found.video);
  // Another account under the channel's own name is an impersonator.
  const filtered = filterComments(page.comments, { now, videoId: request.videoId, channelId: found.video.channelId, ownerNames: [found.video.channelTitle] });
  return {
    video: found.video,
    comments: page.comments,
    filtered,
    truncated: page.truncated,
    youtubeUnits: meter.units - before,
    firestoreOps: { reads: ops.reads - opsBefore.reads, writes: ops.writes - opsBefore.writes },
    cacheHits: { video: found.cacheHit, comments: page.cacheHit },
  };
}

/** The caller's comments-per-video limit, from their usage document (plan limits live in one place: domain/plans.ts). */
export async function commentLimitFor(db: Firestore, uid: string, now = new Date()): Promise<{ plan: PlanId; limit: number }> {
  const [usageSnap, profileSnap] = await db.getAll(...usageDocs(db, uid));
  const { usage } = currentUsage(usageSnap, profileSnap, now);
  return { plan: usage.plan, limit: usage.limits.comments_per_video };
}

export interface VideoCheck {
  videoId: string;
  exists: boolean;
  /** Listed publicly; unlisted videos can be analysed too, private ones cannot. */
  isPublic: boolean;
  privacyStatus: VideoMeta["privacyStatus"] | null;
  commentsEnabled: boolean;
  /** YouTube's count, replies included (so it can exceed the threads that would be fetched). */
  commentCount: number;
  plan: PlanId;
  commentLimit: number;
  /** The video has more comments than the plan analyses. */
  willTruncate: boolean;
  /**
   * YouTube units an analysis of it would spend (1 videos call + commentThreads
   * pages for up to the plan's limit), per order: time-ordered pages hold ~20 threads, relevance 100.
   */
  estimatedUnits: Record<CommentOrder, number>;
  canAnalyze: boolean;
  /** Why it cannot be analysed, in the words a client error would use. */
  problem: { code: string; message: string } | null;
  video: VideoMeta | null;
  youtubeUnits: number;
  cached: boolean;
}

/** Can this video be analysed on this plan? Answers (rather than throws) for missing, private and comments-off videos. */
export async function checkVideo(
  db: Firestore,
  youtube: YouTubeService,
  options: IngestOptions & { plan: PlanId; commentLimit: number },
): Promise<VideoCheck> {
  const { video, cacheHit, units } = await findVideoCached(db, youtube, options);
  const blocker = video ? analysisBlocker(video) : toHttpsError({ kind: "notFound" }, { videoId: options.videoId, attempts: 1 });
  const commentCount = video?.commentCount ?? 0;
  return {
    videoId: options.videoId,
    exists: video !== null,
    isPublic: video?.privacyStatus === "public",
    privacyStatus: video?.privacyStatus ?? null,
    commentsEnabled: video ? !video.commentsDisabled : false,
    commentCount,
    plan: options.plan,
    commentLimit: options.commentLimit,
    willTruncate: commentCount > options.commentLimit,
    estimatedUnits: {
      relevance: 1 + estimateCommentUnits(Math.min(commentCount, options.commentLimit), "relevance"),
      time: 1 + estimateCommentUnits(Math.min(commentCount, options.commentLimit), "time"),
    },
    canAnalyze: blocker === null,
    problem: blocker ? { code: blocker.code, message: blocker.message } : null,
    video,
    youtubeUnits: units,
    cached: cacheHit,
  };
}
