// Billing callables: plan and subscription, quota checks, usage analytics, admin resets.
import { z } from "zod";
import { USAGE_TYPES } from "../domain/plans";
import { isoDate, nextCursor, planId, usageView } from "./shared";

export const getBillingInfoRequest = z.strictObject({});
export const getBillingInfoResponse = z.lazy(() => z.strictObject({
  plan: planId,
  usage: usageView,
  /** The subscription that grants the plan (else the latest); null when the user never subscribed. */
  subscription: z.looseObject({ status: z.string() }).nullable(),
  /** Every subscription of the user, most recently updated first (a user may hold more than one). */
  subscriptions: z.array(z.looseObject({ status: z.string() })),
  plans: z.array(z.looseObject({ id: planId, name: z.string() })),
}));

export const getCheckoutCustomerRequest = z.strictObject({});
export const getCheckoutCustomerResponse = z.lazy(() => z.strictObject({
  /** What Paddle.js needs to open a checkout for the caller's own customer. */
  customer: z.strictObject({ id: z.string().regex(/^ctm_/), email: z.string() }),
  /** True when this call created the Paddle customer. */
  created: z.boolean(),
}));

export const checkQuotaRequest = z.strictObject({
  type: z.enum(USAGE_TYPES, { error: `must be one of ${USAGE_TYPES.join(", ")}` }),
  amount: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").optional(),
});
export const checkQuotaResponse = z.lazy(() => z.strictObject({
  allowed: z.boolean(),
  current: z.number().int().min(0),
  limit: z.number().int().min(0).nullable(),
  remaining: z.number().int().min(0).nullable(),
}));

export const getUsageAnalyticsRequest = z.strictObject({
  includeTrends: z.boolean().optional(),
  days: z.number().int("must be a whole number").min(1, "must be at least 1").max(90, "must be at most 90").optional(),
});
export const getUsageAnalyticsResponse = z.lazy(() => z.looseObject({
  plan: planId,
  period: z.looseObject({ start: z.string(), end: z.string() }),
  /** Daily counters when includeTrends; null otherwise. */
  trends: z.unknown(),
}));

const uid = z
  .string()
  .min(1, "must not be empty")
  .max(128, "must be at most 128 characters")
  .regex(/^[^/\s]+$/, "must be a user id");

export const adminResetUsageRequest = z
  .strictObject({ userId: uid.optional(), force: z.boolean().optional(), all: z.literal(true, { error: "must be true" }).optional() })
  .refine((i) => (i.userId === undefined) !== (i.all === undefined), { message: "give either userId or all: true", path: ["userId"] })
  .refine((i) => !(i.all && i.force !== undefined), { message: "force applies to a single user only", path: ["force"] });
export const adminResetUsageResponse = z.lazy(() => z.union([
  z.strictObject({ reset: z.number(), notDue: z.number(), failed: z.number(), accessEnded: z.number(), pages: z.number(), complete: z.boolean() }),
  z.strictObject({ status: z.enum(["reset", "not_due", "no_usage"]), accessEnded: z.boolean(), usage: usageView.nullable() }),
]));

export const listUsersDueResetRequest = z.strictObject({
  limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500").optional(),
  cursor: z.string().max(1024, "must be at most 1024 characters").regex(/^[A-Za-z0-9_-]+$/, "must be a cursor from a previous page").optional(),
});
export const listUsersDueResetResponse = z.lazy(() => z.strictObject({
  users: z.array(
    z.strictObject({
      uid: z.string(),
      plan: planId,
      periodEnd: isoDate,
      counters: z.strictObject({ videos: z.number().int().min(0), ai_questions: z.number().int().min(0) }),
    }),
  ),
  nextCursor,
}));
