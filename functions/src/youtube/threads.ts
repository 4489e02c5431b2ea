// Whole threads: did the channel owner reply, and when? commentThreads.list
// with part=replies carries up to five replies per thread (at no extra unit);
// for a thread with more replies and no owner reply among those five, the rest
// are read through comments.list with `parentId` (one unit per page of 100,
// charged by the meter: with the analysis' BudgetedUnitMeter, to the project's
// YouTube budget before each call, core/budgets/youtubeBudget).
import { latestReplyBy, type UnitMeter, type YouTubeService } from "./service";
import type { YouTubeComment } from "./types";

/** Default cap on comments.list pages per analysis. */
export const MAX_REPLY_PAGES = 200;

export interface OwnerReplyState {
  answeredByOwner: boolean;
  /** ISO 8601; present when answered. */
  ownerRepliedAt?: string;
}

export interface ResolveOptions {
  /** The video's channel: its replies are the owner's. */
  ownerChannelId: string;
  videoId: string;
  meter: UnitMeter;
  /** At most this many comments.list pages for the whole video (units are the project's scarce resource). */
  maxPages: number;
}

export interface ResolvedReplies {
  states: Map<string, OwnerReplyState>;
  /** Threads whose replies were not all seen (the page cap was reached): read as unanswered. */
  unresolved: number;
  pages: number;
}

/** Whether the replies YouTube sent with the thread already settle it. */
function settledInline(c: YouTubeComment): boolean {
  return Boolean(c.ownerRepliedAt) || (c.repliesSeen ?? 0) >= c.replyCount;
}

export async function resolveOwnerReplies(youtube: YouTubeService, comments: readonly YouTubeComment[], options: ResolveOptions): Promise<ResolvedReplies> {
  const states = new Map<string, OwnerReplyState>();
  let pages = 0;
  let unresolved = 0;
  for (const c of comments) {
    let at = c.ownerRepliedAt;
    if (!settledInline(c)) {
      let token: string | undefined;
      do {
        if (pages >= options.maxPages) {
          unresolved += 1;
          break;
        }
        const page = await youtube.listReplies(c.id, options.videoId, options.meter, token);
        pages += 1;
        at = latestReplyBy(page.replies, options.ownerChannelId) ?? at;
        token = page.nextPageToken ?? undefined;
      } while (token && !at);
    }
    states.set(c.id, at ? { answeredByOwner: true, ownerRepliedAt: at } : { answeredByOwner: false });
  }
  return { states, unresolved, pages };
}
