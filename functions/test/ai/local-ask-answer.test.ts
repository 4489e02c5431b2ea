// Ask AI's offline answers: grounded in the comments given, real counts, quotes. Pure.
import { expect } from "chai";
import { LocalProvider } from "../../src/ai/local/provider";
import { localAnswer as localAskAnswer } from "../../src/ai/local/templates/ask";
import type { AnalysedComment, AskInput } from "../../src/ai/types";

const video = { id: "v", title: "Home studio for $500" };
let n = 0;
const comment = (text: string, partial: Partial<AnalysedComment> = {}): AnalysedComment => ({
  id: `c${n++}`,
  text,
  likeCount: 0,
  sentiment: "neutral",
  score: 0,
  emotions: [],
  category: "other",
  ...partial,
});

// In retrieval order, as askQuestion gives them.
const comments = [
  comment("The audio clips when you laugh, add a limiter.", { sentiment: "negative", category: "criticism", likeCount: 12 }),
  comment("Audio sounds roomy, the panels are too far away.", { sentiment: "negative", category: "feedback", likeCount: 4 }),
  comment("Which audio interface is that? The audio is so clean.", { sentiment: "positive", category: "question", likeCount: 40 }),
  comment("Best studio build video on YouTube, thank you!", { sentiment: "positive", category: "appreciation", likeCount: 900 }),
  comment("The lighting looks great.", { sentiment: "positive", category: "appreciation", likeCount: 3 }),
];

const ask = (question: string, extra: Partial<AskInput> = {}) => localAskAnswer({ question, video, comments, history: [], ...extra });

describe("ask/localAnswer (local provider's Ask answers)", () => {
  it("counts only the comments that speak to the question, with their sentiment split, and quotes them", () => {
    const answer = ask("What do viewers say about the audio?");
    expect(answer.answer).to.match(/^3 comments relate to your question; 1 is positive, 2 negative\./);
    // The most relevant first, then the most liked of the related ones — never the off-topic 900-like comment.
    expect(answer.answer).to.include("“The audio clips when you laugh, add a limiter.”");
    expect(answer.answer).to.include("The most liked of them (40 likes)");
    expect(answer.answer).to.not.include("Best studio build");
    expect(answer.sources.map((s) => s.commentId)).to.have.members([comments[0].id, comments[1].id, comments[2].id]);
    for (const s of answer.sources) expect(s.relevance).to.be.within(0, 1);
    expect(answer.keyPoints[0]).to.equal("33% of the related comments are positive, 67% negative.");
    expect(answer.confidence).to.be.within(0.3, 0.85);
    expect(answer.followUpQuestions).to.have.length(3);
  });

  it("a question about a kind of comment counts that kind; an open question uses all it was given with the analysis' figures", () => {
    const asking = ask("What are viewers asking?");
    expect(asking.answer).to.match(/^1 comment relates to your question; 1 is positive, 0 negative\./);
    expect(asking.answer).to.include("1 of them is a question.");
    const open = ask("How is it going?", {
      sentiment: { total: 120, counts: { positive: 60, negative: 30, neutral: 30, mixed: 0 }, percentages: { positive: 50, negative: 25, neutral: 25, mixed: 0 }, dominant: "positive", averageScore: 0.2, topEmotions: [] },
    });
    expect(open.answer).to.include("5 comments relate");
    expect(open.answer).to.include("Across all 120 analysed comments, 50% are positive and 25% negative.");
  });

  it("a terse follow-up says what it follows and borrows its topic; no comments: says so with low confidence", () => {
    const followUp = ask("and why?", { history: [{ question: "What do viewers say about the audio?", answer: "…" }] });
    expect(followUp.answer).to.match(/^Following up on “What do viewers say about the audio\?”: 3 comments/);
    const none = localAskAnswer({ question: "Cats?", video, comments: [], history: [] });
    expect(none.sources).to.deep.equal([]);
    expect(none.confidence).to.be.below(0.3);
  });

  it("is how the local provider answers Ask questions, at no token cost", async () => {
    const input: AskInput = { question: "audio?", video, comments, history: [] };
    const { value, usage } = await new LocalProvider().answerQuestion(input);
    expect(value.sources.length).to.be.greaterThan(0);
    expect(usage).to.deep.equal({ calls: 0, inputTokens: 0, outputTokens: 0 });
  });

  it("names what the related comments talk about by the analysis' themes, not by the words they happen to share", () => {
    const updates = [
      comment("Update after 16 weeks: I moved my panels and the background noise is half.", { sentiment: "positive", likeCount: 500 }),
      comment("Update after 3 weeks: I moved my panels too, background noise gone.", { sentiment: "positive", likeCount: 20 }),
      comment("Update after 8 weeks: moved the panels behind me, the echo is better.", { sentiment: "positive", likeCount: 9 }),
    ];
    const themes = [
      { name: "Background Noise", commentIds: [updates[0].id, updates[1].id] },
      { name: "Panels", commentIds: updates.map((c) => c.id) },
      { name: "Lighting", commentIds: [comments[4].id] },
    ];
    const answer = localAskAnswer({ question: "What do viewers say about the panels?", video, comments: updates, history: [], themes });
    expect(answer.answer).to.include("They talk most about “Background Noise” (2).");
    expect(answer.answer).to.not.include("They mention");
    expect(answer.keyPoints).to.include("Topics: “Background Noise”.");
    // Without themes (an analysis stored before them), the shared words are still named.
    const bare = localAskAnswer({ question: "What do viewers say about the panels?", video, comments: updates, history: [] });
    expect(bare.answer).to.match(/They mention .*update \(3\)/);
  });
});
