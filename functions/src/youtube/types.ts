// Shapes of what Lently takes from the YouTube Data API, independent of the client library.

export interface VideoMeta {
  id: string;
  title: string;
  description: string;
  channelId: string;
  channelTitle: string;
  publishedAt: string; // ISO 8601
  thumbnails: { default?: string; medium?: string; high?: string; maxres?: string };
  durationSeconds: number;
  viewCount: number;
  likeCount: number;
  commentCount: number;
  commentsDisabled: boolean;
  privacyStatus: "public" | "unlisted" | "private";
  liveBroadcastContent: string;
}

/** A top-level comment of a comment thread. */
export interface YouTubeComment {
  id: string;
  author: string;
  authorChannelId?: string;
  text: string;
  likeCount: number;
  replyCount: number;
  publishedAt: string; // ISO 8601
  updatedAt: string; // ISO 8601
  /** On a reply: the thread's top-level comment (impersonators reply under others' comments). */
  parentId?: string;
  /** Replies YouTube sent with the thread (part=replies carries up to five). */
  repliesSeen?: number;
  /** The channel owner's latest reply among those seen (ISO 8601); absent when none of them is the owner's. */
  ownerRepliedAt?: string;
}
