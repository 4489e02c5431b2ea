// Turning YouTube Data API failures into what Lently's clients see.
//
// The client library's errors must never reach a client or a log as they are:
// their message and config include the request URL, whose `key` parameter is
// the server's API key. `classify` keeps only status, reason and domain from
// Google's error body (`{"error":{"code","message","errors":[{domain,reason}],
// "status","details":[{"reason":"API_KEY_INVALID"}]}}`), and
// `toHttpsError` words the client-facing error from those alone.
import { HttpsError, type FunctionsErrorCode } from "firebase-functions/v2/https";
import type { YouTubeComment } from "./types";

export type FailureKind =
  | "notFound" // 404 videoNotFound
  | "commentsDisabled" // 403 commentsDisabled
  | "forbidden" // 403 forbidden from a youtube.* domain: private video, restricted comments
  | "quotaExceeded" // 403 quotaExceeded / dailyLimitExceeded: the project's daily units are spent
  | "rateLimited" // 429, 403 rateLimitExceeded / userRateLimitExceeded: too fast, retry later
  | "keyInvalid" // 400 API_KEY_INVALID / keyInvalid, 403 missing key, key restrictions, API not enabled
  | "invalidPageToken" // 400 invalidPageToken: a cached page token went stale
  | "processingFailure" // 400 processingFailure: "can be a transient error", retried a little
  | "badRequest" // any other 4xx: a request we built wrongly (a bug)
  | "transient" // 5xx or no response at all (network down, timeout)
  | "unknown";

export interface YouTubeFailure {
  kind: FailureKind;
  /** HTTP status, when a response arrived (then the call cost a quota unit). */
  status?: number;
  reason?: string;
  domain?: string;
  /** Network-level error code (ECONNREFUSED, ETIMEDOUT…) when no response arrived. */
  network?: string;
}

interface GoogleErrorBody {
  error?: {
    code?: number;
    status?: string;
    errors?: Array<{ reason?: string; domain?: string }>;
    details?: Array<{ reason?: string }>;
  };
}

const KEY_REASONS = new Set([
  "keyInvalid",
  "keyExpired",
  "API_KEY_INVALID",
  "API_KEY_EXPIRED",
  "API_KEY_SERVICE_BLOCKED",
  "API_KEY_HTTP_REFERRER_BLOCKED",
  "API_KEY_IP_ADDRESS_BLOCKED",
  "ipRefererBlocked",
  "accessNotConfigured",
  "SERVICE_DISABLED",
]);
const QUOTA_REASONS = new Set(["quotaExceeded", "dailyLimitExceeded", "dailyLimitExceededUnreg"]);
const RATE_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "RATE_LIMIT_EXCEEDED"]);

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
}

function parseBody(data: unknown): GoogleErrorBody {
  if (typeof data === "string") {
    try {
      return JSON.parse(data) as GoogleErrorBody;
    } catch {
      return {};
    }
  }
  return (asObject(data) as GoogleErrorBody | undefined) ?? {};
}

/** What went wrong, from a client-library (gaxios) error, without keeping its message or URL. */
export function classify(err: unknown): YouTubeFailure {
  const e = asObject(err) ?? {};
  const response = asObject(e.response);
  const status = typeof response?.status === "number" ? response.status : typeof e.status === "number" ? e.status : undefined;
  if (status === undefined) {
    const code = typeof e.code === "string" ? e.code : typeof e.name === "string" ? e.name : "network";
    return { kind: "transient", network: code };
  }
  const body = parseBody(response?.data).error ?? {};
  const first = body.errors?.[0] ?? {};
  const detailReasons = (body.details ?? []).map((d) => d.reason).filter((r): r is string => typeof r === "string");
  const reasons = [first.reason, ...detailReasons].filter((r): r is string => typeof r === "string");
  const failure = { status, reason: detailReasons.find((r) => KEY_REASONS.has(r)) ?? first.reason, domain: first.domain };

  if (reasons.some((r) => KEY_REASONS.has(r))) return { ...failure, kind: "keyInvalid" };
  if (reasons.some((r) => QUOTA_REASONS.has(r))) return { ...failure, kind: "quotaExceeded" };
  if (status === 429 || reasons.some((r) => RATE_REASONS.has(r))) return { ...failure, kind: "rateLimited" };
  if (status >= 500) return { ...failure, kind: "transient" };
  if (first.reason === "commentsDisabled") return { ...failure, kind: "commentsDisabled" };
  if (first.reason === "invalidPageToken") return { ...failure, kind: "invalidPageToken" };
  if (first.reason === "processingFailure") return { ...failure, kind: "processingFailure" };
  if (status === 404 && (first.reason === "videoNotFound" || first.domain?.startsWith("youtube."))) return { ...failure, kind: "notFound" };
  if (status === 403 && first.reason === "forbidden") {
    // `global` forbidden is about the caller (a missing or unauthorised key); a youtube.* domain is about the video.
    return { ...failure, kind: first.domain === "global" || !first.domain ? "keyInvalid" : "forbidden" };
  }
  if (status === 401) return { ...failure, kind: "keyInvalid" };
  if (status >= 400 && status < 500) return { ...failure, kind: "badRequest" };
  return { ...failure, kind: "unknown" };
}

export function isRetryable(failure: YouTubeFailure): boolean {
  return failure.kind === "transient" || failure.kind === "rateLimited" || failure.kind === "processingFailure";
}

/** The pages a listing had paid for when it failed: kept by the caller (cache), resumed from `nextPageToken`. */
export interface PartialListing {
  comments: YouTubeComment[];
  /** The token of the page that failed (null: it was the first page of a resume without one). */
  nextPageToken: string | null;
  pages: number;
  units: number;
}

/** An HttpsError that also says which YouTube failure it came from (never sent to clients). */
export class YouTubeApiError extends HttpsError {
  /** Set when the failure came after some pages of a listing were already paid for. */
  partial?: PartialListing;

  constructor(
    code: FunctionsErrorCode,
    message: string,
    details: Record<string, unknown> | undefined,
    readonly failure: YouTubeFailure,
  ) {
    super(code, message, details);
  }
}

export interface FailureContext {
  videoId: string;
  attempts: number;
}

/**
 * The client-facing error. Messages are written here, from the failure kind
 * alone: nothing from the client library (URL, key, raw message) is echoed.
 */
export function toHttpsError(failure: YouTubeFailure, ctx: FailureContext): YouTubeApiError {
  const { videoId } = ctx;
  switch (failure.kind) {
    case "notFound":
      return new YouTubeApiError(
        "not-found",
        `YouTube video ${videoId} was not found. Check the link: the video may have been deleted, or it is private (Lently can analyse public and unlisted videos).`,
        { reason: "video_not_found", videoId },
        failure,
      );
    case "commentsDisabled":
      return new YouTubeApiError("failed-precondition", `Comments are turned off for YouTube video ${videoId}, so there is nothing to analyse.`, { reason: "comments_disabled", videoId }, failure);
    case "forbidden":
      return new YouTubeApiError(
        "permission-denied",
        `The comments of YouTube video ${videoId} cannot be read: the video is private or its comments are restricted. Lently can analyse public and unlisted videos.`,
        { reason: "video_private", videoId },
        failure,
      );
    case "quotaExceeded":
      return new YouTubeApiError(
        "resource-exhausted",
        "Lently has used up today's YouTube Data API quota. This is a daily limit on Lently's side, not your plan; it resets at midnight Pacific Time. Please try again later.",
        {
          error: "youtube_quota_exceeded",
          quota: "youtube_daily",
          message: "YouTube Data API daily quota of the Lently project is exhausted (not the user's plan limit); it resets at midnight Pacific Time.",
          upgrade_required: false,
        },
        failure,
      );
    case "rateLimited":
      return new YouTubeApiError(
        "resource-exhausted",
        "YouTube is limiting how fast Lently can fetch right now. Please try again in a minute.",
        { error: "youtube_rate_limited", upgrade_required: false },
        failure,
      );
    case "keyInvalid":
      return new YouTubeApiError("failed-precondition", "YouTube API key is invalid or not configured on the server.", { reason: "youtube_key_invalid" }, failure);
    case "transient":
      return new YouTubeApiError(
        "unavailable",
        `YouTube is not responding right now (tried ${ctx.attempts} times). Please try again in a few minutes.`,
        { reason: "youtube_unavailable", attempts: ctx.attempts },
        failure,
      );
    case "processingFailure":
      return new YouTubeApiError(
        "unavailable",
        `YouTube could not process the request for video ${videoId} (tried ${ctx.attempts} times). Please try again later.`,
        { reason: "youtube_processing_failure", attempts: ctx.attempts },
        failure,
      );
    case "invalidPageToken":
    case "badRequest":
      // Our request was wrong: a bug, reported as internal (the details are in the log).
      return new YouTubeApiError("internal", "Lently sent YouTube a request it could not handle. This is a bug on our side.", undefined, failure);
    case "unknown":
      return new YouTubeApiError("unavailable", "YouTube answered with an unexpected error. Please try again later.", { reason: "youtube_unexpected" }, failure);
  }
}

/** The error for a key that is not set at all (no call is made, so no unit is spent). */
export function missingKeyError(): YouTubeApiError {
  return new YouTubeApiError("failed-precondition", "YouTube API key is invalid or not configured on the server.", { reason: "youtube_key_missing" }, { kind: "keyInvalid" });
}
