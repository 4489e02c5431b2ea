// The usage reset, snapshots and billing callables in-process against the
// Firestore emulator.
import { expect } from "chai";
import { Timestamp } from "firebase-admin/firestore";
import { adminResetUsage, checkQuota, getBillingInfo, getUsageAnalytics, listUsersDueReset } from "../../src/billing/functions";
import { dueQuery, resetDueUsage } from "../../src/billing/reset";
import { aiUsageRef } from "../../src/replies/service";
import { dayKey, snapshotDailyUsage } from "../../src/billing/snapshot";
import { db } from "../../src/core/firebase";
import { PLANS } from "../../src/domain/plans";
import { reserveUsage } from "../../src/core/quota";
import { addMonths, newUsage, usageRef, type UsageDoc } from "../../src/core/planUsage";
import { ensureUser } from "../../src/core/profiles";
import { resetFirestore } from "../support/emulators";
import { call, callError } from "../support/functions";
import { seedDueUsers } from "../../../tools/bench/reset";

const DAY = 86_400_000;
const admin = { uid: "ops", token: { admin: true } };

async function usage(uid: string): Promise<UsageDoc> {
  return (await usageRef(db(), uid).get()).data() as UsageDoc;
}

describe("billing: usage reset (in-process, emulator)", function () {
  this.timeout(60_000);

  before(() => resetFirestore());

  it("resets 5,000 due users in pages, limits from each profile's plan; a second run resets 0", async function () {
    this.timeout(240_000);
    const now = new Date();
    const uids = await seedDueUsers(db(), 5000, { now, prefix: "r5k" });
    const first = await resetDueUsage(db(), now);
    expect(first).to.deep.include({ reset: 5000, failed: 0, complete: true });
    expect(first.pages).to.be.greaterThan(1);
    const second = await resetDueUsage(db(), now);
    expect(second).to.deep.include({ reset: 0, failed: 0, complete: true, pages: 0 });

    // uid i has plan PLAN_IDS[i % 4]: r5k-000002 is pro, r5k-000003 business.
    const pro = await usage(uids[2]);
    expect(pro.counters).to.deep.equal({ videos: 0, ai_questions: 0, replies: 0 });
    expect(pro.limits).to.deep.equal(PLANS.pro.limits);
    expect(pro.plan).to.equal("pro");
    expect((await usage(uids[3])).limits.ai_questions).to.equal(null);
    // The next period continues from the old one (core/planUsage rolledOver).
    const seededStart = new Date(now.getTime() - (1 + (2 % 10)) * DAY - 30 * DAY);
    expect(pro.period_start.toMillis()).to.equal(addMonths(seededStart, 1).getTime());
    expect(pro.period_end.toMillis()).to.equal(addMonths(seededStart, 2).getTime());
    expect(pro.period_end.toMillis()).to.be.greaterThan(now.getTime());
    expect(pro.last_reset_at?.toMillis()).to.equal(now.getTime());
  });

  it("never loses a quota reservation racing the reset", async () => {
    const now = new Date();
    const uids = await seedDueUsers(db(), 40, { now, prefix: "race" });
    const [report] = await Promise.all([resetDueUsage(db(), now, { pageSize: 5 }), ...uids.map((uid) => reserveUsage(db(), uid, "videos", 1, now))]);
    expect(report.failed).to.equal(0);
    const counters = await Promise.all(uids.map(async (uid) => (await usage(uid)).counters.videos));
    // Every user: the old counter (1) gone, exactly the one new reservation counted.
    expect(counters).to.deep.equal(Array(40).fill(1));
    expect((await resetDueUsage(db(), now)).reset).to.equal(0);
  });

  it("a run out of time stops between pages and the next run finishes the job", async () => {
    const now = new Date();
    await seedDueUsers(db(), 12, { now, prefix: "budget" });
    const cut = await resetDueUsage(db(), now, { deadlineMs: Date.now() - 1 });
    expect(cut).to.deep.include({ reset: 0, complete: false });
    const rest = await resetDueUsage(db(), now, { pageSize: 5 });
    expect(rest).to.deep.include({ reset: 12, complete: true, pages: 3 });
  });

  describe("admin callables", () => {
    it("need the admin claim", async () => {
      const mallory = { uid: "mallory", token: { admin: "true" } }; // a string is not the claim
      for (const attempt of [
        call(adminResetUsage, { all: true }, mallory),
        call(adminResetUsage, { userId: "x" }, mallory),
        call(listUsersDueReset, {}, mallory),
        call(listUsersDueReset, {}, { uid: "plain-user" }),
      ]) {
        expect((await callError(attempt)).code).to.equal("permission-denied");
      }
      const both = await callError(call(adminResetUsage, { userId: "x", all: true }, admin));
      expect(both.message).to.match(/^userId: give either userId or all: true/);
      const forceAll = await callError(call(adminResetUsage, { all: true, force: true }, admin));
      expect(forceAll.message).to.match(/^force: /);
      const badCursor = await callError(call(listUsersDueReset, { cursor: "bm90LWEtY3Vyc29y" }, admin));
      expect(badCursor.message).to.match(/^cursor: /);
    });

    it("list users due a reset page by page, then reset them all", async () => {
      await seedDueUsers(db(), 7, { now: new Date(), prefix: "due" });
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 5; page += 1) {
        const res = await call(listUsersDueReset, cursor ? { limit: 3, cursor } : { limit: 3 }, admin);
        seen.push(...res.users.map((u) => u.uid));
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      expect(seen.sort()).to.deep.equal(Array.from({ length: 7 }, (_, i) => `due-00000${i}`));
      const report = await call(adminResetUsage, { all: true }, admin);
      expect(report).to.include({ reset: 7, complete: true });
      expect((await call(listUsersDueReset, {}, admin)).users).to.deep.equal([]);
    });

    it("reset one user: not due without force; force zeroes counters and keeps the period", async () => {
      await ensureUser(db(), "support-case", { email: null });
      await usageRef(db(), "support-case").update({ counters: { videos: 1, ai_questions: 2 } });
      const before = await usage("support-case");
      expect(await call(adminResetUsage, { userId: "support-case" }, admin)).to.include({ status: "not_due" });
      const forced = await call(adminResetUsage, { userId: "support-case", force: true }, admin);
      if (!("status" in forced)) throw new Error("expected a one-user answer");
      expect(forced.status).to.equal("reset");
      expect(forced.usage?.videos.used).to.equal(0);
      const after = await usage("support-case");
      expect(after.counters).to.deep.equal({ videos: 0, ai_questions: 0, replies: 0 });
      expect(after.period_end.isEqual(before.period_end)).to.equal(true);
      expect(await call(adminResetUsage, { userId: "nobody-here" }, admin)).to.include({ status: "no_usage" });
    });
  });

  describe("snapshots, analytics and quota callables", () => {
    // The snapshot job visits every usage document: start from an empty project.
    before(() => resetFirestore());

    it("dailyUsageSnapshot writes one doc per user and day; getUsageAnalytics reads them as trends", async () => {
      const uid = "analyst";
      const start = new Date(Date.now() - 3 * DAY);
      await ensureUser(db(), uid, { email: null }, start);
      await db().doc(`users/${uid}`).update({ plan: "starter" });
      const counts = [1, 3, 4];
      for (const [i, videos] of counts.entries()) {
        await usageRef(db(), uid).update({ counters: { videos, ai_questions: i }, plan: "starter", limits: PLANS.starter.limits });
        const report = await snapshotDailyUsage(db(), new Date(start.getTime() + (i + 1) * DAY - 60_000), { timeZone: "UTC" });
        expect(report.failed).to.equal(0);
      }
      const history = await db().collection(`users/${uid}/usage_history`).get();
      expect(history.docs.map((d) => d.id)).to.deep.equal(counts.map((_, i) => dayKey(new Date(start.getTime() + (i + 1) * DAY - 60_000))));
      expect(history.docs[2].data()).to.deep.include({ plan: "starter", counters: { videos: 4, ai_questions: 2 } });

      const analytics = await call(getUsageAnalytics, { includeTrends: true, days: 7 }, { uid });
      expect(analytics.plan).to.equal("starter");
      expect(analytics.metrics.videos).to.include({ used: 4, limit: 10, percentUsed: 40 });
      expect(analytics.trends?.points.map((p) => p.videosDelta)).to.deep.equal([1, 2, 1]);
      const plain = await call(getUsageAnalytics, {}, { uid });
      expect(plain.trends).to.equal(null);
      const tooMany = await callError(call(getUsageAnalytics, { days: 365 }, { uid }));
      expect(tooMany.message).to.match(/^days: must be at most 90/);
    });

    it("getBillingInfo: usage, subscription (none yet) and the plan table with configured prices", async () => {
      const info = await call(getBillingInfo, {}, { uid: "analyst" });
      expect(info.plan).to.equal("starter");
      expect(info.subscription).to.equal(null);
      expect(info.plans.map((p) => p.id)).to.deep.equal(["free", "starter", "pro", "business"]);
      expect(info.plans.find((p) => p.current)?.id).to.equal("starter");
      const business = info.plans[3];
      expect(business.limits.aiQuestions).to.deep.equal({ limit: null, unlimited: true });
      expect(business.priceUsdMonthly).to.equal(79);
      // Prices come from the PADDLE_PRICE_* params (the stack sets them).
      expect(info.plans[2].paddlePriceIds).to.deep.equal((process.env.PADDLE_PRICE_PRO ?? "").split(",").filter(Boolean));
    });

    it("checkQuota answers from the usage without reserving", async () => {
      expect(await call(checkQuota, { type: "videos" }, { uid: "analyst" })).to.deep.equal({ allowed: true, current: 4, limit: 10, remaining: 6 });
      expect(await call(checkQuota, { type: "videos", amount: 7 }, { uid: "analyst" })).to.include({ allowed: false });
      expect((await usage("analyst")).counters.videos).to.equal(4);
      const bad = await callError(call(checkQuota, { type: "comments" }, { uid: "analyst" }));
      expect(bad.message).to.match(/^type: must be one of videos, ai_questions, replies/);
    });

    it("a period that ended with nobody touching it reads as the new one in the snapshot", async () => {
      const now = new Date();
      await seedDueUsers(db(), 1, { now, prefix: "idle" });
      await snapshotDailyUsage(db(), now);
      const snap = await db().doc(`users/idle-000000/usage_history/${dayKey(now)}`).get();
      expect(snap.get("counters")).to.deep.equal({ videos: 0, ai_questions: 0, replies: 0 });
      expect((snap.get("period_end") as Timestamp).toMillis()).to.be.greaterThan(now.getTime());
    });
  });

  describe("bookkeeping that must not drift", () => {
    it("ai_usage is rolled with usage: after a reset nothing of the user is still due", async () => {
      const now = new Date();
      const start = addMonths(now, -2);
      const stale = { ...newUsage("free", start), counters: { videos: 1, ai_questions: 1, replies: 3 } };
      await db().doc("users/meter-user").set({ uid: "meter-user", plan: "free" });
      await usageRef(db(), "meter-user").set(stale);
      await aiUsageRef(db(), "meter-user").set({
        period_start: stale.period_start,
        period_end: stale.period_end,
        counters: { replies: 3, reply_drafts: 9 },
        tokens: { input: 100, output: 50 },
        updated_at: stale.updated_at,
      });
      await resetDueUsage(db(), now);
      const due = await dueQuery(db(), now).get();
      expect(due.docs.map((d) => d.ref.path)).to.deep.equal([]);
      const meter = (await aiUsageRef(db(), "meter-user").get()).data()!;
      expect(meter.counters).to.deep.equal({ replies: 0, reply_drafts: 0 });
      expect(meter.period_start.toMillis()).to.equal((await usage("meter-user")).period_start.toMillis());
    });

    it("a scheduled cancellation is read by the reset once, not every month", async () => {
      const now = new Date();
      const ended = Timestamp.fromDate(new Date(now.getTime() - DAY));
      await ensureUser(db(), "once-user", {}, now);
      await db().doc("users/once-user").update({ plan: "pro" });
      await db().doc("users/once-user/subscriptions/sub_once").set({
        plan: "pro",
        entitled_plan: "pro",
        status: "active",
        paddle_subscription_id: "sub_once",
        access_ends_at: ended,
        access_end_due: ended,
        updated_at: ended,
      });
      const first = await resetDueUsage(db(), now);
      expect(first.accessEnded).to.be.at.least(1);
      expect((await db().doc("users/once-user").get()).get("plan")).to.equal("free");
      const stillDue = await db().collectionGroup("subscriptions").where("access_end_due", "<=", Timestamp.fromDate(now)).get();
      expect(stillDue.size).to.equal(0);
      const sub = (await db().doc("users/once-user/subscriptions/sub_once").get()).data()!;
      expect(sub).to.include({ entitled_plan: "free", access_end_due: null });
    });
  });
});
