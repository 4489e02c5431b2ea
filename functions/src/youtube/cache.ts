// Firestore cache of YouTube answers (`cache/{key}`, server only: the rules
// deny clients by default). YouTube's daily quota is the scarce resource, so
// a second look at the same video inside the window costs zero units.
//
//   cache/yt_video_{videoId}                         video metadata, or `video: null` when YouTube
//                                                    does not know the id (cached the same way, so a
//                                                    made-up id costs one unit per TTL, not per call)
//   cache/yt_comments_{order}_{videoId}              comment list head: generation, chunk count,
//                                                    where the listing stopped (nextPageToken)
//   cache/yt_comments_{order}_{videoId}_{gen}_{n}    the comments, chunked under 1 MiB per document
//
// Every document has `expiresAt`; a Firestore TTL policy on it (declared in
// firestore.indexes.json) deletes expired entries, and readers ignore them even
// before the deletion runs. A head is written after its chunks and names their
// generation, so a reader never mixes two fetches; a concurrent writer can only
// cause a cache miss, never a wrong answer.
import { randomBytes } from "node:crypto";
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { chunkByBytes } from "../core/chunking";
import { commitInByteBatches } from "../core/writeBatches";
import { COMMENTS_CACHE_TTL_MINUTES, VIDEO_CACHE_TTL_MINUTES } from "./config";
import type { CommentOrder } from "./service";
import type { VideoMeta, YouTubeComment } from "./types";

export const CACHE_COLLECTION = "cache";


export interface CacheTtl {
  videoMinutes: number;
  commentsMinutes: number;
}

/** Firestore documents read and written, for the cost accounting of an analysis. */
export interface FirestoreOps {
  reads: number;
  writes: number;
}

export function cacheTtlFromParams(): CacheTtl {
  return { videoMinutes: VIDEO_CACHE_TTL_MINUTES.value(), commentsMinutes: COMMENTS_CACHE_TTL_MINUTES.value() };
}

export interface CachedCommentList {
  comments: YouTubeComment[];
  /** Where the original listing stopped; null when it reached the last page. */
  nextPageToken: string | null;
  expiresAt: Date;
}

interface VideoEntry {
  type: "youtube_video";
  videoId: string;
  /** null: YouTube answered that it does not know (or does not show) this video. */
  video: VideoMeta | null;
  fetchedAt: Timestamp;
  expiresAt: Timestamp;
}

interface CommentsHead {
  type: "youtube_comments";
  videoId: string;
  order: CommentOrder;
  generation: string;
  chunkCount: number;
  commentCount: number;
  nextPageToken: string | null;
  fetchedAt: Timestamp;
  expiresAt: Timestamp;
}

interface CommentsChunk {
  type: "youtube_comments_chunk";
  videoId: string;
  generation: string;
  index: number;
  comments: YouTubeComment[];
  expiresAt: Timestamp;
}

const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * 60_000);

/** Firestore rejects `undefined`; a comment without a channel id simply has no such field. */
function storable(c: YouTubeComment): YouTubeComment {
  const out: YouTubeComment = {
    id: c.id,
    author: c.author,
    text: c.text,
    likeCount: c.likeCount,
    replyCount: c.replyCount,
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
  };
  if (c.authorChannelId) out.authorChannelId = c.authorChannelId;
  if (c.repliesSeen !== undefined) out.repliesSeen = c.repliesSeen;
  if (c.ownerRepliedAt) out.ownerRepliedAt = c.ownerRepliedAt;
  return out;
}

export class YouTubeCache {
  constructor(
    private readonly db: Firestore,
    private readonly ttl: CacheTtl,
    readonly ops: FirestoreOps = { reads: 0, writes: 0 },
  ) {}

  private doc<T>(key: string): DocumentReference<T> {
    return this.db.collection(CACHE_COLLECTION).doc(key) as DocumentReference<T>;
  }

  private videoRef(videoId: string) {
    return this.doc<VideoEntry>(`yt_video_${videoId}`);
  }

  private headRef(videoId: string, order: CommentOrder) {
    return this.doc<CommentsHead>(`yt_comments_${order}_${videoId}`);
  }

  private chunkRef(videoId: string, order: CommentOrder, generation: string, index: number) {
    return this.doc<CommentsChunk>(`yt_comments_${order}_${videoId}_${generation}_${index}`);
  }

  /** The cached answer (`video: null` for a known-missing id), or null on a cache miss. */
  async readVideo(videoId: string, now: Date): Promise<{ video: VideoMeta | null } | null> {
    const entry = (await this.videoRef(videoId).get()).data();
    this.ops.reads += 1;
    if (!entry || entry.expiresAt.toMillis() <= now.getTime()) return null;
    return { video: entry.video ?? null };
  }

  /** Stores YouTube's answer for `videoId`: its metadata, or null when it was not found. */
  async writeVideo(videoId: string, video: VideoMeta | null, now: Date): Promise<void> {
    this.ops.writes += 1;
    await this.videoRef(videoId).set({
      type: "youtube_video",
      videoId,
      video,
      fetchedAt: Timestamp.fromDate(now),
      expiresAt: Timestamp.fromDate(addMinutes(now, this.ttl.videoMinutes)),
    });
  }

  /**
   * Records that the comment threads said "comments disabled" although the
   * metadata showed a count (made-for-kids videos), so later checks know it
   * without spending units.
   */
  async markCommentsDisabled(videoId: string): Promise<void> {
    this.ops.writes += 1;
    await this.videoRef(videoId)
      .update({ "video.commentsDisabled": true })
      .catch(() => undefined); // no cached entry: nothing to correct
  }

  async readComments(videoId: string, order: CommentOrder, now: Date): Promise<CachedCommentList | null> {
    const head = (await this.headRef(videoId, order).get()).data();
    this.ops.reads += 1;
    if (!head || head.expiresAt.toMillis() <= now.getTime()) return null;
    const refs = Array.from({ length: head.chunkCount }, (_, i) => this.chunkRef(videoId, order, head.generation, i));
    const snaps = refs.length ? await this.db.getAll(...refs) : [];
    this.ops.reads += snaps.length;
    const comments: YouTubeComment[] = [];
    for (const snap of snaps) {
      const chunk = snap.data() as CommentsChunk | undefined;
      // A missing chunk (deleted by TTL, or a half-finished write) makes the whole entry a miss.
      if (!chunk || chunk.generation !== head.generation) return null;
      comments.push(...chunk.comments);
    }
    if (comments.length !== head.commentCount) return null;
    return { comments, nextPageToken: head.nextPageToken, expiresAt: head.expiresAt.toDate() };
  }

  /**
   * Stores a comment list. `expiresAt` defaults to now + TTL; an extended list
   * (more pages appended to a cached one) keeps its original expiry, so a list
   * is never older than the TTL in any part.
   */
  async writeComments(
    videoId: string,
    order: CommentOrder,
    list: { comments: readonly YouTubeComment[]; nextPageToken: string | null },
    now: Date,
    expiresAt: Date = addMinutes(now, this.ttl.commentsMinutes),
  ): Promise<void> {
    const headRef = this.headRef(videoId, order);
    const previous = (await headRef.get()).data();
    this.ops.reads += 1;
    const generation = randomBytes(6).toString("hex");
    const expires = Timestamp.fromDate(expiresAt);
    const chunks = chunkByBytes(list.comments.map(storable));

    const writes = chunks.map((comments, index) => ({
      ref: this.chunkRef(videoId, order, generation, index),
      data: { type: "youtube_comments_chunk", videoId, generation, index, comments, expiresAt: expires },
    }));
    await commitInByteBatches(this.db, writes);
    this.ops.writes += writes.length;
    await headRef.set({
      type: "youtube_comments",
      videoId,
      order,
      generation,
      chunkCount: chunks.length,
      commentCount: list.comments.length,
      nextPageToken: list.nextPageToken,
      fetchedAt: Timestamp.fromDate(now),
      expiresAt: expires,
    });
    this.ops.writes += 1;
    // The previous generation is unreachable now; removing it is housekeeping (TTL would do it later).
    if (previous && previous.generation !== generation) {
      const stale = Array.from({ length: previous.chunkCount }, (_, i) => this.chunkRef(videoId, order, previous.generation, i));
      this.ops.writes += stale.length;
      await Promise.all(stale.map((ref) => ref.delete())).catch(() => undefined);
    }
  }
}
