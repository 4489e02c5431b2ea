// Billing's deployed functions, thin: read params, validate, call a service.
import { logger } from "firebase-functions/logger";
import { onCall, onRequest } from "firebase-functions/v2/https";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { callables as contracts } from "../contracts";
import { authed, type CallContext } from "../core/callable";
import { invalidArgument, permissionDenied } from "../core/errors";
import { auth, db } from "../core/firebase";
import { checkUsage } from "../core/quota";
import { usageView } from "../core/usage";
import type { WebhookContext } from "./webhook";
import {
  PADDLE_API_KEY,
  PADDLE_ENVIRONMENT,
  PADDLE_PRICE_BUSINESS,
  PADDLE_PRICE_PRO,
  PADDLE_PRICE_STARTER,
  PADDLE_WEBHOOK_SECRET,
  RESET_TIME_ZONE,
} from "./config";
import { lazy } from "../core/lazy";
import { priceIdsByPlan, priceMap, type PriceConfig } from "./prices";

const info = lazy(() => import("./info"));
const reset = lazy(() => import("./reset"));

function priceConfig(): PriceConfig {
  return { starter: PADDLE_PRICE_STARTER.value(), pro: PADDLE_PRICE_PRO.value(), business: PADDLE_PRICE_BUSINESS.value() };
}

// Leaves a margin under the function timeout for the last page and the log line.
const JOB_TIMEOUT_SECONDS = 540;
const jobDeadline = () => Date.now() + (JOB_TIMEOUT_SECONDS - 60) * 1000;

export const paddleWebhook = onRequest({ secrets: [PADDLE_WEBHOOK_SECRET, PADDLE_API_KEY], timeoutSeconds: 60 }, async (req, res) => {
  const [{ paddleCustomerDirectory }, { parseSecrets }, { handlePaddleWebhook }] = await Promise.all([
    import("./paddle"),
    import("./signature"),
    import("./webhook"),
  ]);
  const ctx: WebhookContext = {
    db: db(),
    auth: auth(),
    prices: priceMap(priceConfig()),
    directory: paddleCustomerDirectory(PADDLE_API_KEY.value(), PADDLE_ENVIRONMENT.value()),
    secrets: parseSecrets(PADDLE_WEBHOOK_SECRET.value()),
    now: () => new Date(),
  };
  const out = await handlePaddleWebhook({ method: req.method, rawBody: req.rawBody, signature: req.get("paddle-signature") }, ctx);
  res.status(out.status).set(out.headers ?? {}).json(out.body);
});

export const getBillingInfo = onCall(
  authed(contracts.getBillingInfo.request, async (_input, ctx) => (await info()).getBillingInfo(db(), ctx.uid, priceIdsByPlan(priceConfig()))),
);

export const checkQuota = onCall(
  authed(
    contracts.checkQuota.request,
    (input, ctx) => checkUsage(db(), ctx.uid, input.type, input.amount ?? 1),
  ),
);

export const getUsageAnalytics = onCall(
  authed(
    contracts.getUsageAnalytics.request,
    async (input, ctx) =>
      (await info()).getUsageAnalytics(db(), ctx.uid, { includeTrends: input.includeTrends ?? false, days: input.days ?? 30, timeZone: RESET_TIME_ZONE.value() }),
  ),
);

function requireAdmin(ctx: CallContext): void {
  if (ctx.token.admin !== true) throw permissionDenied("This operation needs an admin account.");
}

export const adminResetUsage = onCall(
  { timeoutSeconds: JOB_TIMEOUT_SECONDS },
  authed(contracts.adminResetUsage.request, async (input, ctx) => {
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
    return { status: result.status, accessEnded: result.accessEnded, usage: result.usage ? usageView(result.usage) : null };
  }),
);

export const listUsersDueReset = onCall(
  authed(
    contracts.listUsersDueReset.request,
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
