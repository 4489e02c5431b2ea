// The YouTube stand-in as tests see it: the stack starts it (tools/standins/youtube.ts)
// and passes its URL; tests read its request counters and reset them.
import type { YouTubeStandInStats } from "../../../tools/standins/youtube";
import { createYouTubeLists } from "../../src/youtube/client";
import type { RetryPolicy } from "../../src/youtube/retry";
import { YouTubeService } from "../../src/youtube/service";

export { FIXTURE_IDS } from "../../../tools/standins/fixtures";

export function standInUrl(): string {
  const url = process.env.LENTLY_YOUTUBE_STANDIN_URL;
  if (!url) throw new Error("LENTLY_YOUTUBE_STANDIN_URL is not set: run tests through tools/stack.ts");
  return url;
}

export async function standInStats(): Promise<YouTubeStandInStats> {
  const res = await fetch(`${standInUrl()}/__stats`);
  return (await res.json()) as YouTubeStandInStats;
}

/** Zeroes the counters and the flaky videos' failure budgets. */
export async function resetStandIn(): Promise<void> {
  const res = await fetch(`${standInUrl()}/__reset`, { method: "POST" });
  if (!res.ok) throw new Error(`stand-in reset: HTTP ${res.status}`);
}

async function control(path: string): Promise<void> {
  const res = await fetch(`${standInUrl()}${path}`, { method: "POST" });
  if (!res.ok) throw new Error(`stand-in ${path}: HTTP ${res.status}`);
}

/** Ends the mid-listing failures (quota back, outage over) until the next reset. */
export const recoverStandIn = () => control("/__recover");

/** Makes every page token issued so far stale (400 invalidPageToken). */
export const expirePageTokens = () => control("/__expireTokens");

/** Units the stand-in counted for one video on one route since the last reset. */
export async function unitsFor(videoId: string, route: "videos" | "commentThreads"): Promise<number> {
  return (await standInStats()).byVideo[videoId]?.[route] ?? 0;
}

/** The production service on the stack's stand-in, retrying without waiting unless told otherwise. */
export async function testService(
  options: { apiKey?: string; sleep?: (ms: number) => Promise<void>; timeoutMs?: number; retry?: RetryPolicy } = {},
): Promise<YouTubeService> {
  const api = await createYouTubeLists({
    apiKey: options.apiKey ?? process.env.YOUTUBE_API_KEY ?? "",
    rootUrl: process.env.YOUTUBE_API_ROOT_URL ?? `${standInUrl()}/`,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return new YouTubeService(api, { sleep: options.sleep ?? (() => Promise.resolve()), ...(options.retry ? { retry: options.retry } : {}) });
}
