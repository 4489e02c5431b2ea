// Shapes several callables share: usage meters, profiles, dates, pages.
import { z } from "zod";
import { PLAN_IDS } from "../domain/plans";
import { settingsSchema } from "../domain/settings";

/** An ISO 8601 date-time (Firestore Timestamps leave callables as these). */
export const isoDate = z.iso.datetime({ offset: true });
export const planId = z.enum(PLAN_IDS);

export const usageMeter = z.lazy(() => z.strictObject({
  used: z.number().int().min(0),
  /** null: unlimited on this plan. */
  limit: z.number().int().min(0).nullable(),
  remaining: z.number().int().min(0).nullable(),
  unlimited: z.boolean(),
}));

export const usageView = z.lazy(() => z.strictObject({
  plan: planId,
  planName: z.string(),
  periodStart: isoDate,
  periodEnd: isoDate,
  videos: usageMeter,
  aiQuestions: usageMeter,
  /** generateReplies requests this month. */
  replies: usageMeter,
  commentsPerVideo: z.strictObject({ limit: z.number().int().positive() }),
}));

export const profileView = z.lazy(() => z.strictObject({
  uid: z.string(),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
  photoURL: z.string().nullable(),
  plan: planId,
  settings: settingsSchema,
  /** The connected YouTube channel (connectYouTubeChannel); null when none. */
  youtubeChannel: z.strictObject({ id: z.string(), title: z.string(), scopes: z.array(z.string()), connectedAt: isoDate }).nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
}));

/** The next page's cursor, null on the last page. */
export const nextCursor = z.string().nullable();
