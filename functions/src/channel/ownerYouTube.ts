// The YouTube Data API as the channel owner (OAuth, youtube.force-ssl): who
// the channel is, the review queue, replies and moderation. Every call is
// charged to the project's YouTube budget through `units` before it is made; a
// call YouTube answered costs its units even when it failed, one it never saw
// is refunded.
import type { youtube_v3 } from "@googleapis/youtube";
import type { OAuth2Client } from "google-auth-library";
import { YOUTUBE_API_ROOT_URL } from "../youtube/config";
import type { UnitOperation } from "../youtube/units";
import { ownerFailure } from "./ownerErrors";

export type HeldStatus = "heldForReview" | "likelySpam";
export type ModerationAction = "published" | "heldForReview" | "rejected";

export interface OwnerYouTube {
  myChannel(): Promise<{ id: string; title: string } | null>;
  heldThreads(params: { videoId?: string; channelId?: string; moderationStatus: HeldStatus; pageToken?: string }): Promise<youtube_v3.Schema$CommentThreadListResponse>;
  insertReply(parentId: string, text: string): Promise<youtube_v3.Schema$Comment>;
  setModerationStatus(ids: string[], status: ModerationAction, banAuthor: boolean): Promise<void>;
}

/** Charges an operation's units before the call (may throw resource-exhausted); resolves to its refund, for a call YouTube never saw. */
export type SpendUnits = (operation: UnitOperation) => Promise<() => Promise<void>>;

const TIMEOUT_MS = 15_000;

export async function createOwnerYouTube(auth: OAuth2Client, spend: SpendUnits, rootUrl = YOUTUBE_API_ROOT_URL.value()): Promise<OwnerYouTube> {
  const { youtube } = await import("@googleapis/youtube");
  // The client library's auth type comes from its own copy of google-auth-library; the OAuth2Client is the same class.
  const api = youtube({ version: "v3", auth: auth as never, rootUrl, timeout: TIMEOUT_MS, retry: false });
  async function call<T>(operation: UnitOperation, request: () => Promise<{ data: T }>, videoId?: string): Promise<T> {
    // Charged before the call (the budget may refuse it), refunded if YouTube never answered.
    const refund = await spend(operation);
    try {
      return (await request()).data;
    } catch (err) {
      const failure = ownerFailure(err, videoId);
      if (failure.status === undefined || failure.tokenRefused) await refund();
      throw failure.error;
    }
  }
  return {
    async myChannel() {
      const data = await call("channels.list", () => api.channels.list({ part: ["snippet"], mine: true }));
      const item = data.items?.[0];
      return item?.id ? { id: item.id, title: item.snippet?.title ?? "" } : null;
    },
    heldThreads({ videoId, channelId, moderationStatus, pageToken }) {
      return call("commentThreads.list", () =>
        api.commentThreads.list({
          part: ["snippet"],
          moderationStatus,
          maxResults: 100,
          textFormat: "plainText",
          pageToken,
          ...(videoId ? { videoId } : { allThreadsRelatedToChannelId: channelId }),
        }),
        videoId,
      );
    },
    insertReply(parentId, text) {
      return call("comments.insert", () => api.comments.insert({ part: ["snippet"], requestBody: { snippet: { parentId, textOriginal: text } } }));
    },
    async setModerationStatus(ids, status, banAuthor) {
      await call("comments.setModerationStatus", () => api.comments.setModerationStatus({ id: ids, moderationStatus: status, ...(banAuthor ? { banAuthor } : {}) }));
    },
  };
}
