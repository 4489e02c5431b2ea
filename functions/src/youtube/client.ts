// The YouTube Data API v3 client. `@googleapis/youtube` is imported lazily:
// lib/index.js is loaded by every function instance, and only the YouTube
// functions should pay for this client on a cold start.
//
// The service needs two list calls; `YouTubeLists` is that narrow surface, so
// tests and the pipeline depend on it rather than on the generated client.
import type { youtube_v3 } from "@googleapis/youtube";
import { YOUTUBE_API_KEY, YOUTUBE_API_ROOT_URL } from "./config";
import { missingKeyError } from "./errors";

export type VideosListParams = youtube_v3.Params$Resource$Videos$List;
export type CommentThreadsListParams = youtube_v3.Params$Resource$Commentthreads$List;
export type CommentsListParams = youtube_v3.Params$Resource$Comments$List;

export interface YouTubeLists {
  videosList(params: VideosListParams): Promise<youtube_v3.Schema$VideoListResponse>;
  commentThreadsList(params: CommentThreadsListParams): Promise<youtube_v3.Schema$CommentThreadListResponse>;
  /** Replies of one thread (`parentId`), beyond the five that commentThreads.list carries. */
  commentsList(params: CommentsListParams): Promise<youtube_v3.Schema$CommentListResponse>;
}

export interface YouTubeClientConfig {
  apiKey: string;
  /** https://youtube.googleapis.com/ in production; the local stand-in in tests and the demo. */
  rootUrl: string;
  /** Per HTTP request; a hung connection becomes a retryable failure instead of a stuck function. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

const clients = new Map<string, Promise<YouTubeLists>>();

/** A client for this key and root URL, created once per instance. */
export function createYouTubeLists(config: YouTubeClientConfig): Promise<YouTubeLists> {
  if (!config.apiKey) return Promise.reject(missingKeyError());
  const cacheKey = `${config.rootUrl}\u0000${config.apiKey}\u0000${config.timeoutMs ?? DEFAULT_TIMEOUT_MS}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = build(config);
    clients.set(cacheKey, client);
    client.catch(() => clients.delete(cacheKey));
  }
  return client;
}

async function build(config: YouTubeClientConfig): Promise<YouTubeLists> {
  const { youtube } = await import("@googleapis/youtube");
  const api = youtube({
    version: "v3",
    auth: config.apiKey, // a string is sent as the `key` query parameter
    rootUrl: config.rootUrl,
    timeout: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // The service retries (and counts every attempt as a quota unit); the library must not retry behind its back.
    retry: false,
  });
  return {
    videosList: async (params) => (await api.videos.list(params)).data,
    commentThreadsList: async (params) => (await api.commentThreads.list(params)).data,
    commentsList: async (params) => (await api.comments.list(params)).data,
  };
}

/** The client configured by the deployment's params and secret (read at call time, never at load). */
export function youtubeFromParams(): Promise<YouTubeLists> {
  return createYouTubeLists({ apiKey: YOUTUBE_API_KEY.value().trim(), rootUrl: YOUTUBE_API_ROOT_URL.value() });
}
