// The connected channel's review queue: getHeldComments lists what YouTube
// held (heldForReview) or flagged (likelySpam), each with Lently's own spam
// verdict and reason, and moderateComments publishes, holds or rejects up to
// 50 of them in one comments.setModerationStatus call (50 units).
import { Timestamp } from "firebase-admin/firestore";
import type { ModerationInputAction } from "../contracts/inbox";
import { HELD_STATUSES } from "../domain/filters";
import { invalidArgument } from "../core/errors";
import { ownedAnalysis } from "../analysis/ownedAnalysis";
import { ownerSession, type ChannelDeps } from "../channel/service";
import type { HeldStatus, ModerationAction } from "../channel/ownerYouTube";
import { filterComments } from "../youtube/quality/filter";
import { toComment } from "../youtube/service";
import type { YouTubeComment } from "../youtube/types";
import { addActionUnits } from "./analysisCost";

/** Pages of 100 read per status: the queue beyond them is reported as truncated. */
export const HELD_PAGES_PER_STATUS = 5;
export const MODERATION_LOG_COLLECTION = "moderation_actions";

const STATUS_OF: Record<ModerationInputAction, ModerationAction> = { publish: "published", hold: "heldForReview", reject: "rejected" };

export interface ModerateInput {
  ids: string[];
  action: ModerationInputAction;
  banAuthor?: boolean;
  /** The analysis whose cost the units are added to. */
  analysisId?: string;
}

export async function moderateComments(deps: ChannelDeps, uid: string, input: ModerateInput) {
  const ids = [...new Set(input.ids)];
  if (input.banAuthor && input.action !== "reject") throw invalidArgument("banAuthor", "only with action reject");
  // Checked before any unit is spent.
  const analysis = input.analysisId !== undefined ? await ownedAnalysis(deps.db, uid, { analysisId: input.analysisId }) : undefined;
  const session = await ownerSession(deps, uid);
  try {
    await session.youtube.setModerationStatus(ids, STATUS_OF[input.action], input.banAuthor === true);
  } finally {
    if (analysis) await addActionUnits(deps.db, analysis.id, "moderation", session.units());
  }
  const now = (deps.now ?? (() => new Date()))();
  await deps.db.collection(MODERATION_LOG_COLLECTION).add({
    userId: uid,
    channelId: session.channel.id,
    ids,
    action: input.action,
    banAuthor: input.banAuthor === true,
    youtubeUnits: session.units(),
    at: Timestamp.fromDate(now),
  });
  return { action: input.action, moderated: ids.length, ids, banAuthor: input.banAuthor === true, youtubeUnits: session.units() };
}

interface HeldComment extends YouTubeComment {
  videoId: string;
  youtubeStatus: HeldStatus;
}

export async function getHeldComments(deps: ChannelDeps, uid: string, input: { videoId?: string }) {
  const session = await ownerSession(deps, uid);
  const held: HeldComment[] = [];
  let truncated = false;
  for (const moderationStatus of HELD_STATUSES) {
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await session.youtube.heldThreads({ videoId: input.videoId, channelId: session.channel.id, moderationStatus, pageToken });
      pages += 1;
      for (const thread of page.items ?? []) {
        const comment = toComment(thread);
        if (comment) held.push({ ...comment, videoId: thread.snippet?.videoId ?? input.videoId ?? "", youtubeStatus: moderationStatus });
      }
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken && pages < HELD_PAGES_PER_STATUS);
    if (pageToken) truncated = true;
  }

  // Lently's verdict, per video (floods and self-links are judged within one video's comments).
  const verdicts = new Map<string, { spam: boolean; reason: string | null; detail: string | null }>();
  for (const videoId of new Set(held.map((c) => c.videoId))) {
    const result = filterComments(held.filter((c) => c.videoId === videoId), { videoId, channelId: session.channel.id });
    for (const r of result.removed) verdicts.set(r.comment.id, { spam: true, reason: r.reason, detail: r.detail });
    for (const k of result.kept) verdicts.set(k.id, { spam: false, reason: null, detail: null });
  }
  const comments = held.map((c) => {
    const lently = verdicts.get(c.id) ?? { spam: false, reason: null, detail: null };
    return {
      id: c.id,
      videoId: c.videoId,
      author: c.author,
      authorChannelId: c.authorChannelId ?? null,
      text: c.text,
      likeCount: c.likeCount,
      publishedAt: c.publishedAt,
      youtubeStatus: c.youtubeStatus,
      lently,
      suggestedAction: lently.spam ? ("reject" as const) : ("publish" as const),
    };
  });
  return {
    channel: session.channel,
    comments,
    counts: {
      total: comments.length,
      heldForReview: comments.filter((c) => c.youtubeStatus === "heldForReview").length,
      likelySpam: comments.filter((c) => c.youtubeStatus === "likelySpam").length,
      lentlySpam: comments.filter((c) => c.lently.spam).length,
    },
    truncated,
    youtubeUnits: session.units(),
  };
}
