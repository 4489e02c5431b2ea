// Usage analytics against numbers worked out by hand.
import { expect } from "chai";
import { analyzeUsage, dailyTrends, projectUsage } from "../../src/billing/analytics";

const DAY = 86_400_000;

describe("billing: usage analytics (pure)", () => {
  // Starter plan (10 videos, 30 AI questions), June 2025: 30 days, 10 elapsed.
  //   videos: used 5  → 50 % used;  projected 5 × 30/10 = 15  → 150 %
  //   AI:     used 12 → 40 % used;  projected 12 × 30/10 = 36 → 120 %
  // Warnings: one per type, basis "projected", threshold 100 (nothing used ≥ 70 %).
  // Smallest plan holding 15 videos and 36 questions: free (1/2) no, starter (10/30) no,
  // pro (20/75) yes → upgrade to pro.
  const june = {
    plan: "starter" as const,
    counters: { videos: 5, ai_questions: 12 },
    limits: { videos: 10, ai_questions: 30 },
    periodStart: new Date("2025-06-01T00:00:00Z"),
    periodEnd: new Date("2025-07-01T00:00:00Z"),
  };
  const now = new Date("2025-06-11T00:00:00Z");

  it("projects linearly, reports percentages, warns and recommends (hand-computed)", () => {
    const a = analyzeUsage(june, now);
    expect(a.period).to.deep.equal({ start: "2025-06-01T00:00:00.000Z", end: "2025-07-01T00:00:00.000Z", elapsedDays: 10, totalDays: 30, elapsedPercent: 33.3 });
    expect(a.metrics.videos).to.deep.equal({ used: 5, limit: 10, unlimited: false, remaining: 5, percentUsed: 50, projected: 15, percentProjected: 150 });
    expect(a.metrics.ai_questions).to.deep.equal({ used: 12, limit: 30, unlimited: false, remaining: 18, percentUsed: 40, projected: 36, percentProjected: 120 });
    expect(a.warnings.map((w) => [w.type, w.basis, w.threshold, w.percent])).to.deep.equal([
      ["videos", "projected", 100, 150],
      ["ai_questions", "projected", 100, 120],
    ]);
    expect(a.recommendation).to.include({ plan: "pro", action: "upgrade" });
  });

  it("warns on what is used, and on the projection only above it", () => {
    // videos 8/10 = 80 % used (→ 70), projected 8 × 3 = 24 = 240 % (→ 100, above 70: also warned).
    // AI 22/30 = 73.3 % used (→ 70), projected 66 = 220 % (→ 100).
    // Smallest plan for 24 videos and 66 questions: pro (20) no → business (50, unlimited).
    const a = analyzeUsage({ ...june, counters: { videos: 8, ai_questions: 22 } }, now);
    expect(a.warnings.map((w) => [w.type, w.basis, w.threshold, w.percent])).to.deep.equal([
      ["videos", "used", 70, 80],
      ["videos", "projected", 100, 240],
      ["ai_questions", "used", 70, 73.3],
      ["ai_questions", "projected", 100, 220],
    ]);
    expect(a.recommendation).to.include({ plan: "business", action: "upgrade" });
    // At the very end of the period, projected = used: 9/10 = 90 % used, no separate projection warning.
    const end = analyzeUsage({ ...june, counters: { videos: 9, ai_questions: 0 } }, new Date("2025-07-01T00:00:00Z"));
    expect(end.metrics.videos.projected).to.equal(9);
    expect(end.warnings.map((w) => [w.type, w.basis, w.threshold])).to.deep.equal([["videos", "used", 90]]);
    expect(end.recommendation).to.include({ plan: "starter", action: "stay" });
  });

  it("handles unlimited limits, idle users and the first hours of a period", () => {
    const business = analyzeUsage(
      { plan: "business", counters: { videos: 1, ai_questions: 500 }, limits: { videos: 50, ai_questions: null }, periodStart: june.periodStart, periodEnd: june.periodEnd },
      now,
    );
    expect(business.metrics.ai_questions).to.include({ unlimited: true, percentUsed: null, percentProjected: null, projected: 1500 });
    expect(business.warnings).to.deep.equal([]);
    // 3 videos a month fits starter; questions are unlimited only on business → stays business.
    expect(business.recommendation).to.include({ plan: "business", action: "stay" });
    const idle = analyzeUsage({ ...june, counters: { videos: 0, ai_questions: 0 } }, now);
    expect(idle.recommendation).to.include({ plan: "free", action: "downgrade_possible" });
    // One hour in: the elapsed time is floored at one day, 1 × 30 / 1 = 30, not 720.
    expect(projectUsage(1, 3_600_000, 30 * DAY)).to.equal(30);
    expect(projectUsage(0, 10 * DAY, 30 * DAY)).to.equal(0);
    expect(projectUsage(7, 3 * DAY, 30 * DAY)).to.equal(70);
    expect(projectUsage(2, 7 * DAY, 30 * DAY)).to.equal(8.6); // 60/7 = 8.571… → 8.6
  });

  it("daily trends: sorted points with day-over-day deltas, a reset restarting the count", () => {
    const points = dailyTrends([
      { date: "2025-06-03", counters: { videos: 4, ai_questions: 9 } },
      { date: "2025-06-01", counters: { videos: 1, ai_questions: 2 } },
      { date: "2025-06-02", counters: { videos: 3, ai_questions: 2 } },
      { date: "2025-06-04", counters: { videos: 0, ai_questions: 1 } },
    ]);
    expect(points.map((p) => [p.date, p.videosDelta, p.aiQuestionsDelta])).to.deep.equal([
      ["2025-06-01", 1, 2],
      ["2025-06-02", 2, 0],
      ["2025-06-03", 1, 7],
      ["2025-06-04", 0, 1],
    ]);
  });
});
