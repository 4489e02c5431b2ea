// A local stand-in for the YouTube Data API v3, over real HTTP, for the routes
// Lently uses: GET /youtube/v3/videos and GET /youtube/v3/commentThreads, with
// the real response shapes (kind, etag, pageInfo, nextPageToken, items…) and
// the real error bodies. `@googleapis/youtube` reaches it through its
// `rootUrl` option (the YOUTUBE_API_ROOT_URL param): production code has no
// test-only branch. Behaviours (comments disabled, quota exceeded, 503s…) are
// chosen by fixture video id (fixtures/index.ts), so in-process tests and the
// Functions emulator exercise them alike.
//
// Like the real API, `order=time` serves about 20 threads a page whatever
// maxResults says (relevance still serves up to 100), and page tokens expire.
//
// Control endpoints for tests: GET /__stats (requests per route and per video,
// i.e. the quota units a real project would have spent), POST /__reset (zero
// the counters, restore the failure budgets, re-arm mid-listing failures),
// POST /__recover (end mid-listing failures: the quota is back, the outage
// over), POST /__expireTokens (every page token issued so far goes stale),
// GET /__fixtures, POST /__channel ({channelId, channelTitle?, videos: [{id, comments}]}: a channel
// of generated videos, listed by allThreadsRelatedToChannelId), POST /__comments ({videoId,
// comments: [{text, publishedAt, …}]}: new comments on a video, as if posted since).
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { appendComments, channelVideo, findFixture, fixturesOfChannel, listFixtures, registerFixture, type AddedComment, type ChannelSpec, type FixtureComment, type FixtureVideo } from "./fixtures";
import type { StandInStarter } from "./starter";
import { handleOwnerRoute, withReplies } from "./youtube-owner";

/** The only key the stand-in accepts; the stack sets it as the YOUTUBE_API_KEY secret. */
export const YOUTUBE_STANDIN_KEY = "lently-standin-youtube-key";

type Route = "videos" | "commentThreads";

export interface YouTubeStandInStats {
  requests: Record<Route, number>;
  /** Every list call costs one unit, failed ones included. */
  units: number;
  byVideo: Record<string, Partial<Record<Route, number>>>;
}

interface GoogleErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

/** A Google API error: thrown by the route handlers, sent as Google's JSON error body. */
class ApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly errors: GoogleErrorItem[],
    readonly status?: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }

  body(): unknown {
    return {
      error: {
        code: this.code,
        message: this.message,
        errors: this.errors,
        ...(this.status ? { status: this.status } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

// The error bodies below copy the structure (and wording) of Google's own.
const errors = {
  keyInvalid: () =>
    new ApiError(400, "API key not valid. Please pass a valid API key.", [{ message: "API key not valid. Please pass a valid API key.", domain: "global", reason: "badRequest" }], "INVALID_ARGUMENT", [
      { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "youtube.googleapis.com" } },
    ]),
  keyMissing: () =>
    new ApiError(
      403,
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      [{ message: "The request is missing a valid API key.", domain: "global", reason: "forbidden" }],
      "PERMISSION_DENIED",
    ),
  processingFailure: () => {
    const message = "The API server failed to successfully process the request. While this can be a transient error, it usually indicates that the request's input is invalid.";
    return new ApiError(400, message, [{ message, domain: "youtube.commentThread", reason: "processingFailure" }]);
  },
  rateLimitExceeded: () => {
    const message = "The request cannot be completed because you have exceeded your quota.";
    return new ApiError(403, message, [{ message, domain: "youtube.quota", reason: "rateLimitExceeded" }]);
  },
  quotaExceeded: () => {
    const message = 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';
    return new ApiError(403, message, [{ message, domain: "youtube.quota", reason: "quotaExceeded" }]);
  },
  commentsDisabled: () => {
    const message = 'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter has disabled comments.';
    return new ApiError(403, message, [{ message, domain: "youtube.commentThread", reason: "commentsDisabled", location: "videoId", locationType: "parameter" }]);
  },
  forbidden: () => {
    const message = "The request is not properly authorized to retrieve the specified comment threads.";
    return new ApiError(403, message, [{ message, domain: "youtube.commentThread", reason: "forbidden", location: "videoId", locationType: "parameter" }]);
  },
  videoNotFound: () => {
    const message = 'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter could not be found.';
    return new ApiError(404, message, [{ message, domain: "youtube.commentThread", reason: "videoNotFound", location: "videoId", locationType: "parameter" }]);
  },
  unavailable: () => new ApiError(503, "The service is currently unavailable.", [{ message: "The service is currently unavailable.", domain: "global", reason: "backendError" }], "UNAVAILABLE"),
  missingParameter: (name: string, message: string) =>
    new ApiError(400, message, [{ message, domain: "youtube.parameter", reason: "missingRequiredParameter", location: name, locationType: "parameter" }]),
  invalidParameter: (name: string, message: string) =>
    new ApiError(400, message, [{ message, domain: "youtube.parameter", reason: "invalidParameter", location: name, locationType: "parameter" }]),
  invalidPageToken: () => {
    const message = "The request specifies an invalid page token.";
    return new ApiError(400, message, [{ message, domain: "youtube.parameter", reason: "invalidPageToken", location: "pageToken", locationType: "parameter" }]);
  },
  notFound: () => new ApiError(404, "Not Found", [{ message: "Not Found", domain: "global", reason: "notFound" }], "NOT_FOUND"),
};

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
    req.on("error", reject);
  });
}

const etag = (value: unknown): string => createHash("sha1").update(JSON.stringify(value)).digest("base64url").slice(0, 27);

function thumbnails(id: string) {
  const url = (name: string) => `https://i.ytimg.com/vi/${id}/${name}.jpg`;
  return {
    default: { url: url("default"), width: 120, height: 90 },
    medium: { url: url("mqdefault"), width: 320, height: 180 },
    high: { url: url("hqdefault"), width: 480, height: 360 },
    standard: { url: url("sddefault"), width: 640, height: 480 },
    maxres: { url: url("maxresdefault"), width: 1280, height: 720 },
  };
}

function videoResource(video: FixtureVideo, parts: Set<string>) {
  const comments = video.comments();
  const held = video.behaviour.kind === "heldForReview" ? video.behaviour.hiddenCount : 0;
  const totalComments = comments.length + comments.reduce((sum, c) => sum + c.replyCount, 0) + held;
  const hideCount = video.behaviour.kind === "commentsDisabled" && video.behaviour.hideCommentCount;
  const resource: Record<string, unknown> = { kind: "youtube#video", etag: "", id: video.id };
  if (parts.has("snippet")) {
    resource.snippet = {
      publishedAt: video.publishedAt,
      channelId: video.channelId,
      title: video.title,
      description: video.description,
      thumbnails: thumbnails(video.id),
      channelTitle: video.channelTitle,
      categoryId: "28",
      liveBroadcastContent: video.liveBroadcastContent,
      defaultAudioLanguage: "en",
      localized: { title: video.title, description: video.description },
    };
  }
  if (parts.has("contentDetails")) {
    resource.contentDetails = {
      duration: video.duration,
      dimension: "2d",
      definition: "hd",
      caption: "false",
      licensedContent: false,
      contentRating: {},
      projection: "rectangular",
    };
  }
  if (parts.has("statistics")) {
    // The API sends counts as strings (uint64), and omits commentCount when comments are off.
    resource.statistics = {
      viewCount: String(video.viewCount),
      likeCount: String(video.likeCount),
      favoriteCount: "0",
      ...(hideCount ? {} : { commentCount: String(totalComments) }),
    };
  }
  if (parts.has("status")) {
    resource.status = {
      uploadStatus: "processed",
      privacyStatus: video.privacyStatus,
      license: "youtube",
      embeddable: true,
      publicStatsViewable: true,
      madeForKids: video.behaviour.kind === "commentsDisabled" && !video.behaviour.hideCommentCount,
    };
  }
  resource.etag = etag(resource);
  return resource;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * textFormat=html: escaped, links and timestamps as anchors, line breaks as
 * <br> (what the API does). textFormat=plainText returns the text as typed:
 * a timestamp is just "4:12", a link just its URL.
 */
function htmlText(text: string, videoId: string): string {
  return escapeHtml(text)
    .replace(/\bhttps?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
    .replace(/(^|[\s(])((?:\d{1,2}:)?\d{1,2}:\d{2})(?=$|[\s).,!?])/g, (_, before: string, stamp: string) => {
      const seconds = stamp.split(":").reduce((sum, part) => sum * 60 + Number(part), 0);
      return `${before}<a href="https://www.youtube.com/watch?v=${videoId}&amp;t=${seconds}">${stamp}</a>`;
    })
    .replace(/\r?\n/g, "<br>");
}

function threadResource(video: FixtureVideo, comment: FixtureComment, format: "html" | "plainText") {
  const snippet = {
    channelId: video.channelId,
    videoId: video.id,
    textDisplay: format === "html" ? htmlText(comment.text, video.id) : comment.text,
    textOriginal: comment.text,
    authorDisplayName: comment.author,
    authorProfileImageUrl: `https://yt3.ggpht.example/${comment.authorChannelId ?? "default"}=s48-c-k-c0x00ffffff-no-rj`,
    authorChannelUrl: `http://www.youtube.com/${comment.author}`,
    ...(comment.authorChannelId ? { authorChannelId: { value: comment.authorChannelId } } : {}),
    canRate: true,
    viewerRating: "none",
    likeCount: comment.likeCount,
    publishedAt: comment.publishedAt,
    updatedAt: comment.updatedAt,
  };
  const topLevelComment = { kind: "youtube#comment", etag: etag(snippet), id: comment.id, snippet };
  const thread = {
    kind: "youtube#commentThread",
    etag: "",
    id: comment.id,
    snippet: { channelId: video.channelId, videoId: video.id, topLevelComment, canReply: true, totalReplyCount: comment.replyCount, isPublic: true },
  };
  thread.etag = etag(thread);
  return thread;
}

// Relevance here: likes and replies (a fair proxy of YouTube's ranking), then newest.
function ordered(comments: FixtureComment[], order: "relevance" | "time"): FixtureComment[] {
  const byTime = (a: FixtureComment, b: FixtureComment) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0);
  const score = (c: FixtureComment) => c.likeCount + 3 * c.replyCount;
  return comments.slice().sort(order === "time" ? byTime : (a, b) => score(b) - score(a) || byTime(a, b));
}

interface PageCursor {
  v: string;
  o: string;
  /** Offset of the page's first thread. */
  i: number;
  /** Page number (1-based) the token leads to. */
  p: number;
  /** Token generation: POST /__expireTokens makes older ones stale. */
  g: number;
}

/** Threads a page holds: order=time serves ~20 whatever maxResults says (since late 2023); relevance up to 100. */
export const TIME_ORDER_PAGE_SIZE = 20;

const encodeToken = (cursor: PageCursor): string => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeToken(token: string): PageCursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<PageCursor>;
    if (typeof value.v === "string" && typeof value.o === "string" && Number.isInteger(value.i) && (value.i ?? -1) >= 0 && Number.isInteger(value.p) && Number.isInteger(value.g)) {
      return value as PageCursor;
    }
  } catch {
    /* not ours */
  }
  return undefined;
}

export interface YouTubeStandIn {
  server: Server;
  url: string;
  stats(): YouTubeStandInStats;
  reset(): void;
  close(): Promise<void>;
}

function newStats(): YouTubeStandInStats {
  return { requests: { videos: 0, commentThreads: 0 }, units: 0, byVideo: {} };
}

/** Starts the stand-in on 127.0.0.1:`port` (0: any free port). */
export async function startYouTubeServer(port = 0): Promise<YouTubeStandIn> {
  let stats = newStats();
  let failuresServed = new Map<string, number>();
  let tokenGeneration = 1;
  let outagesOver = false;

  /** True while a video's first `budget` calls on this route have not all been served their failure. */
  const failsAgain = (key: string, budget: number): boolean => {
    const served = failuresServed.get(key) ?? 0;
    if (served >= budget) return false;
    failuresServed.set(key, served + 1);
    return true;
  };

  const count = (route: Route, videoKey: string) => {
    stats.requests[route] += 1;
    stats.units += 1;
    const perVideo = (stats.byVideo[videoKey] ??= {});
    perVideo[route] = (perVideo[route] ?? 0) + 1;
  };

  /** Errors that a video's behaviour causes on any route, before its data is looked at. */
  const behaviourError = (route: Route, video: FixtureVideo | undefined): ApiError | undefined => {
    if (!video) return undefined;
    const b = video.behaviour;
    if (b.kind === "quotaExceeded") return errors.quotaExceeded();
    if (b.kind === "keyInvalid") return errors.keyInvalid();
    if (b.kind === "unavailable") return errors.unavailable();
    if (b.kind === "flaky" && failsAgain(`${route}:${video.id}`, b.failures)) return errors.unavailable();
    if (route !== "commentThreads") return undefined;
    if (b.kind === "processingFailure" && failsAgain(`${route}:${video.id}`, b.failures)) return errors.processingFailure();
    if (b.kind === "rateLimited" && failsAgain(`${route}:${video.id}`, b.failures)) return errors.rateLimitExceeded();
    return undefined;
  };

  const checkKey = (query: URLSearchParams): ApiError | undefined => {
    const key = query.get("key");
    if (!key) return errors.keyMissing();
    if (key !== YOUTUBE_STANDIN_KEY) return errors.keyInvalid();
    return undefined;
  };

  const parts = (query: URLSearchParams, allowed: string[]): Set<string> => {
    const raw = query.getAll("part").join(",");
    if (!raw) throw errors.missingParameter("part", "Required parameter: part");
    const set = new Set(raw.split(",").map((p) => p.trim()).filter(Boolean));
    for (const p of set) {
      if (!allowed.includes(p)) throw errors.invalidParameter("part", `'${p}'`);
    }
    return set;
  };

  const listVideos = (query: URLSearchParams) => {
    const ids = query.getAll("id").join(",").split(",").map((s) => s.trim()).filter(Boolean);
    count("videos", ids.join(",") || "(none)");
    const keyError = checkKey(query);
    if (keyError) throw keyError;
    const wanted = parts(query, ["id", "snippet", "contentDetails", "statistics", "status", "player", "topicDetails", "recordingDetails", "liveStreamingDetails", "localizations"]);
    if (ids.length === 0) throw errors.missingParameter("filter", "No filter selected. Expected one of: chart, id, myRated");
    const videos = ids.map((id) => findFixture(id));
    for (const video of videos) {
      const err = behaviourError("videos", video);
      if (err) throw err;
    }
    // With an API key YouTube leaves private videos out, as if they did not exist.
    const items = videos.filter((v): v is FixtureVideo => v !== undefined && v.privacyStatus !== "private").map((v) => videoResource(v, wanted));
    const body = { kind: "youtube#videoListResponse", etag: "", items, pageInfo: { totalResults: items.length, resultsPerPage: items.length } };
    body.etag = etag(body);
    return body;
  };

  /** commentThreads.list's paging and format parameters, checked as YouTube does (same errors). */
  const threadListParams = (query: URLSearchParams): { maxResults: number; order: "time" | "relevance"; format: "html" | "plainText" } => {
    const maxRaw = query.get("maxResults");
    const maxResults = maxRaw === null ? 20 : Number(maxRaw);
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) {
      throw errors.invalidParameter("maxResults", `Invalid value '${maxRaw}'. Values must be within the range: [1, 100]`);
    }
    const order = query.get("order") ?? "time";
    if (order !== "time" && order !== "relevance") throw errors.invalidParameter("order", `Invalid value '${order}'. Expected one of: relevance, time`);
    const format = query.get("textFormat") ?? "html";
    if (format !== "html" && format !== "plainText") throw errors.invalidParameter("textFormat", `Invalid value '${format}'. Expected one of: html, plainText`);
    return { maxResults, order, format };
  };

  /**
   * allThreadsRelatedToChannelId: the threads of every video of the channel,
   * merged newest first (each thread's snippet names its videoId and channelId).
   */
  const listChannelThreads = (query: URLSearchParams, channelId: string) => {
    count("commentThreads", `channel:${channelId}`);
    const keyError = checkKey(query);
    if (keyError) throw keyError;
    const wanted = parts(query, ["id", "snippet", "replies"]);
    const { maxResults, order, format } = threadListParams(query);
    const videos = fixturesOfChannel(channelId);
    if (videos.length === 0) {
      const message = "The channel identified by the allThreadsRelatedToChannelId parameter could not be found.";
      throw new ApiError(404, message, [{ message, domain: "youtube.commentThread", reason: "channelNotFound", location: "allThreadsRelatedToChannelId", locationType: "parameter" }]);
    }
    let offset = 0;
    let pageNumber = 1;
    const token = query.get("pageToken");
    if (token) {
      const cursor = decodeToken(token);
      if (!cursor || cursor.v !== `channel:${channelId}` || cursor.o !== order || cursor.g !== tokenGeneration) throw errors.invalidPageToken();
      offset = cursor.i;
      pageNumber = cursor.p;
    }
    const all = ordered(
      videos.flatMap((v) => v.comments().map((c) => ({ ...c, videoOf: v }))),
      order,
    ) as Array<FixtureComment & { videoOf: FixtureVideo }>;
    const size = order === "time" ? Math.min(maxResults, TIME_ORDER_PAGE_SIZE) : maxResults;
    const page = all.slice(offset, offset + size);
    const next = offset + size < all.length ? encodeToken({ v: `channel:${channelId}`, o: order, i: offset + size, p: pageNumber + 1, g: tokenGeneration }) : undefined;
    const body = {
      kind: "youtube#commentThreadListResponse",
      etag: "",
      ...(next ? { nextPageToken: next } : {}),
      pageInfo: { totalResults: page.length, resultsPerPage: maxResults },
      items: page.map(({ videoOf, ...c }) => withReplies(threadResource(videoOf, c, format), videoOf, c, wanted)),
    };
    body.etag = etag(body);
    return body;
  };

  const listCommentThreads = (query: URLSearchParams) => {
    const channelId = query.get("allThreadsRelatedToChannelId");
    if (channelId && !query.get("videoId")) return listChannelThreads(query, channelId);
    const videoId = query.get("videoId") ?? "";
    count("commentThreads", videoId || "(none)");
    const keyError = checkKey(query);
    if (keyError) throw keyError;
    const wanted = parts(query, ["id", "snippet", "replies"]);
    if (!videoId) throw errors.missingParameter("filter", "No filter selected. Expected one of: allThreadsRelatedToChannelId, id, videoId");

    const { maxResults, order, format } = threadListParams(query);

    const video = findFixture(videoId);
    const behaviourErr = behaviourError("commentThreads", video);
    if (behaviourErr) throw behaviourErr;
    if (!video) throw errors.videoNotFound();
    if (video.behaviour.kind === "commentsDisabled") throw errors.commentsDisabled();
    if (video.behaviour.kind === "private" || video.behaviour.kind === "forbidden") throw errors.forbidden();

    let offset = 0;
    let pageNumber = 1;
    const token = query.get("pageToken");
    if (token) {
      const cursor = decodeToken(token);
      if (!cursor || cursor.v !== videoId || cursor.o !== order || cursor.g !== tokenGeneration) throw errors.invalidPageToken();
      offset = cursor.i;
      pageNumber = cursor.p;
    }
    const b = video.behaviour;
    if (b.kind === "failFromPage" && pageNumber >= b.page && !outagesOver) {
      throw b.failure === "quotaExceeded" ? errors.quotaExceeded() : errors.unavailable();
    }
    let size = order === "time" ? Math.min(maxResults, TIME_ORDER_PAGE_SIZE) : maxResults;
    if (b.kind === "sparse") size = Math.min(size, b.pageSizes[(pageNumber - 1) % b.pageSizes.length]);
    const all = ordered(video.comments(), order);
    const page = all.slice(offset, offset + size);
    const next = offset + size < all.length ? encodeToken({ v: videoId, o: order, i: offset + size, p: pageNumber + 1, g: tokenGeneration }) : undefined;
    const body = {
      kind: "youtube#commentThreadListResponse",
      etag: "",
      ...(next ? { nextPageToken: next } : {}),
      // Like the real API, totalResults counts this page only.
      pageInfo: { totalResults: page.length, resultsPerPage: maxResults },
      items: page.map((c) => withReplies(threadResource(video, c, format), video, c, wanted)),
    };
    body.etag = etag(body);
    return body;
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text), vary: "Origin, X-Origin, Referer" });
    res.end(text);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/\/+$/, "");
    try {
      if (path === "/__stats" && req.method === "GET") return send(res, 200, stats);
      if (path === "/__reset" && req.method === "POST") {
        stats = newStats();
        failuresServed = new Map();
        outagesOver = false;
        return send(res, 200, { ok: true });
      }
      if (path === "/__recover" && req.method === "POST") {
        outagesOver = true;
        return send(res, 200, { ok: true });
      }
      if (path === "/__expireTokens" && req.method === "POST") {
        tokenGeneration += 1;
        return send(res, 200, { ok: true, generation: tokenGeneration });
      }
      if (path === "/__fixtures" && req.method === "GET") return send(res, 200, { fixtures: listFixtures() });
      if (path === "/__channel" && req.method === "POST") {
        void readJson(req).then(
          (spec) => {
            const { channelId, channelTitle, videos } = spec as ChannelSpec;
            for (const v of videos) registerFixture(channelVideo(channelId, channelTitle ?? `Channel ${channelId}`, v));
            send(res, 200, { ok: true, videos: videos.map((v) => v.id) });
          },
          (err: unknown) => send(res, 400, { error: String(err) }),
        );
        return;
      }
      if (path === "/__comments" && req.method === "POST") {
        void readJson(req).then(
          (body) => {
            const { videoId, comments } = body as { videoId: string; comments: AddedComment[] };
            const video = findFixture(videoId);
            if (!video) return send(res, 404, { error: `no video ${videoId}` });
            send(res, 200, { ok: true, ids: appendComments(video, comments) });
          },
          (err: unknown) => send(res, 400, { error: String(err) }),
        );
        return;
      }
      if (handleOwnerRoute(req, res, url)) return;
      if (req.method === "GET" && path === "/youtube/v3/videos") return send(res, 200, listVideos(url.searchParams));
      if (req.method === "GET" && path === "/youtube/v3/commentThreads") {
        // A hung connection: accepted, never answered (the socket stays open until the client gives up).
        if (findFixture(url.searchParams.get("videoId") ?? "")?.behaviour.kind === "hangs") return;
        return send(res, 200, listCommentThreads(url.searchParams));
      }
      throw errors.notFound();
    } catch (err) {
      if (err instanceof ApiError) return send(res, err.code, err.body());
      const message = err instanceof Error ? err.message : String(err);
      return send(res, 500, { error: { code: 500, message: `stand-in failure: ${message}`, errors: [{ message, domain: "global", reason: "backendError" }] } });
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${bound}`,
    stats: () => structuredClone(stats),
    reset: () => {
      stats = newStats();
      failuresServed = new Map();
      outagesOver = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Registry entry: the functions reach the stand-in through the YOUTUBE_API_ROOT_URL param and its key. */
export const startYouTubeStandIn: StandInStarter = async (port) => {
  const standIn = await startYouTubeServer(port);
  return {
    env: {
      params: { YOUTUBE_API_ROOT_URL: `${standIn.url}/` },
      secrets: { YOUTUBE_API_KEY: YOUTUBE_STANDIN_KEY },
      tooling: { LENTLY_YOUTUBE_STANDIN_URL: standIn.url },
    },
    close: () => standIn.close(),
  };
};
