// Billing's deployed functions, thin: read params, validate, call a service.
import { logger } from "firebase-functions/logger";
import { onCall, onRequest } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { onTaskDispatched } from "firebase-functions/v2/tasks";
import { authed, contractOf, type CallContext } from "../core/callable";
import { invalidArgument, permissionDenied } from "../core/errors";
import { app, auth, db } from "../core/firebase";
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
import { lazy } from "../core/lazy";
import { priceIdsByPlan, priceMap, type PriceConfig } from "./prices";

const contract = contractOf(() => import("../contracts/billing"));
const info = lazy(() => import("./info"));
const reset = lazy(() => import("./reset"));

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

const directory = async () => (await import("./paddle")).paddleCustomerDirectory(PADDLE_API_KEY.value(), PADDLE_ENVIRONMENT.value());

// The webhook needs no API key: API look-ups happen in the customer task.
export const paddleWebhook = onRequest({ secrets: [PADDLE_WEBHOOK_SECRET], timeoutSeconds: 60 }, async (req, res) => {
  const [{ parseSecrets }, { handlePaddleWebhook }] = await Promise.all([import("./signature"), import("./webhook")]);
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

export const paddleCustomerTask = onTaskDispatched(
  {
    secrets: [PADDLE_API_KEY],
    retryConfig: { maxAttempts: 10, minBackoffSeconds: 10, maxBackoffSeconds: 600 },
    rateLimits: { maxConcurrentDispatches: 6 },
    timeoutSeconds: 300,
  },
  async (req) => {
    const { customerTaskInput, runCustomerTask } = await import("./customerTask");
    const parsed = customerTaskInput.safeParse(req.data);
    // A malformed task can never succeed: log it and let it go (a throw would be retried).
    if (!parsed.success) return void logger.error("paddleCustomerTask: malformed task", { issues: parsed.error.issues.length });
    await runCustomerTask(
      { db: db(), auth: auth(), prices: priceMap(priceConfig()), directory: await directory(), now: () => new Date() },
      parsed.data.customerId,
    );
  },
);

export const getCheckoutCustomer = onCall(
  { secrets: [PADDLE_API_KEY] },
  authed(contract("getCheckoutCustomerRequest"), async (_input, ctx) =>
    (await import("./checkout")).getCheckoutCustomer(
      { db: db(), directory: await directory(), enqueueCustomerTask },
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
  authed(contract("getBillingInfoRequest"), async (_input, ctx) => (await info()).getBillingInfo(db(), ctx.uid, priceIdsByPlan(priceConfig()))),
);

export const checkQuota = onCall(
  authed(
    contract("checkQuotaRequest"),
    async (input, ctx) => (await import("../core/quota")).checkUsage(db(), ctx.uid, input.type, input.amount ?? 1),
  ),
);

export const getUsageAnalytics = onCall(
  authed(
    contract("getUsageAnalyticsRequest"),
    async (input, ctx) =>
      (await info()).getUsageAnalytics(db(), ctx.uid, { includeTrends: input.includeTrends ?? false, days: input.days ?? 30, timeZone: RESET_TIME_ZONE.value() }),
  ),
);

function requireAdmin(ctx: CallContext): void {
  if (ctx.token.admin !== true) throw permissionDenied("This operation needs an admin account.");
}

export const adminResetUsage = onCall(
  { timeoutSeconds: JOB_TIMEOUT_SECONDS },
  authed(contract("adminResetUsageRequest"), async (input, ctx) => {
    requireAdmin(ctx);
    const { resetDueUsage, resetUserUsage } = await reset();
    const now = new Date();
    if (input.all) {
      const report = await resetDueUsage(db(), now, { deadlineMs: jobDeadline() });
      logger.info("admin usage reset (all due)", { by: ctx.uid, ...report });
      return report;
    }
    const result = await resetUserUsage(db(), input.userId!, now, { force: input.force ?? false });
    logger.info("admin usage reset (one user)", { by: ctx.uid, uid: input.userId, force: input.force ?? false, status: result.status });
    const { usageView } = await import("../core/planUsage");
    return { status: result.status, accessEnded: result.accessEnded, usage: result.usage ? usageView(result.usage) : null };
  }),
);

export const listUsersDueReset = onCall(
  authed(
    contract("listUsersDueResetRequest"),
    async (input, ctx) => {
      requireAdmin(ctx);
      const { decodeCursor, listUsersDueReset: listDue } = await reset();
      const cursor = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
      if (cursor === null) throw invalidArgument("cursor", "must be a cursor from a previous page");
      return listDue(db(), new Date(), { limit: input.limit ?? 100, cursor });
    },
  ),
);

export const monthlyUsageReset = onSchedule(
  { schedule: "0 0 1 * *", timeZone: RESET_TIME_ZONE, timeoutSeconds: JOB_TIMEOUT_SECONDS, memory: "512MiB", retryCount: 3 },
  async () => {
    const report = await (await reset()).resetDueUsage(db(), new Date(), { deadlineMs: jobDeadline() });
    logger.info("monthly usage reset", { ...report });
    // Out of time with users left: failing makes Cloud Scheduler retry, and the retry resumes where this stopped.
    if (!report.complete) throw new Error("usage reset ran out of time; the retry continues it");
  },
);

export const dailyUsageSnapshot = onSchedule(
  { schedule: "55 23 * * *", timeZone: RESET_TIME_ZONE, timeoutSeconds: JOB_TIMEOUT_SECONDS, memory: "512MiB", retryCount: 1 },
  async () => {
    const { snapshotDailyUsage } = await import("./snapshot");
    const report = await snapshotDailyUsage(db(), new Date(), { timeZone: RESET_TIME_ZONE.value() });
    logger.info("daily usage snapshot", report);
  },
);
