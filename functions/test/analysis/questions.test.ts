// One definition of "a question the creator has not answered", everywhere it
// is counted: the stored analysis (ownerAnswers), the local summary's priority
// action and overview, the Gemini summary prompt's stats, and the inbox.
import { expect } from "chai";
import { unfence } from "../../src/ai/prompts/fence";
import { summaryPrompt } from "../../src/ai/prompts/summary";
import { localSummary } from "../../src/ai/local/templates/summary";
import { summarizeClassification, summarizeSentiment } from "../../src/ai/summaries";
import type { CommentAnalysis } from "../../src/ai/types";
import { joinAnalyses, ownerAnswers, topQuestions, type SourceComment } from "../../src/analysis/commentRecords";
import { kindsOf } from "../../src/inbox/getInbox";
import { filterComments } from "../../src/youtube/quality/filter";

type Row = [text: string, category: CommentAnalysis["category"], isQuestion: boolean, answeredByOwner: boolean];

// The quality filter flags every "?" (isQuestion); the analysis decides what the comment is.
const ROWS: Row[] = [
  ["Which mic is that at 4:12?", "question", true, false],
  ["How thick are the panels?", "question", true, false],
  ["Did you treat the ceiling too?", "question", true, true],
  ["How do you stop the desk from vibrating", "question", false, false],
  ["Can you do a follow-up on the ceiling?", "request", true, false],
  ["Why is the audio so bad in the intro?", "criticism", true, false],
  ["Who else is here after the 2025 update?", "discussion", true, false],
  ["how did you get so good at this?!", "appreciation", true, false],
  ["Sub to my channel?", "spam", true, false],
  ["Great video, thanks", "appreciation", false, true],
];

function analysed() {
  const comments: SourceComment[] = ROWS.map(([text, , isQuestion, answeredByOwner], n) => ({
    id: `Ugx${n}`,
    author: `@viewer${n}`,
    text,
    likeCount: 100 - n,
    replyCount: answeredByOwner ? 1 : 0,
    publishedAt: "2025-09-13T10:00:00Z",
    updatedAt: "2025-09-13T10:00:00Z",
    engagement: 100 - n,
    isQuestion,
    isFeedback: false,
    lowValue: false,
    answeredByOwner,
  }));
  const analyses = ROWS.map(([, category], n): CommentAnalysis => ({ id: `c${n}`, sentiment: "neutral", score: 0, emotions: [], category }));
  return joinAnalyses(comments, analyses);
}

describe("unanswered questions: one definition", () => {
  const { stored, analysed: comments } = analysed();
  const input = {
    video: { id: "v", title: "t" },
    comments,
    sentiment: summarizeSentiment(comments),
    classification: summarizeClassification(comments),
    insights: { themes: [], contentIdeas: [], audience: { summary: "", interests: [] } },
  };
  // Comments the analysis classified as questions, without a reply from the channel.
  const expected = ["Ugx0", "Ugx1", "Ugx3"];

  it("the stored counts and list, the local summary, the prompt's stats and the inbox agree", () => {
    const owner = ownerAnswers(stored);
    expect(owner.unanswered.question).to.equal(expected.length);
    expect(owner.unansweredQuestions.map((q) => q.commentId).sort()).to.deep.equal(expected);
    // Questions, requests and criticism are distinct: nothing is counted twice in the total.
    expect(owner.unanswered).to.deep.equal({ question: 3, request: 1, criticism: 1, total: 5 });
    expect(stored.filter((c) => kindsOf(c).includes("question") && !c.answeredByOwner).map((c) => c.id)).to.deep.equal(expected);
    expect(kindsOf(stored[4])).to.deep.equal(["request"]);

    const summary = localSummary(input);
    const ask = summary.priorityActions.find((a) => /question/.test(a.action))!;
    expect(ask.action).to.equal(`Answer the ${expected.length} unanswered questions`);
    expect(ask.commentIds.map((id) => stored[Number(id.slice(1))].id).sort()).to.deep.equal(expected);
    expect(summary.overview).to.include(`still unanswered: ${expected.length} questions, 1 request and 1 critical comment`);

    const stats = unfence(summaryPrompt(input).prompt.user, "stats") as { unanswered: Record<string, number>; categories: Record<string, number> };
    expect(stats.unanswered).to.deep.include({ question: expected.length, request: 1, criticism: 1 });
    // The category counts the model sees say the same as what the report counts (4 questions, 1 answered).
    expect(stats.categories.question - 1).to.equal(expected.length);
  });

  it("the report's top questions are the analysis' questions, not every comment with a question mark", () => {
    expect(topQuestions(stored).map((q) => q.commentId)).to.deep.equal(["Ugx0", "Ugx1", "Ugx2", "Ugx3"]);
  });
});

describe("the creator's own comments owe nobody a reply", () => {
  const at = "2025-09-13T10:00:00Z";
  const raw = [
    { id: "UgOwn", author: "@creator", authorChannelId: "UCcreator", text: "Which topic should I cover next? Tell me below!", likeCount: 90, replyCount: 0, publishedAt: at, updatedAt: at },
    { id: "UgView", author: "@viewer", authorChannelId: "UCviewer", text: "Which mic is that at 4:12?", likeCount: 5, replyCount: 0, publishedAt: at, updatedAt: at },
  ];

  it("the filter marks them, the analysis stores the mark, and no count, list, summary or inbox asks the creator to answer them", () => {
    const { kept } = filterComments(raw, { channelId: "UCcreator" });
    expect(kept.find((c) => c.id === "UgOwn")?.byOwner).to.equal(true);
    expect(kept.find((c) => c.id === "UgView")?.byOwner).to.equal(undefined);
    const analyses = kept.map((_, n): CommentAnalysis => ({ id: `c${n}`, sentiment: "neutral", score: 0, emotions: [], category: "question" }));
    const { stored, analysed: comments } = joinAnalyses(kept, analyses);
    expect(stored.find((c) => c.id === "UgOwn")?.byOwner).to.equal(true);
    expect(stored.filter((c) => kindsOf(c).length > 0).map((c) => c.id)).to.deep.equal(["UgView"]);
    expect(ownerAnswers(stored).unanswered.question).to.equal(1);
    const summary = localSummary({
      video: { id: "v", title: "t" },
      comments,
      sentiment: summarizeSentiment(comments),
      classification: summarizeClassification(comments),
      insights: { themes: [], contentIdeas: [], audience: { summary: "", interests: [] } },
    });
    const ask = summary.priorityActions.find((a) => /question/.test(a.action))!;
    expect(ask.action).to.equal("Answer the 1 open question");
  });
});
