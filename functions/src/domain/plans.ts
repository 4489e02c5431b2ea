// The plan table: the only place these numbers live. `null` means unlimited;
// clients receive `unlimited: true` rather than a sentinel number.
export const PLAN_IDS = ["free", "starter", "pro", "business"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

export type UsageType = "videos" | "ai_questions" | "replies";

export const USAGE_TYPES: readonly UsageType[] = ["videos", "ai_questions", "replies"];

export interface Plan {
  id: PlanId;
  name: string;
  priceUsdMonthly: number;
  limits: {
    videos: number | null;
    ai_questions: number | null;
    /** generateReplies requests (each drafts up to 5 replies in one AI call). */
    replies: number | null;
    comments_per_video: number;
  };
  /** Daily allowances of shared project resources (core/budgets): not usage counters, so not in `limits`. */
  budgets: {
    /** YouTube Data API units this user's look-ups (getVideo, validateVideo, fetchComments, startAnalysis' check) and writes may spend per Pacific day. */
    youtube_units_per_day: number;
  };
  /** Watched sources (docs/channel.md): the connected channel or public videos, synced on a cadence. */
  sync: SyncAllowance;
}

export type SyncCadence = "daily" | "hourly";

export interface SyncAllowance {
  /** Connected channels a user may watch (every video of it). */
  channels: number;
  /** Public videos a user may watch by id. */
  videos: number;
  /** True when a watched channel and watched videos exclude each other (starter: 1 channel or 5 videos). */
  channelOrVideos: boolean;
  /** How often a watched source is synced; null: watching is not in the plan. */
  cadence: SyncCadence | null;
  /** New comments syncs may bring in (and analyse) per monthly period. */
  syncedCommentsPerMonth: number;
}

export const CADENCE_MS: Record<SyncCadence, number> = { daily: 86_400_000, hourly: 3_600_000 };

export const PLANS: Readonly<Record<PlanId, Plan>> = {
  free: {
    id: "free",
    name: "Free",
    priceUsdMonthly: 0,
    limits: { videos: 1, ai_questions: 2, replies: 10, comments_per_video: 100 },
    budgets: { youtube_units_per_day: 100 },
    sync: { channels: 0, videos: 0, channelOrVideos: false, cadence: null, syncedCommentsPerMonth: 0 },
  },
  starter: {
    id: "starter",
    name: "Starter",
    priceUsdMonthly: 19,
    limits: { videos: 10, ai_questions: 30, replies: 200, comments_per_video: 1_500 },
    budgets: { youtube_units_per_day: 500 },
    sync: { channels: 1, videos: 5, channelOrVideos: true, cadence: "daily", syncedCommentsPerMonth: 5_000 },
  },
  pro: {
    id: "pro",
    name: "Pro",
    priceUsdMonthly: 39,
    limits: { videos: 20, ai_questions: 75, replies: 500, comments_per_video: 3_000 },
    budgets: { youtube_units_per_day: 1_000 },
    sync: { channels: 1, videos: 10, channelOrVideos: false, cadence: "hourly", syncedCommentsPerMonth: 25_000 },
  },
  business: {
    id: "business",
    name: "Business",
    priceUsdMonthly: 79,
    limits: { videos: 50, ai_questions: null, replies: null, comments_per_video: 10_000 },
    budgets: { youtube_units_per_day: 2_000 },
    sync: { channels: 1, videos: 50, channelOrVideos: false, cadence: "hourly", syncedCommentsPerMonth: 150_000 },
  },
};

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === "string" && (PLAN_IDS as readonly string[]).includes(value);
}

export function planOf(value: unknown): Plan {
  return isPlanId(value) ? PLANS[value] : PLANS.free;
}
