import { expect } from "chai";
import { Timestamp } from "firebase-admin/firestore";
import type { HttpsError } from "firebase-functions/v2/https";
import { db } from "../../src/core/firebase";
import { checkUsage, releaseUsage, reserveUsage, type QuotaExceededDetails } from "../../src/core/quota";
import { addMonths, newUsage, rolledOver, usageRef } from "../../src/core/planUsage";
import { resetUserUsage } from "../../src/billing/reset";
import { resetFirestore } from "../support/emulators";

async function seedUsage(uid: string, plan: "free" | "pro" | "business", used: Partial<Record<"videos" | "ai_questions", number>>) {
  const usage = newUsage(plan, new Date());
  usage.counters = { videos: used.videos ?? 0, ai_questions: used.ai_questions ?? 0, replies: 0 };
  await db().doc(`users/${uid}`).set({ uid, plan });
  await usageRef(db(), uid).set(usage);
}

describe("quota reservations (Firestore emulator)", () => {
  before(() => resetFirestore());

  it("50 concurrent reservations against 10 remaining: exactly 10 succeed", async () => {
    await seedUsage("quota-race", "pro", { videos: 10 }); // pro: 20 videos, 10 left
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => reserveUsage(db(), "quota-race", "videos")));
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).to.have.length(10);
    expect(failed).to.have.length(40);
    for (const f of failed) {
      const err = f.reason as HttpsError;
      expect(err.code).to.equal("resource-exhausted");
      const details = err.details as QuotaExceededDetails;
      expect(details).to.deep.include({
        error: "quota_exceeded",
        usage_type: "videos",
        current: 20,
        limit: 20,
        remaining: 0,
        upgrade_required: true,
      });
      expect(details.message).to.match(/20 of 20 video analyses/);
    }
    const stored = (await usageRef(db(), "quota-race").get()).data()!;
    expect(stored.counters.videos).to.equal(20);
    // The counter moved by exactly the successful reservations: from 10 to 20.
    expect(stored.counters.videos - 10).to.equal(ok.length);
  });

  it("release gives the reservation back, never below zero", async () => {
    await seedUsage("quota-release", "free", {});
    const reservation = await reserveUsage(db(), "quota-release", "ai_questions");
    expect(reservation.used).to.equal(1);
    await releaseUsage(db(), reservation);
    await releaseUsage(db(), reservation); // a second release must not go negative
    const stored = (await usageRef(db(), "quota-release").get()).data()!;
    expect(stored.counters.ai_questions).to.equal(0);
  });

  it("release-once from a non-zero count: a second release of the same reservation refunds nothing", async () => {
    await seedUsage("quota-once", "pro", { videos: 5 });
    const reservation = await reserveUsage(db(), "quota-once", "videos");
    expect(reservation.used).to.equal(6);
    await releaseUsage(db(), reservation);
    await releaseUsage(db(), reservation);
    // 5 before, +1 reserved, -1 released: a double release would show 4.
    expect((await usageRef(db(), "quota-once").get()).data()!.counters.videos).to.equal(5);
  });

  it("a forced admin reset, then the late failure of a job reserved before it, refunds nothing", async () => {
    await seedUsage("quota-forced", "pro", { videos: 3 });
    const before = await reserveUsage(db(), "quota-forced", "videos");
    await resetUserUsage(db(), "quota-forced", new Date(), { force: true });
    // Two analyses charged in the new generation of the same period.
    await reserveUsage(db(), "quota-forced", "videos");
    await reserveUsage(db(), "quota-forced", "videos");
    await releaseUsage(db(), before);
    expect((await usageRef(db(), "quota-forced").get()).data()!.counters.videos).to.equal(2);
  });

  it("a release after the period rolled over leaves the new period alone", async () => {
    await seedUsage("quota-period", "free", {});
    const reservation = await reserveUsage(db(), "quota-period", "videos");
    // Simulate the monthly reset starting a new period with one new reservation.
    const next = newUsage("free", addMonths(new Date(), 1));
    next.counters.videos = 1;
    await usageRef(db(), "quota-period").set(next);
    await releaseUsage(db(), reservation);
    expect((await usageRef(db(), "quota-period").get()).data()!.counters.videos).to.equal(1);
  });

  it("unlimited plans reserve without a limit and report it as unlimited", async () => {
    await seedUsage("quota-biz", "business", { ai_questions: 5000 });
    const reservation = await reserveUsage(db(), "quota-biz", "ai_questions");
    expect(reservation.limit).to.equal(null);
    expect(reservation.used).to.equal(5001);
    const check = await checkUsage(db(), "quota-biz", "ai_questions");
    expect(check).to.deep.equal({ allowed: true, current: 5001, limit: null, remaining: null });
  });

  it("creates the usage document for a user who never called getMe", async () => {
    const reservation = await reserveUsage(db(), "quota-new", "videos");
    expect(reservation).to.include({ used: 1, limit: 1 });
    await reserveUsage(db(), "quota-new", "videos").then(
      () => expect.fail("second video on the free plan must be refused"),
      (err: HttpsError) => expect(err.code).to.equal("resource-exhausted"),
    );
  });
});

describe("usage periods", () => {
  it("adds calendar months, clamping to the month's last day", () => {
    expect(addMonths(new Date("2026-01-31T10:00:00Z"), 1).toISOString()).to.equal("2026-02-28T10:00:00.000Z");
    expect(addMonths(new Date("2026-11-15T00:00:00Z"), 2).toISOString()).to.equal("2027-01-15T00:00:00.000Z");
  });

  it("rolls an ended period into the one containing now, anchored to the start day", () => {
    const usage = newUsage("free", new Date("2026-01-31T00:00:00Z"));
    usage.counters = { videos: 1, ai_questions: 2, replies: 3 };
    const { usage: rolled, rolled: didRoll } = rolledOver(usage, "pro", new Date("2026-04-05T00:00:00Z"));
    expect(didRoll).to.equal(true);
    expect(rolled.period_start.toDate().toISOString()).to.equal("2026-03-31T00:00:00.000Z");
    expect(rolled.period_end.toDate().toISOString()).to.equal("2026-04-30T00:00:00.000Z");
    expect(rolled.counters).to.deep.equal({ videos: 0, ai_questions: 0, replies: 0 });
    expect(rolled.limits.videos).to.equal(20);
  });

  it("leaves a current period untouched", () => {
    const usage = newUsage("free", new Date("2026-11-01T00:00:00Z"));
    usage.period_end = Timestamp.fromDate(new Date("2026-12-01T00:00:00Z"));
    expect(rolledOver(usage, "free", new Date("2026-11-20T00:00:00Z")).rolled).to.equal(false);
  });
});
