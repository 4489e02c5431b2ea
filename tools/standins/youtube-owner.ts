// The YouTube stand-in's replies and channel-owner routes, served on the
// YouTube stand-in's own server (youtube.ts hands them over), with the real
// response shapes and errors:
//
//   part=replies on commentThreads.list        up to five replies per thread, oldest first
//   GET  /youtube/v3/comments?parentId=…       a thread's replies, 100 a page (API key or OAuth)
//   GET  /youtube/v3/channels?mine=true        the OAuth user's channel
//   GET  /youtube/v3/commentThreads?moderationStatus=heldForReview|likelySpam   the owner's review queue
//   POST /youtube/v3/comments                  comments.insert (a reply), 50 units
//   POST /youtube/v3/comments/setModerationStatus   publish / hold / reject (+ banAuthor), 50 units
//
// OAuth calls carry `Authorization: Bearer <access token>` issued by the OAuth
// stand-in (oauth.ts); tokens without youtube.force-ssl get Google's 403
// insufficientPermissions. Errors: 401 authError, 403 forbidden (moderating a
// comment on someone else's video), 403 commentsDisabled, 403 quotaExceeded
// (POST /__owner/quota {"exhausted": true} spends the day's quota), 404
// commentNotFound, 400 banWithoutReject.
//
// Control endpoints: GET /__owner/stats (calls and units per route, posted
// replies, moderation decisions, the comments.list parents in arrival order
// and the most comments.list calls in flight at once), POST /__owner/reset,
// POST /__owner/config {"repliesLatencyMs": n} (comments.list answers after n ms,
// so calls in flight overlap as they do against YouTube).
import type { IncomingMessage, ServerResponse } from "node:http";
import { findFixture, listFixtures, type FixtureComment, type FixtureVideo } from "./fixtures";
import type { FixtureReply } from "./fixtures/types";
import { FORCE_SSL_SCOPE, lookupAccessToken, type AccessInfo } from "./oauth";

const READ_SCOPES = new Set([FORCE_SSL_SCOPE, "https://www.googleapis.com/auth/youtube", "https://www.googleapis.com/auth/youtube.readonly"]);
const WRITE_SCOPES = new Set([FORCE_SSL_SCOPE, "https://www.googleapis.com/auth/youtube"]);
const INLINE_REPLIES = 5;

type OwnerRoute = "channels" | "comments.list" | "comments.insert" | "comments.setModerationStatus" | "commentThreads.held";
const COST: Record<OwnerRoute, number> = { channels: 1, "comments.list": 1, "comments.insert": 50, "comments.setModerationStatus": 50, "commentThreads.held": 1 };

interface PostedReply {
  id: string;
  parentId: string;
  videoId: string;
  channelId: string;
  authorChannelId: string;
  author: string;
  text: string;
  publishedAt: string;
}

type ModerationStatus = "published" | "heldForReview" | "likelySpam" | "rejected";

interface OwnerStats {
  requests: Partial<Record<OwnerRoute, number>>;
  units: number;
  /** parentId of every comments.list call, in arrival order. */
  replyParents: string[];
  /** The most comments.list calls in flight at once. */
  repliesMaxInFlight: number;
  posted: PostedReply[];
  moderation: Record<string, ModerationStatus>;
  banned: string[];
}

let posted: PostedReply[] = [];
let moderation = new Map<string, ModerationStatus>();
let banned = new Set<string>();
let quotaExhausted = false;
let repliesLatencyMs = 0;
let repliesInFlight = 0;
const freshStats = () => ({ requests: {} as Partial<Record<OwnerRoute, number>>, units: 0, replyParents: [] as string[], repliesMaxInFlight: 0 });
let stats = freshStats();

function resetOwner(): void {
  posted = [];
  moderation = new Map();
  banned = new Set();
  quotaExhausted = false;
  repliesLatencyMs = 0;
  repliesInFlight = 0;
  stats = freshStats();
}

class OwnerApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason: string,
    readonly domain: string,
    readonly status?: string,
    readonly details?: unknown[],
  ) {
    super(message);
  }
  body() {
    return {
      error: {
        code: this.code,
        message: this.message,
        errors: [{ message: this.message, domain: this.domain, reason: this.reason }],
        ...(this.status ? { status: this.status } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

const fail = {
  loginRequired: () => new OwnerApiError(401, "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "required", "global", "UNAUTHENTICATED"),
  authError: () => new OwnerApiError(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "authError", "global", "UNAUTHENTICATED"),
  insufficientScope: (method: string) =>
    new OwnerApiError(403, "Request had insufficient authentication scopes.", "insufficientPermissions", "global", "PERMISSION_DENIED", [
      { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT", domain: "googleapis.com", metadata: { service: "youtube.googleapis.com", method } },
    ]),
  quotaExceeded: () => new OwnerApiError(403, 'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.', "quotaExceeded", "youtube.quota"),
  forbidden: (what: string) => new OwnerApiError(403, `The request is not properly authorized to ${what}.`, "forbidden", "youtube.comment"),
  commentsDisabled: () => new OwnerApiError(403, "The video has disabled comments.", "commentsDisabled", "youtube.comment"),
  commentNotFound: () => new OwnerApiError(404, "One or more comments identified by the id parameter could not be found.", "commentNotFound", "youtube.comment"),
  parentNotFound: () => new OwnerApiError(404, "The specified parent comment could not be found.", "parentCommentNotFound", "youtube.comment"),
  banWithoutReject: () => new OwnerApiError(400, "The banAuthor parameter can only be used if the moderationStatus parameter value is rejected.", "banWithoutReject", "youtube.comment"),
  textTooLong: () => new OwnerApiError(400, "The comment resource's snippet.textOriginal is too long.", "commentTextTooLong", "youtube.comment"),
  invalid: (message: string) => new OwnerApiError(400, message, "invalidParameter", "youtube.parameter"),
  missing: (name: string) => new OwnerApiError(400, `Required parameter: ${name}`, "missingRequiredParameter", "youtube.parameter"),
};

// ---- threads and replies (read side, shared with the public listing) ----

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, "Z");
const REPLY_TEXTS = ["Same question here!", "+1, would love to know too", "I think it's mentioned at the end", "Following", "Good question", "Came here to ask this", "Check the pinned comment maybe?"];

interface ReplyEntry {
  id: string;
  author: string;
  authorChannelId: string;
  text: string;
  publishedAt: string;
}

/** Every reply of a thread, oldest first: the fixture's own, generated viewer replies for the rest of replyCount, then any posted here. */
function threadReplies(comment: FixtureComment): ReplyEntry[] {
  const explicit = new Map<number, FixtureReply>((comment.replies ?? []).map((r) => [r.position, r]));
  const start = Date.parse(comment.publishedAt);
  const out: ReplyEntry[] = [];
  for (let i = 0; i < comment.replyCount; i += 1) {
    const r = explicit.get(i);
    const n = (comment.id.charCodeAt(comment.id.length - 8) + i * 7) % 9973;
    out.push({
      id: `${comment.id}.${String(i).padStart(4, "0")}rpl${comment.id.slice(3, 16)}`,
      author: r?.author ?? `@viewer${n}`,
      authorChannelId: r?.authorChannelId ?? `UCreply${String(n).padStart(17, "0")}`,
      text: r?.text ?? REPLY_TEXTS[n % REPLY_TEXTS.length],
      publishedAt: iso(start + (i + 1) * 37 * 60_000),
    });
  }
  for (const p of posted) if (p.parentId === comment.id) out.push({ id: p.id, author: p.author, authorChannelId: p.authorChannelId, text: p.text, publishedAt: p.publishedAt });
  return out;
}

function replyResource(video: FixtureVideo, parentId: string, r: ReplyEntry) {
  return {
    kind: "youtube#comment",
    etag: Buffer.from(r.id).toString("base64url").slice(0, 27),
    id: r.id,
    snippet: {
      channelId: video.channelId,
      textDisplay: r.text,
      textOriginal: r.text,
      parentId,
      authorDisplayName: r.author,
      authorProfileImageUrl: `https://yt3.ggpht.example/${r.authorChannelId}=s48-c-k-c0x00ffffff-no-rj`,
      authorChannelUrl: `http://www.youtube.com/${r.author}`,
      authorChannelId: { value: r.authorChannelId },
      canRate: true,
      viewerRating: "none",
      likeCount: 0,
      publishedAt: r.publishedAt,
      updatedAt: r.publishedAt,
    },
  };
}

/**
 * What part=replies adds to a commentThread resource built by youtube.ts:
 * `replies.comments` (up to five) and a totalReplyCount that includes replies
 * posted through this stand-in.
 */
export function withReplies<T extends { snippet: { totalReplyCount: number } }>(thread: T, video: FixtureVideo, comment: FixtureComment, parts: Set<string>): T {
  const replies = threadReplies(comment);
  thread.snippet.totalReplyCount = replies.length;
  if (!parts.has("replies") || replies.length === 0) return thread;
  return { ...thread, replies: { comments: replies.slice(0, INLINE_REPLIES).map((r) => replyResource(video, comment.id, r)) } };
}

function findThread(commentId: string): { video: FixtureVideo; comment: FixtureComment } | undefined {
  // Comment ids carry the video's id after "Ugx" (fixtures/demo-video.ts commentId):
  // that finds the generated bench videos too, which listFixtures does not name.
  const byPrefix = findFixture(commentId.slice(3, 14));
  const direct = byPrefix?.comments().find((c) => c.id === commentId);
  if (byPrefix && direct) return { video: byPrefix, comment: direct };
  for (const { id } of listFixtures()) {
    const video = findFixture(id);
    const comment = video?.comments().find((c) => c.id === commentId);
    if (video && comment) return { video, comment };
  }
  return undefined;
}

function findHeld(commentId: string): { video: FixtureVideo; status: ModerationStatus } | undefined {
  for (const { id } of listFixtures()) {
    const video = findFixture(id);
    const held = video?.held?.().find((c) => c.id === commentId);
    if (video && held) return { video, status: moderation.get(commentId) ?? held.moderationStatus };
  }
  return undefined;
}

// ---- request plumbing ----

function count(route: OwnerRoute): void {
  stats.requests[route] = (stats.requests[route] ?? 0) + 1;
  stats.units += COST[route];
}

function caller(req: IncomingMessage, method: string, scopes: Set<string>): AccessInfo {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
  if (!bearer) throw fail.loginRequired();
  const info = lookupAccessToken(bearer[1]);
  if (!info) throw fail.authError();
  if (!info.scopes.some((s) => scopes.has(s))) throw fail.insufficientScope(method);
  if (quotaExhausted) throw fail.quotaExceeded();
  return info;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    throw fail.invalid("Invalid JSON payload received.");
  }
}

function channelResource(channelId: string) {
  const video = listFixtures().map((f) => findFixture(f.id)).find((v) => v?.channelId === channelId);
  const title = video?.channelTitle ?? "Lently Test Channel";
  return { kind: "youtube#channel", etag: channelId.slice(2, 29), id: channelId, snippet: { title, description: "", customUrl: `@${title.replace(/\s+/g, "").toLowerCase()}`, publishedAt: "2019-03-01T10:00:00Z" } };
}

function listChannels(req: IncomingMessage, q: URLSearchParams) {
  count("channels");
  const info = caller(req, "youtube.api.v3.V3DataChannelService.List", READ_SCOPES);
  if (q.get("mine") !== "true") throw fail.missing("filter");
  return { kind: "youtube#channelListResponse", etag: "", pageInfo: { totalResults: 1, resultsPerPage: 5 }, items: [channelResource(info.channelId)] };
}

/** comments.list, counted in flight until it answers (after the configured latency). */
async function listRepliesInFlight(req: IncomingMessage, q: URLSearchParams) {
  repliesInFlight += 1;
  stats.repliesMaxInFlight = Math.max(stats.repliesMaxInFlight, repliesInFlight);
  try {
    if (repliesLatencyMs > 0) await new Promise((resolve) => setTimeout(resolve, repliesLatencyMs));
    return listReplies(req, q);
  } finally {
    repliesInFlight -= 1;
  }
}

function listReplies(req: IncomingMessage, q: URLSearchParams) {
  count("comments.list");
  const parentId = q.get("parentId");
  if (!parentId) throw fail.missing("parentId");
  stats.replyParents.push(parentId);
  if (!req.headers.authorization && !q.get("key")) throw fail.loginRequired();
  if (req.headers.authorization) caller(req, "youtube.api.v3.V3DataCommentService.List", READ_SCOPES);
  const thread = findThread(parentId);
  if (!thread) throw fail.parentNotFound();
  const max = Number(q.get("maxResults") ?? "20");
  if (!Number.isInteger(max) || max < 1 || max > 100) throw fail.invalid(`Invalid value '${q.get("maxResults")}'. Values must be within the range: [1, 100]`);
  const offset = Number(Buffer.from(q.get("pageToken") ?? "", "base64url").toString("utf8") || "0");
  const all = threadReplies(thread.comment);
  const page = all.slice(offset, offset + max);
  const next = offset + max < all.length ? Buffer.from(String(offset + max)).toString("base64url") : undefined;
  return {
    kind: "youtube#commentListResponse",
    etag: "",
    ...(next ? { nextPageToken: next } : {}),
    pageInfo: { totalResults: page.length, resultsPerPage: max },
    items: page.map((r) => replyResource(thread.video, parentId, r)),
  };
}

function listHeld(req: IncomingMessage, q: URLSearchParams) {
  count("commentThreads.held");
  const info = caller(req, "youtube.api.v3.V3DataCommentThreadService.List", WRITE_SCOPES);
  const status = q.get("moderationStatus") as ModerationStatus;
  if (status !== "heldForReview" && status !== "likelySpam") throw fail.invalid(`Invalid value '${status}'. Expected one of: heldForReview, likelySpam, published`);
  const videoId = q.get("videoId");
  const channelId = q.get("allThreadsRelatedToChannelId");
  if (!videoId && !channelId) throw fail.missing("filter");
  let videos: FixtureVideo[];
  if (videoId) {
    const video = findFixture(videoId);
    if (!video) throw new OwnerApiError(404, "The video identified by the videoId parameter could not be found.", "videoNotFound", "youtube.commentThread");
    if (video.channelId !== info.channelId) throw fail.forbidden("retrieve the specified comment threads");
    if (video.behaviour.kind === "commentsDisabled") throw fail.commentsDisabled();
    videos = [video];
  } else {
    if (channelId !== info.channelId) throw fail.forbidden("retrieve the specified comment threads");
    videos = listFixtures().map((f) => findFixture(f.id)).filter((v): v is FixtureVideo => v?.channelId === channelId);
  }
  const items = videos.flatMap((video) =>
    (video.held?.() ?? [])
      .filter((c) => (moderation.get(c.id) ?? c.moderationStatus) === status)
      .map((c) => {
        const snippet = {
          channelId: video.channelId,
          videoId: video.id,
          textDisplay: c.text,
          textOriginal: c.text,
          authorDisplayName: c.author,
          authorChannelId: { value: c.authorChannelId },
          canRate: true,
          viewerRating: "none",
          likeCount: c.likeCount,
          moderationStatus: status,
          publishedAt: c.publishedAt,
          updatedAt: c.updatedAt,
        };
        return {
          kind: "youtube#commentThread",
          etag: c.id.slice(0, 27),
          id: c.id,
          snippet: { channelId: video.channelId, videoId: video.id, topLevelComment: { kind: "youtube#comment", etag: c.id.slice(3, 30), id: c.id, snippet }, canReply: false, totalReplyCount: 0, isPublic: false },
        };
      }),
  );
  return { kind: "youtube#commentThreadListResponse", etag: "", pageInfo: { totalResults: items.length, resultsPerPage: 100 }, items };
}

async function insertReply(req: IncomingMessage) {
  count("comments.insert");
  const info = caller(req, "youtube.api.v3.V3DataCommentService.Insert", WRITE_SCOPES);
  const body = await readJson(req);
  const snippet = (body.snippet ?? {}) as { parentId?: unknown; textOriginal?: unknown };
  if (typeof snippet.parentId !== "string") throw fail.missing("snippet.parentId");
  if (typeof snippet.textOriginal !== "string" || !snippet.textOriginal.trim()) throw fail.missing("snippet.textOriginal");
  if (snippet.textOriginal.length > 10_000) throw fail.textTooLong();
  const thread = findThread(snippet.parentId);
  if (!thread) throw fail.parentNotFound();
  if (thread.video.behaviour.kind === "commentsDisabled") throw fail.commentsDisabled();
  const channel = channelResource(info.channelId);
  const reply: PostedReply = {
    id: `${snippet.parentId}.posted${String(posted.length + 1).padStart(4, "0")}`,
    parentId: snippet.parentId,
    videoId: thread.video.id,
    channelId: thread.video.channelId,
    authorChannelId: info.channelId,
    author: channel.snippet.customUrl,
    text: snippet.textOriginal,
    publishedAt: iso(Date.now()),
  };
  posted.push(reply);
  return replyResource(thread.video, reply.parentId, reply);
}

function setModerationStatus(req: IncomingMessage, q: URLSearchParams): void {
  count("comments.setModerationStatus");
  const info = caller(req, "youtube.api.v3.V3DataCommentService.SetModerationStatus", WRITE_SCOPES);
  const ids = q.getAll("id").join(",").split(",").map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw fail.missing("id");
  const status = q.get("moderationStatus") as ModerationStatus | null;
  if (!status) throw fail.missing("moderationStatus");
  if (!["published", "heldForReview", "rejected"].includes(status)) throw fail.invalid(`Invalid value '${status}'. Expected one of: heldForReview, published, rejected`);
  const ban = q.get("banAuthor") === "true";
  if (ban && status !== "rejected") throw fail.banWithoutReject();
  const targets = ids.map((id) => {
    const held = findHeld(id);
    const thread = held ? undefined : findThread(id);
    const video = held?.video ?? thread?.video;
    if (!video) throw fail.commentNotFound();
    if (video.channelId !== info.channelId) throw fail.forbidden("set the moderation status of the specified comment");
    return { id, author: held ? video.held!().find((c) => c.id === id)!.authorChannelId : thread!.comment.authorChannelId };
  });
  // All or nothing, like the API: every id was checked before any is changed.
  for (const t of targets) {
    moderation.set(t.id, status);
    if (ban && t.author) banned.add(t.author);
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Serves the request when it is one of these routes (true), else leaves it to
 * youtube.ts (false). commentThreads.list belongs here only for the review
 * queue (moderationStatus other than published).
 */
export function handleOwnerRoute(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const path = url.pathname.replace(/\/+$/, "");
  const q = url.searchParams;
  const method = req.method ?? "GET";
  let run: (() => unknown) | undefined;
  if (method === "GET" && path === "/__owner/stats") run = (): OwnerStats => ({ ...structuredClone(stats), posted: structuredClone(posted), moderation: Object.fromEntries(moderation), banned: [...banned] });
  else if (method === "POST" && path === "/__owner/reset") run = () => (resetOwner(), { ok: true });
  else if (method === "POST" && path === "/__owner/config") run = async () => ((repliesLatencyMs = Math.max(0, Number((await readJson(req)).repliesLatencyMs) || 0)), { repliesLatencyMs });
  else if (method === "POST" && path === "/__owner/quota") run = async () => ((quotaExhausted = (await readJson(req)).exhausted === true), { quotaExhausted });
  else if (method === "GET" && path === "/youtube/v3/channels") run = () => listChannels(req, q);
  else if (method === "GET" && path === "/youtube/v3/comments") run = () => listRepliesInFlight(req, q);
  else if (method === "GET" && path === "/youtube/v3/commentThreads" && q.has("moderationStatus") && q.get("moderationStatus") !== "published") run = () => listHeld(req, q);
  else if (method === "POST" && path === "/youtube/v3/comments") run = () => insertReply(req);
  else if (method === "POST" && path === "/youtube/v3/comments/setModerationStatus") run = () => setModerationStatus(req, q);
  if (!run) return false;
  Promise.resolve()
    .then(run)
    .then(
      (body) => send(res, body === undefined ? 204 : 200, body),
      (err: unknown) => {
        if (err instanceof OwnerApiError) return send(res, err.code, err.body());
        const message = err instanceof Error ? err.message : String(err);
        send(res, 500, { error: { code: 500, message: `stand-in failure: ${message}`, errors: [{ message, domain: "global", reason: "backendError" }] } });
      },
    );
  return true;
}
