// The project's YouTube budget on the Firestore emulator and the YouTube
// stand-in: the Pacific-day ledger, the per-user daily allowance by plan, the
// per-minute look-up limit, the negative cache, and the analysis reserve.
import { expect } from "chai";
import { HttpsError } from "firebase-functions/v2/https";
import { pacificDay } from "../../src/core/budgets/pacificDay";
import { youtubeBudget, type YoutubeBudgetConfig } from "../../src/core/budgets/youtubeBudget";
import { db } from "../../src/core/firebase";
import { PLANS } from "../../src/domain/plans";
import { youtubeCommentSource } from "../../src/analysis/youtubeSource";
import { getVideo } from "../../src/youtube/functions";
import { findVideoCached } from "../../src/youtube/ingest";
import { startLookup } from "../../src/youtube/lookups";
import { resetFirestore } from "../support/emulators";
import { call } from "../support/functions";
import { FIXTURE_IDS, resetStandIn, standInStats, testService } from "../support/youtube";

/** Settles every promise; the rejections as HttpsErrors (anything else fails the test). */
async function outcomes<T>(promises: Array<Promise<T>>): Promise<{ ok: T[]; errors: HttpsError[] }> {
  const settled = await Promise.allSettled(promises);
  const ok: T[] = [];
  const errors: HttpsError[] = [];
  for (const s of settled) {
    if (s.status === "fulfilled") ok.push(s.value);
    else if (s.reason instanceof HttpsError) errors.push(s.reason);
    else throw s.reason;
  }
  return { ok, errors };
}

/** `count` distinct 11-character ids the stand-in does not know. */
const missingIds = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(11 - prefix.length, "0")}`);

async function inChunks<T, R>(items: T[], size: number, fn: (item: T) => Promise<R>): Promise<Array<PromiseSettledResult<R>>> {
  const out: Array<PromiseSettledResult<R>> = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.allSettled(items.slice(i, i + size).map(fn))));
  return out;
}

const errorsOf = (results: Array<PromiseSettledResult<unknown>>): HttpsError[] =>
  results.flatMap((r) => {
    if (r.status === "fulfilled") return [];
    if (r.reason instanceof HttpsError) return [r.reason];
    throw r.reason;
  });

describe("YouTube budget", function () {
  this.timeout(180_000);

  beforeEach(async () => {
    await resetFirestore();
    await resetStandIn();
  });

  describe("pacificDay", () => {
    it("is the America/Los_Angeles date and resets at its midnight (PST and PDT)", () => {
      expect(pacificDay(new Date("2026-12-01T07:59:00Z"))).to.deep.equal({ day: "2026-11-30", resetsAt: new Date("2026-12-01T08:00:00Z") });
      expect(pacificDay(new Date("2026-12-01T08:00:00Z")).day).to.equal("2026-12-01");
      expect(pacificDay(new Date("2026-07-01T06:59:00Z"))).to.deep.equal({ day: "2026-06-30", resetsAt: new Date("2026-07-01T07:00:00Z") });
      // The day DST starts (23 hours long) and ends (25 hours long).
      expect(pacificDay(new Date("2026-03-08T12:00:00Z")).resetsAt).to.deep.equal(new Date("2026-03-09T07:00:00Z"));
      expect(pacificDay(new Date("2026-11-01T12:00:00Z")).resetsAt).to.deep.equal(new Date("2026-11-02T08:00:00Z"));
    });
  });

  it("a free user's 1,000 getVideo calls on missing ids spend at most the daily allowance; the rest are resource-exhausted", async () => {
    const user = { uid: "yt-budget-loop" };
    const allowance = PLANS.free.budgets.youtube_units_per_day;
    const results = await inChunks(missingIds("zz", 1_000), 25, (id) => call(getVideo, { videoUrlOrId: id }, user));
    const errors = errorsOf(results);
    expect(errors).to.have.length(1_000);
    const codes = new Set(errors.map((e) => e.code));
    expect([...codes].sort()).to.deep.equal(["not-found", "resource-exhausted"]);
    const spent = (await standInStats()).units;
    expect(spent).to.be.greaterThan(0).and.at.most(allowance);
    expect(errors.filter((e) => e.code === "not-found")).to.have.length(spent);
    // Every unit spent is on both ledgers.
    const { projectUnits, userUnits } = await youtubeBudget.usage(db(), user.uid);
    expect(projectUnits).to.equal(spent);
    expect(userUnits).to.equal(spent);
  });

  it("without the per-minute limit, the daily allowance alone stops a loop at exactly the plan's units, with when it resets", async () => {
    const uid = "yt-budget-allowance";
    const now = new Date();
    const deps = { db: db(), perMinute: 100_000 };
    const youtube = await testService();
    const allowance = PLANS.free.budgets.youtube_units_per_day;
    const results = await inChunks(missingIds("zy", 300), 20, async (videoId) => {
      const { meter } = await startLookup(deps, uid);
      return findVideoCached(db(), youtube, { videoId, meter });
    });
    const found = results.filter((r) => r.status === "fulfilled");
    expect(found).to.have.length(allowance);
    expect((await standInStats()).units).to.equal(allowance);
    const refused = errorsOf(results);
    expect(refused).to.have.length(300 - allowance);
    for (const err of refused) {
      expect(err.code).to.equal("resource-exhausted");
      expect(err.details).to.deep.include({ error: "youtube_daily_allowance", scope: "user", limit: allowance, resetsAt: pacificDay(now).resetsAt.toISOString() });
      expect((err.details as { retryAfterSeconds: number }).retryAfterSeconds).to.be.greaterThan(0);
    }
  });

  it("repeating one missing id spends 0 units after the first look-up (not-found is cached)", async () => {
    const user = { uid: "yt-budget-repeat" };
    const first = await outcomes([call(getVideo, { videoUrlOrId: FIXTURE_IDS.notFound }, user)]);
    expect(first.errors.map((e) => e.code)).to.deep.equal(["not-found"]);
    expect((await standInStats()).units).to.equal(1);
    for (let i = 0; i < 20; i += 1) {
      const again = await outcomes([call(getVideo, { videoUrlOrId: FIXTURE_IDS.notFound }, user)]);
      expect(again.errors.map((e) => e.code)).to.deep.equal(["not-found"]);
    }
    expect((await standInStats()).units).to.equal(1);
    expect((await youtubeBudget.usage(db(), user.uid)).userUnits).to.equal(1);
  });

  it("near the project's cap, look-ups are refused before paid analyses; free analyses stop with look-ups", async () => {
    const config: YoutubeBudgetConfig = { dailyUnits: 100, analysisReserveShare: 0.2 };
    const options = { config };
    const lookup = (userId: string, units = 1) => youtubeBudget.charge(db(), { userId, plan: "business", purpose: "lookup", units }, options);
    const analysis = (userId: string, plan: "free" | "pro", units: number) => youtubeBudget.charge(db(), { userId, plan, purpose: "analysis", units }, options);

    await analysis("paid-a", "pro", 70);
    await lookup("looker", 9);
    await lookup("looker"); // 80: the look-up cap (100 − 20 % reserve)
    const refused = await outcomes([lookup("other-looker")]);
    expect(refused.errors[0]?.code).to.equal("resource-exhausted");
    expect(refused.errors[0]?.details).to.deep.include({ error: "youtube_budget_exhausted", scope: "project", used: 80, limit: 80 });
    const free = await outcomes([analysis("free-a", "free", 1)]);
    expect(free.errors[0]?.details).to.deep.include({ scope: "project", limit: 80 });

    await analysis("paid-b", "pro", 20); // the reserve: 100
    const over = await outcomes([analysis("paid-c", "pro", 1)]);
    expect(over.errors[0]?.details).to.deep.include({ scope: "project", used: 100, limit: 100 });
    expect((await youtubeBudget.usage(db())).projectUnits).to.equal(100);
  });

  it("concurrent charges never take more than what is left", async () => {
    const config: YoutubeBudgetConfig = { dailyUnits: 1_000, analysisReserveShare: 0 };
    await youtubeBudget.charge(db(), { userId: "filler", plan: "pro", purpose: "analysis", units: 990 }, { config });
    const started = Date.now();
    const { ok, errors } = await outcomes(
      Array.from({ length: 50 }, (_, i) => youtubeBudget.charge(db(), { userId: `racer-${i}`, plan: "pro", purpose: "lookup", units: 1 }, { config })),
    );
    expect(ok).to.have.length(10);
    expect(errors).to.have.length(40);
    expect(errors.every((e) => e.code === "resource-exhausted")).to.equal(true);
    expect((await youtubeBudget.usage(db())).projectUnits).to.equal(1_000);
    console.log(`      50 concurrent charges on one ledger: ${Date.now() - started} ms`);
  });

  it("an analysis' video and comment pages are all charged as `analysis`, prepaid units left over are refunded", async () => {
    const source = youtubeCommentSource(db(), await testService(), () => new Date(), { userId: "analyst", plan: "starter" });
    await source.load(FIXTURE_IDS.pagination, 350);
    const spent = (await standInStats()).units;
    expect(spent).to.equal(1 + 4); // videos.list + 4 pages of 100
    const ledger = (await db().doc(`budgets/youtube_${pacificDay(new Date()).day}`).get()).data();
    expect(ledger).to.deep.include({ units: spent, byPurpose: { lookup: 0, analysis: spent, write: 0 } });

    const meter = youtubeBudget.meter(db(), { userId: "analyst", plan: "starter", purpose: "analysis" });
    await meter.prepay(10);
    await meter.reserve();
    await meter.reserve();
    await meter.settle();
    await meter.settle();
    expect(meter.charged).to.equal(2);
    expect((await youtubeBudget.usage(db(), "analyst")).userUnits).to.equal(spent + 2);
  });
});
