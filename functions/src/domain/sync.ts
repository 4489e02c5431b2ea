// The words of the channel over time (docs/channel.md) that several features
// share: a synced comment as stored in synced_comments/{uid}_{commentId}, and
// the batch of them a sync commits, which the features acting on new comments
// (rules, alerts, cross-channel spam) observe. Here, below every feature, so
// those features and sync/ import it without importing each other.
import type { Firestore } from "firebase-admin/firestore";
import type { Category, Sentiment } from "./labels";

/** A watched source: the connected channel (every video) or one public video. */
export type SourceKind = "channel" | "video";

/** What the analysis said of a comment; absent (null) on a comment the spam filter removed (never sent to AI). */
export interface SyncedCommentLabels {
  sentiment: Sentiment;
  /** -1 (very negative) … 1 (very positive). */
  score: number;
  category: Category;
  toxic: boolean;
  /** A question from a viewer (the filter's flag or the category). */
  isQuestion: boolean;
  /** The provider refused the comment (a safety block): labels are the neutral defaults. */
  blocked: boolean;
}

/** One comment a sync brought in; document synced_comments/{uid}_{commentId}. */
export interface SyncedComment {
  /** The YouTube comment id. */
  commentId: string;
  /** The Lently user who watches the source (each user's copy is their own document). */
  uid: string;
  sourceId: string;
  /** The video's channel (null when YouTube did not say, e.g. a watched public video whose metadata is not read). */
  channelId: string | null;
  videoId: string;
  /** The top-level comment of its thread; null on a top-level comment. */
  parentId: string | null;
  text: string;
  authorName: string;
  /** The author's YouTube channel id (null when YouTube gives none). */
  authorChannelId: string | null;
  /** ISO 8601, as YouTube gives it. */
  publishedAt: string;
  likeCount: number;
  replyCount: number;
  /** The channel owner wrote it (nothing to answer). */
  byOwner: boolean;
  /** The owner replied in its thread (as far as the listing says). */
  answeredByOwner: boolean;
  /** Why the spam filter removed it (youtube/quality/reasons.ts), or null when kept and analysed. */
  spamReason: string | null;
  /** ISO 639-1 code guessed from the text, or null when unknown. */
  language: string | null;
  labels: SyncedCommentLabels | null;
  /** The sync run that brought it in (sync_runs/{runId}). */
  runId: string;
}

/** The comments one sync committed, after they were analysed: what an observer is given, once per batch. */
export interface SyncCommittedBatch {
  uid: string;
  sourceId: string;
  runId: string;
  /** The batch's position in its run (its checkpoint id). */
  batchIndex: number;
  channelId: string | null;
  /** The videos the batch's comments are on. */
  videoIds: string[];
  /** Kept comments with their labels, and spam-removed ones (labels null, spamReason set). */
  comments: SyncedComment[];
}

export interface SyncObserverContext {
  db: Firestore;
  now: Date;
}

/**
 * Something that acts on new comments (rules, alerts, spam). Called once per
 * committed batch (a checkpoint records it); it must be idempotent for the
 * rare redelivery after it ran but before its checkpoint was written.
 */
export type SyncObserver = (batch: SyncCommittedBatch, ctx: SyncObserverContext) => Promise<void>;

export interface NamedSyncObserver {
  /** Stable: the checkpoint records observers by name. */
  name: string;
  observe: SyncObserver;
}
