// Suggested questions come from what one analysis found. Pure: no emulator.
import { expect } from "chai";
import type { AskableAnalysis } from "../../src/analysis/ownedAnalysis";
import { MAX_SUGGESTIONS, MIN_SUGGESTIONS, suggestQuestions } from "../../src/ask/suggestions";
import { QUESTION_MAX_CHARS } from "../../src/contracts/ask";
import type { Category, Sentiment } from "../../src/ai/types";

const zero = <K extends string>(keys: K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const SENTIMENT_KEYS: Sentiment[] = ["positive", "negative", "neutral", "mixed"];
const CATEGORY_KEYS: Category[] = ["question", "feedback", "suggestion", "appreciation", "criticism", "request", "discussion", "spam", "other"];

function analysisWith(results: AskableAnalysis["results"], title = "Home studio for $500"): AskableAnalysis {
  return { id: "a", userId: "u", videoId: "v", video: { id: "v", title, thumbnail: null }, results };
}

const studio = analysisWith({
  sentiment: {
    total: 100,
    counts: { ...zero(SENTIMENT_KEYS), positive: 55, negative: 25, neutral: 20 },
    percentages: { ...zero(SENTIMENT_KEYS), positive: 55, negative: 25, neutral: 20 },
    dominant: "positive",
    averageScore: 0.3,
    topEmotions: [{ emotion: "confusion", count: 6 }],
  },
  classification: {
    total: 100,
    counts: { ...zero(CATEGORY_KEYS), question: 18, appreciation: 40 },
    topCategory: "appreciation",
    actionableCount: 30,
    topQuestions: [
      { commentId: "q1", author: "@a", text: "Which audio interface did you end up with?", likeCount: 40, replyCount: 3 },
      { commentId: "q2", author: "@b", text: "How do you treat the ceiling without drilling?", likeCount: 20, replyCount: 0 },
    ],
  },
  insights: {
    themes: [
      { name: "acoustic panels", description: "", sentiment: "positive", commentIds: [], mentions: 22 },
      { name: "fan noise", description: "", sentiment: "negative", commentIds: [], mentions: 9 },
    ],
    contentIdeas: [{ title: "Treating a ceiling on a budget", rationale: "", commentIds: [] }],
  },
});

describe("ask/suggestions", () => {
  it("builds 4–6 questions from this analysis: unanswered questions, negative themes, themes, ideas", () => {
    const questions = suggestQuestions(studio);
    expect(questions.length).to.be.within(MIN_SUGGESTIONS, MAX_SUGGESTIONS);
    const text = questions.map((q) => q.question).join("\n");
    // The unanswered question (no replies yet) wins over the more liked answered one.
    expect(questions[0]).to.include({ basis: "unanswered_question", contextFilter: "questions" });
    expect(questions[0].question).to.match(/ceiling/);
    expect(text).to.include("18 viewer questions");
    expect(text).to.include("unhappy about fan noise");
    expect(questions.find((q) => q.basis === "negative_theme")!.contextFilter).to.equal("negative");
    expect(text).to.include("split between positive and negative");
    expect(new Set(questions.map((q) => q.question.toLowerCase())).size).to.equal(questions.length);
    for (const q of questions) expect(q.question.length).to.be.within(1, QUESTION_MAX_CHARS);
    expect(questions.every((q) => q.basis !== "general")).to.equal(true);
  });


  it("an unanswered question is one the channel has not replied to, when the analysis knows (unansweredQuestions)", () => {
    const base = studio;
    const known = {
      ...base,
      results: {
        ...base.results,
        classification: {
          ...base.results.classification!,
          // q2 has no replies at all but the creator's own; q1 has viewers' replies and none from the channel.
          unansweredQuestions: [{ commentId: "q1", author: "@a", text: "Which audio interface did you end up with?", likeCount: 40, replyCount: 3 }],
        },
      },
    };
    const [first] = suggestQuestions(known);
    expect(first).to.include({ basis: "unanswered_question", contextFilter: "questions" });
    expect(first.question).to.match(/audio interface/);
  });
  it("is deterministic, and a different analysis gets different questions", () => {
    expect(suggestQuestions(studio)).to.deep.equal(suggestQuestions(studio));
    const requests = analysisWith({
      classification: { total: 10, counts: { ...zero(CATEGORY_KEYS), request: 6 }, topCategory: "request", actionableCount: 6, topQuestions: [] },
      insights: { themes: [], contentIdeas: [{ title: "A $100 version of the setup", rationale: "", commentIds: [] }] },
    });
    const other = suggestQuestions(requests);
    expect(other.map((q) => q.question)).to.not.deep.equal(suggestQuestions(studio).map((q) => q.question));
    expect(other.map((q) => q.question).join("\n")).to.include("A $100 version of the setup");
    expect(other.length).to.be.within(MIN_SUGGESTIONS, MAX_SUGGESTIONS);
  });

  it("an analysis with only sentiment still gets at least four, generic ones only filling up", () => {
    const bare = suggestQuestions(analysisWith({}));
    expect(bare).to.have.length(MIN_SUGGESTIONS);
    expect(bare.every((q) => q.basis === "general")).to.equal(true);
  });

  it("quotes model-written names safely: no control characters, bounded length", () => {
    const odd = suggestQuestions(
      analysisWith({
        insights: { themes: [{ name: `lighting\u0000\n${"x".repeat(500)}`, description: "", sentiment: "positive", commentIds: [], mentions: 3 }], contentIdeas: [] },
      }),
    );
    const theme = odd.find((q) => q.basis === "theme")!;
    expect([...theme.question].some((ch) => ch.charCodeAt(0) < 32)).to.equal(false);
    expect(theme.question.length).to.be.below(120);
  });
});
