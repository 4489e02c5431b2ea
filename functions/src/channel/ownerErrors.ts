// Failures of the owner's YouTube calls as the errors a creator sees. Like
// youtube/errors.ts, only status, reason and OAuth error code are read: the
// library's error carries the request (access token, refresh-token form body).
import { logger } from "firebase-functions/logger";
import { HttpsError } from "firebase-functions/v2/https";
import { classify, toHttpsError } from "../youtube/errors";
import { oauthErrorCode } from "./googleOAuth";
import { FORCE_SSL_SCOPE } from "./config";

export interface OwnerFailure {
  error: HttpsError;
  status?: number;
  /** The token endpoint refused the refresh token: no YouTube call was made. */
  tokenRefused: boolean;
}

export const reconnectRequired = () =>
  new HttpsError("failed-precondition", "Lently's access to your YouTube channel was revoked or has expired. Connect the channel again.", { reason: "channel_reconnect_required" });

export function ownerFailure(err: unknown, videoId = ""): OwnerFailure {
  if (err instanceof HttpsError) return { error: err, tokenRefused: false };
  const oauth = oauthErrorCode(err);
  if (oauth.error === "invalid_grant") return { error: reconnectRequired(), status: oauth.status, tokenRefused: true };
  const failure = classify(err);
  const reason = failure.reason ?? "";
  const entry = { event: "youtube_owner_error", ...failure };
  let error: HttpsError;
  if (failure.status === 401) error = reconnectRequired();
  else if (reason === "insufficientPermissions" || reason === "ACCESS_TOKEN_SCOPE_INSUFFICIENT") {
    error = new HttpsError("permission-denied", "Lently may not manage comments on this channel: connect it again and allow managing your YouTube comments.", {
      reason: "insufficient_scope",
      requiredScope: FORCE_SSL_SCOPE,
    });
  } else if (reason === "forbidden") error = new HttpsError("permission-denied", "That comment is not on your connected channel's videos.", { reason: "not_channel_owner" });
  else if (reason === "commentsDisabled") error = new HttpsError("failed-precondition", "Comments are turned off for this video.", { reason: "comments_disabled" });
  else if (reason === "commentNotFound" || reason === "parentCommentNotFound") error = new HttpsError("not-found", "The comment was not found on YouTube; it may have been deleted.", { reason: "comment_not_found" });
  else if (reason === "commentTextTooLong") error = new HttpsError("invalid-argument", "text: is too long for a YouTube reply", { field: "text" });
  else if (reason === "banWithoutReject") error = new HttpsError("invalid-argument", "banAuthor: only with action reject", { field: "banAuthor" });
  else error = toHttpsError(failure, { videoId, attempts: 1 });
  if (error.code === "internal" || error.code === "unavailable") logger.error("YouTube owner call failed", entry);
  else logger.warn("YouTube owner call failed", entry);
  return { error, status: failure.status, tokenRefused: false };
}
