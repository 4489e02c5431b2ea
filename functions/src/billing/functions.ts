// Billing's deployed functions, thin: read params, validate, call a service.
import { logger } from "firebase-functions";
import { onCall, onRequest } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { z } from "zod";
import { authed, type CallContext } from "../core/callable";
import { invalidArgument, permissionDenied } from "../core/errors";
import { app, auth, db } from "../core/firebase";
import { USAGE_TYPES } from "../core/plans";
import { checkUsage } from "../core/quota";
import { usageView } from "../core/usage";
import type { WebhookContext } from "./webhook";
import {
  PADDLE_API_KEY,
  PADDLE_ENVIRONMENT,
  PADDLE_PRICE_BUSINESS,
  PADDLE_PRICE_PRO,
  PADDLE_PRICE_STARTER,
  PADDLE_SIGNATURE_TOLERANCE_SECONDS,
  PADDLE_WEBHOOK_SECRET,
  RESET_TIME_ZONE,
} from "./config";
import { getCheckoutCustomer as checkoutCustomer } from "./checkout";
import { runCustomerTask } from "./customerTask";
import { getBillingInfo as billingInfo, getUsageAnalytics as usageAnalytics } from "./info";
import { paddleCustomerDirectory } from "./paddle";
import { priceIdsByPlan, priceMap, type PriceConfig } from "./prices";
import { decodeCursor, listUsersDueReset as listDue, resetDueUsage, resetUserUsage } from "./reset";
import { parseSecrets } from "./signature";
import { snapshotDailyUsage } from "./snapshot";
import { handlePaddleWebhook } from "./webhook";

function priceConfig(): PriceConfig {
  return { starter: PADDLE_PRICE_STARTER.value(), pro: PADDLE_PRICE_PRO.value(), business: PADDLE_PRICE_BUSINESS.value() };
}

// Leaves a margin under the function timeout for the last page and the log line.
const JOB_TIMEOUT_SECONDS = 540;
const jobDeadline = () => Date.now() + (JOB_TIMEOUT_SECONDS - 60) * 1000;

const CUSTOMER_TASK = "paddleCustomerTask";

/** Queues the customer task (see customerTask.ts); the Admin SDK reaches the Cloud Tasks emulator locally. */
async function enqueueCustomerTask(customerId: string): Promise<void> {
  const { getFunctions } = await import("firebase-admin/functions");
  await getFunctions(app()).taskQueue(CUSTOMER_TASK).enqueue({ customerId });
}

const directory = () => paddleCustomerDirectory(PADDLE_API_KEY.value(), PADDLE_ENVIRONMENT.value());

// The webhook needs no API key: API look-ups happen in the customer task.
export const paddleWebhook = onRequest({ secrets: [PADDLE_WEBHOOK_SECRET], timeoutSeconds: 60 }, async (req, res) => {
  const ctx: WebhookContext = {
    db: db(),
    auth: auth(),
    prices: priceMap(priceConfig()),
    directory: null,
    secrets: parseSecrets(PADDLE_WEBHOOK_SECRET.value()),
    toleranceSeconds: PADDLE_SIGNATURE_TOLERANCE_SECONDS.value(),
    now: () => new Date(),
    enqueueCustomerTask,
  };
  const out = await handlePaddleWebhook({ method: req.method, rawBody: req.rawBody, signature: req.get("paddle-signature") }, ctx);
  res.status(out.status).set(out.headers ?? {}).json(out.body);
});

const customerTaskInput = z.strictObject({ customerId: z.string().regex(/^ctm_[A-Za-z0-9_]{1,64}$/) });

export const paddleCustomerTask = onTaskDispatched(
  {
    secrets: [PADDLE_API_KEY],
    retryConfig: { maxAttempts: 10, minBackoffSeconds: 10, maxBackoffSeconds: 600 },
    rateLimits: { maxConcurrentDispatches: 6 },
    timeoutSeconds: 300,
  },
  async (req) => {
    const parsed = customerTaskInput.safeParse(req.data);
    // A malformed task can never succeed: log it and let it go (a throw would be retried).
    if (!parsed.success) return void logger.error("paddleCustomerTask: malformed task", { issues: parsed.error.issues.length });
    await runCustomerTask(
      { db: db(), auth: auth(), prices: priceMap(priceConfig()), directory: directory(), now: () => new Date() },
      parsed.data.customerId,
    );
  },
);

export const getCheckoutCustomer = onCall(
  { secrets: [PADDLE_API_KEY] },
  authed(z.strictObject({}), (_input, ctx) =>
    checkoutCustomer(
      { db: db(), directory: directory(), enqueueCustomerTask },
      {
        uid: ctx.uid,
        email: typeof ctx.token.email === "string" ? ctx.token.email : null,
        emailVerified: ctx.token.email_verified === true,
        name: typeof ctx.token.name === "string" ? ctx.token.name : null,
      },
    ),
  ),
);

export const getBillingInfo = onCall(
  authed(z.strictObject({}), (_input, ctx) => billingInfo(db(), ctx.uid, priceIdsByPlan(priceConfig()))),
);

export const checkQuota = onCall(
  authed(
    z.strictObject({
      type: z.enum(USAGE_TYPES, { error: `must be one of ${USAGE_TYPES.join(", ")}` }),
      amount: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").optional(),
    }),
    (input, ctx) => checkUsage(db(), ctx.uid, input.type, input.amount ?? 1),
  ),
);

export const getUsageAnalytics = onCall(
  authed(
    z.strictObject({
      includeTrends: z.boolean().optional(),
      days: z.number().int("must be a whole number").min(1, "must be at least 1").max(90, "must be at most 90").optional(),
    }),
    (input, ctx) =>
      usageAnalytics(db(), ctx.uid, { includeTrends: input.includeTrends ?? false, days: input.days ?? 30, timeZone: RESET_TIME_ZONE.value() }),
  ),
);

function requireAdmin(ctx: CallContext): void {
  if (ctx.token.admin !== true) throw permissionDenied("This operation needs an admin account.");
}

const uid = z
  .string()
  .min(1, "must not be empty")
  .max(128, "must be at most 128 characters")
  .regex(/^[^/\s]+$/, "must be a user id");

const adminResetInput = z
  .strictObject({ userId: uid.optional(), force: z.boolean().optional(), all: z.literal(true, { error: "must be true" }).optional() })
  .refine((i) => (i.userId === undefined) !== (i.all === undefined), { message: "give either userId or all: true", path: ["userId"] })
  .refine((i) => !(i.all && i.force !== undefined), { message: "force applies to a single user only", path: ["force"] });

export const adminResetUsage = onCall(
  { timeoutSeconds: JOB_TIMEOUT_SECONDS },
  authed(adminResetInput, async (input, ctx) => {
    requireAdmin(ctx);
    const now = new Date();
    if (input.all) {
      const report = await resetDueUsage(db(), now, { deadlineMs: jobDeadline() });
      logger.info("admin usage reset (all due)", { by: ctx.uid, ...report });
      return report;
    }
    const result = await resetUserUsage(db(), input.userId!, now, { force: input.force ?? false });
    logger.info("admin usage reset (one user)", { by: ctx.uid, uid: input.userId, force: input.force ?? false, status: result.status });
    return { status: result.status, accessEnded: result.accessEnded, usage: result.usage ? usageView(result.usage) : null };
  }),
);

export const listUsersDueReset = onCall(
  authed(
    z.strictObject({
      limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(500, "must be at most 500").optional(),
      cursor: z.string().max(1024, "must be at most 1024 characters").regex(/^[A-Za-z0-9_-]+$/, "must be a cursor from a previous page").optional(),
    }),
    async (input, ctx) => {
      requireAdmin(ctx);
      const cursor = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
      if (cursor === null) throw invalidArgument("cursor", "must be a cursor from a previous page");
      return listDue(db(), new Date(), { limit: input.limit ?? 100, cursor });
    },
  ),
);

export const monthlyUsageReset = onSchedule(
  { schedule: "0 0 1 * *", timeZone: RESET_TIME_ZONE, timeoutSeconds: JOB_TIMEOUT_SECONDS, memory: "512MiB", retryCount: 3 },
  async () => {
    const report = await resetDueUsage(db(), new Date(), { deadlineMs: jobDeadline() });
    logger.info("monthly usage reset", { ...report });
    // Out of time with users left: failing makes Cloud Scheduler retry, and the retry resumes where this stopped.
    if (!report.complete) throw new Error("usage reset ran out of time; the retry continues it");
  },
);

export const dailyUsageSnapshot = onSchedule(
  { schedule: "55 23 * * *", timeZone: RESET_TIME_ZONE, timeoutSeconds: JOB_TIMEOUT_SECONDS, memory: "512MiB", retryCount: 1 },
  async () => {
    const report = await snapshotDailyUsage(db(), new Date(), { timeZone: RESET_TIME_ZONE.value() });
    logger.info("daily usage snapshot", report);
  },
);
