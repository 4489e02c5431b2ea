// Whole threads: did the channel owner reply, and when? commentThreads.list
// with part=replies carries up to five replies per thread (at no extra unit):
// `inlineOwnerReply` settles what those show. A thread with more replies and
// no owner reply among the five needs comments.list with `parentId` (one unit
// per page of 100, charged by the meter: with the analysis' BudgetedUnitMeter,
// to the project's YouTube budget before each call, core/budgets/youtubeBudget).
// `resolveOwnerReplies` reads those pages for the threads it is given — the
// caller picks the ones whose answer matters (analysis/fanout/ownerReplies.ts)
// — most liked first, a few at a time, within a page cap, and says which it
// could not read instead of calling them unanswered.
import { logger } from "firebase-functions/logger";
import { HttpsError } from "firebase-functions/v2/https";
import { YouTubeApiError } from "./errors";
import type { UnitMeter } from "../core/budgets/unitMeter";
import { latestReplyBy, type YouTubeService } from "./service";
import type { YouTubeComment } from "./types";

/** Default cap on comments.list pages per analysis. */
export const MAX_REPLY_PAGES = 200;
/** comments.list calls in flight at once for one analysis (a few: units are charged one by one, and YouTube rate-limits bursts). */
export const REPLY_PAGE_CONCURRENCY = 4;

export interface OwnerReplyState {
  answeredByOwner: boolean;
  /** ISO 8601; present when answered. */
  ownerRepliedAt?: string;
  /** The thread has replies nobody read (beyond the five inline, not resolved): whether the owner replied is unknown, so it is not "unanswered". */
  repliesUnchecked?: true;
}

/** What the replies YouTube sent with the thread settle, at no unit. */
export function inlineOwnerReply(c: YouTubeComment): OwnerReplyState {
  if (c.ownerRepliedAt) return { answeredByOwner: true, ownerRepliedAt: c.ownerRepliedAt };
  if ((c.repliesSeen ?? 0) >= c.replyCount) return { answeredByOwner: false };
  return { answeredByOwner: false, repliesUnchecked: true };
}

export interface ThreadToResolve {
  id: string;
  likeCount: number;
}

export interface ResolveOptions {
  /** The video's channel: its replies are the owner's. */
  ownerChannelId: string;
  videoId: string;
  meter: UnitMeter;
  /** At most this many comments.list pages for the whole video (units are the project's scarce resource). */
  maxPages: number;
  /** At most this many comments.list calls in flight. */
  concurrency: number;
}

/** Why threads were left unchecked: the page cap, the shared budget or YouTube refused, YouTube failed. */
export type ResolveStop = "cap" | "budget" | "youtube";

export interface ResolvedReplies {
  /** The threads read to the end or to the owner's reply: answered or not. */
  states: Map<string, OwnerReplyState>;
  /** Threads given that were not read whole (the cap, a refusal, a failure): their owner-reply state is unknown. */
  unchecked: string[];
  pages: number;
  /** Set when reading stopped before every thread was read. */
  stoppedBy?: ResolveStop;
}

/** Most likes first, then by id (the inbox's default order). */
const byLikes = (a: ThreadToResolve, b: ThreadToResolve) => b.likeCount - a.likeCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A failure about this one thread (its parent comment is gone): the others can still be read. */
const threadOnly = (err: unknown) => err instanceof YouTubeApiError && err.failure.kind === "notFound";

/**
 * Reads the replies of `threads` beyond the five inline until the owner's
 * reply or the last page, most liked first, `concurrency` calls at a time,
 * never more than `maxPages` pages. A budget refusal or a YouTube failure
 * stops the reading (never the caller): what was not read is `unchecked`.
 */
export async function resolveOwnerReplies(youtube: YouTubeService, threads: readonly ThreadToResolve[], options: ResolveOptions): Promise<ResolvedReplies> {
  const queue = [...threads].sort(byLikes);
  const states = new Map<string, OwnerReplyState>();
  const unchecked: string[] = [];
  let pages = 0;
  let stoppedBy: ResolveStop | undefined;
  let next = 0;

  const readThread = async (thread: ThreadToResolve): Promise<void> => {
    let at: string | undefined;
    let token: string | undefined;
    do {
      if (stoppedBy) return void unchecked.push(thread.id);
      if (pages >= options.maxPages) {
        stoppedBy = "cap";
        return void unchecked.push(thread.id);
      }
      pages += 1; // taken before the call, so calls in flight never pass the cap
      try {
        const page = await youtube.listReplies(thread.id, options.videoId, options.meter, token);
        at = latestReplyBy(page.replies, options.ownerChannelId) ?? at;
        token = page.nextPageToken ?? undefined;
      } catch (err) {
        // A call YouTube never saw (refused by the budget, or the network failed) took no page.
        if (!(err instanceof YouTubeApiError) || err.failure.status === undefined) pages -= 1;
        if (!threadOnly(err)) stoppedBy ??= err instanceof HttpsError && err.code === "resource-exhausted" && !(err instanceof YouTubeApiError) ? "budget" : "youtube";
        logger.warn("owner replies of a thread not read", { event: "owner_replies_unread", videoId: options.videoId, code: err instanceof HttpsError ? err.code : "unknown", stoppedBy: stoppedBy ?? null });
        return void unchecked.push(thread.id);
      }
    } while (token && !at);
    states.set(thread.id, at ? { answeredByOwner: true, ownerRepliedAt: at } : { answeredByOwner: false });
  };

  const worker = async () => {
    while (next < queue.length) await readThread(queue[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker));
  return { states, unchecked, pages, ...(stoppedBy ? { stoppedBy } : {}) };
}
