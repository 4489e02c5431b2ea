import { expect } from "chai";
import { percentages, summarizeClassification, summarizeSentiment } from "../../src/ai/summaries";
import type { CommentAnalysis } from "../../src/ai/types";

const a = (sentiment: CommentAnalysis["sentiment"], score: number, category: CommentAnalysis["category"], emotions: CommentAnalysis["emotions"] = [], blocked?: boolean): CommentAnalysis => ({
  id: "x",
  sentiment,
  score,
  emotions,
  category,
  ...(blocked ? { blocked } : {}),
});

describe("ai/summaries", () => {
  const rows = [
    a("positive", 0.8, "appreciation", ["joy", "love"]),
    a("positive", 0.6, "question", ["joy"]),
    a("negative", -0.5, "criticism", ["anger"]),
    a("neutral", 0, "question"),
    a("mixed", 0.1, "suggestion", ["joy", "joy"]),
    a("neutral", 0, "other", [], true),
  ];

  it("summarizes sentiment over the analysed (not blocked) comments", () => {
    const s = summarizeSentiment(rows);
    expect(s.total).to.equal(5);
    expect(s.counts).to.deep.equal({ positive: 2, negative: 1, neutral: 1, mixed: 1 });
    expect(s.percentages).to.deep.equal({ positive: 40, negative: 20, neutral: 20, mixed: 20 });
    expect(s.dominant).to.equal("positive");
    expect(s.averageScore).to.equal(0.2);
    expect(s.topEmotions).to.deep.equal([
      { emotion: "joy", count: 3 },
      { emotion: "love", count: 1 },
      { emotion: "anger", count: 1 },
    ]);
  });

  it("summarizes categories and counts the actionable ones", () => {
    const c = summarizeClassification(rows);
    expect(c.total).to.equal(5);
    expect(c.counts.question).to.equal(2);
    expect(c.counts.other).to.equal(0);
    expect(c.topCategory).to.equal("question");
    expect(c.actionableCount).to.equal(4);
  });

  it("handles no comments without dividing by zero", () => {
    const s = summarizeSentiment([]);
    expect(s).to.include({ total: 0, dominant: "neutral", averageScore: 0 });
    expect(Object.values(s.percentages)).to.deep.equal([0, 0, 0, 0]);
    expect(summarizeClassification([])).to.include({ total: 0, topCategory: "other", actionableCount: 0 });
  });

  it("rounds percentages so they add up to exactly 100", () => {
    const p = percentages({ a: 1, b: 1, c: 1 }, ["a", "b", "c"] as const);
    expect(p.a + p.b + p.c).to.be.closeTo(100, 1e-9);
    expect([p.a, p.b, p.c].sort()).to.deep.equal([33.3, 33.3, 33.4]);
  });
});
