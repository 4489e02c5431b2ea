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

  // Read on real comment sets (tools/eval/readout.ts): these answered "30 comments relate to your question" and quoted
  // whatever came first, or matched the question's own wording ("reply", "next") in comments about something else.
  describe("answers what a creator asked, as read on real comments", () => {
    const figures = { classification: { total: 496, counts: { question: 3, request: 1, suggestion: 0, feedback: 1, criticism: 1, appreciation: 2, discussion: 0, spam: 0, other: 3 }, topCategory: "question" as const, actionableCount: 5 } };
    const talk = [
      comment("hi how can i open it on my own webpage please reply me back asap", { category: "question", sentiment: "neutral", likeCount: 2 }),
      comment("Thank you a lot for your reply my dear", { category: "appreciation", sentiment: "positive", likeCount: 30 }),
      comment("why are the codes green for you but red for me", { category: "question", sentiment: "negative", likeCount: 11, answeredByOwner: true }),
      comment("where do I save the index file so chrome shows it", { category: "question", sentiment: "neutral", likeCount: 7 }),
      comment("can you do a video on flexbox next", { category: "request", sentiment: "neutral", likeCount: 1 }),
      comment("you dont give any instruction on how to open the file, really frustrating", { category: "criticism", sentiment: "negative", likeCount: 4 }),
      comment("now its 1,884,034,783 views! comment the view count the next hour", { category: "other", sentiment: "neutral", likeCount: 50 }),
      comment("great tutorial", { category: "appreciation", sentiment: "positive", likeCount: 3 }),
    ];
    const askTalk = (question: string, list = talk) => localAskAnswer({ question, video, comments: list, history: [], ...figures });
    const cited = (answer: ReturnType<typeof askTalk>) => answer.sources.map((s) => talk.find((c) => c.id === s.commentId)?.text);

    // The demo: "They mention focu (2) most" (the plural rule took the "s" of "focus"); "Did anyone mention the audio?" had no yes.
    it("a yes/no question about a topic answers yes first, and shared words are named as written ('focus', not 'focu')", () => {
      const focus = [
        comment("The B-roll at 11:03 is out of focus, but the rest looks amazing.", { category: "feedback", sentiment: "negative", likeCount: 10 }),
        comment("The music is distracting, I couldn't focus on the audio.", { category: "criticism", sentiment: "negative", likeCount: 1 }),
        comment("audio is great", { category: "appreciation", sentiment: "positive" }),
      ];
      const complaints = localAskAnswer({ question: "What do they complain about?", video, comments: focus, history: [] });
      expect(complaints.answer).to.include("They mention focus (2) most.");
      const yes = localAskAnswer({ question: "Did anyone mention the audio?", video, comments: focus, history: [] });
      expect(yes.answer).to.match(/^Yes — 2 comments relate to your question;/);
    });

    // On the tutorials: "30 comments relate to your question … 30 of them are questions" where the analysis has 214:
    // 30 is how many were retrieved, not how many viewers asked.
    it("a question about a kind of comment says how many of that kind the whole analysis has", () => {
      const answer = askTalk("What are people confused about?");
      expect(answer.answer).to.include("3 of them are questions; the whole analysis has 3.");
      const many = localAskAnswer({ question: "What are people confused about?", video, comments: talk, history: [], classification: { ...figures.classification, counts: { ...figures.classification.counts, question: 214 } } });
      expect(many.answer).to.include("3 of them are questions; the whole analysis has 214.");
    });

    it("a topic no comment mentions: says so, cites nothing, instead of quoting unrelated comments", () => {
      for (const question of ["Did anyone mention the audio?", "What do they say about the zebra?"]) {
        const answer = askTalk(question);
        const topic = /audio/.test(question) ? "audio" : "zebra";
        expect(answer.answer).to.equal(`No — none of the 496 analysed comments mention “${topic}”.`);
        expect(answer.sources).to.deep.equal([]);
        expect(answer.confidence).to.be.below(0.3);
      }
    });

    it("an odd question with no words: says it found nothing to look for and gives the overall picture, citing real comments", () => {
      for (const question of ["??", "  ", "🤔"]) {
        const answer = askTalk(question);
        expect(answer.answer).to.match(/^Your question names no topic, so here is the overall picture: /);
        expect(answer.answer).to.not.include("relate to your question");
        expect(answer.sources.length).to.be.greaterThan(0);
        for (const s of answer.sources) expect(talk.map((c) => c.id)).to.include(s.commentId);
      }
    });

    it("'which comments should I reply to first?' lists unanswered questions, requests and criticism, most liked first, never comments that say 'reply'", () => {
      const answer = askTalk("Which comments should I reply to first?");
      expect(cited(answer)).to.deep.equal([talk[3].text, talk[5].text, talk[0].text, talk[4].text]);
      expect(answer.answer).to.match(/^Reply first to the most liked of the comments waiting for an answer: /);
      expect(answer.answer).to.include("Of the 8 comments most worth reading, 4 wait for you (2 questions, 1 request and 1 criticism); the whole analysis has 3 questions, 1 request and 1 criticism.");
      expect(answer.answer).to.include("“where do I save the index file so chrome shows it” (7 likes)");
      expect(answer.answer).to.not.include("Thank you a lot");
    });

    it("'what do viewers want next?' counts requests; with none it says so and does not quote comments that merely say 'next'", () => {
      const answer = askTalk("What do viewers want next?");
      expect(cited(answer)[0]).to.equal(talk[4].text);
      expect(answer.answer).to.not.include("1,884,034,783");
      const noRequests = talk.filter((c) => c.category !== "request");
      const none = askTalk("What do viewers want next?", noRequests);
      expect(none.answer).to.match(/^No viewer asks for a video or suggests one\./);
      expect(none.answer).to.not.include("1,884,034,783");
    });

    it("'what do they complain about?' with no criticism says so and quotes the negative comments instead", () => {
      const calm = talk.filter((c) => c.category !== "criticism");
      const answer = askTalk("What do they complain about?", calm);
      expect(answer.answer).to.match(/^No comment criticises the video or gives feedback\. 1 comment is negative: /);
      expect(answer.sources.map((s) => s.commentId)).to.deep.equal([talk[2].id]);
    });
  });

  // On the tutorials "What do viewers want next?" quoted two suggestions ("You should make simple enough shirts") while the
  // analysis had an idea drawn from 43 questions: Ask AI was never given the content ideas.
  describe("content ideas", () => {
    const backing = comment("how do i use array in private classes", { category: "question", sentiment: "neutral", likeCount: 2 });
    const request = comment("can you do a video on flexbox next", { category: "request", sentiment: "neutral", likeCount: 1 });
    const unrelated = comment("why does my compiler say cout is not declared", { category: "question", sentiment: "negative" });
    const chatter = comment("first!", { category: "other" });
    const ideas = [
      { title: "How to use array in private classes", rationale: "Viewers raised class in 43 questions, e.g. “how do i use array in private classes”.", commentIds: [backing.id] },
      { title: "Flexbox layouts", rationale: "Two viewers ask for flexbox.", commentIds: [request.id] },
    ];
    const askIdeas = (question: string, list: AnalysedComment[], contentIdeas = ideas) => localAskAnswer({ question, video, comments: list, history: [], contentIdeas });

    it("'what do viewers want next?' leads with the analysis' content ideas and cites the comments behind them", () => {
      const answer = askIdeas("What do viewers want next?", [chatter, request, backing]);
      expect(answer.answer).to.match(
        /^Content ideas from the analysis: “How to use array in private classes” and “Flexbox layouts”\. Viewers raised class in 43 questions, e\.g\. “how do i use array in private classes”\. 2 comments relate to your question;/,
      );
      expect(answer.sources.map((s) => s.commentId)).to.have.members([backing.id, request.id]);
      expect(answer.keyPoints[0]).to.equal("Content ideas: How to use array in private classes; Flexbox layouts.");
    });

    it("with no request among the comments given, says so and still names the ideas", () => {
      const answer = askIdeas("What do viewers want next?", [chatter, unrelated], [{ ...ideas[0], commentIds: [] }]);
      expect(answer.answer).to.match(/^No viewer asks for a video or suggests one\. Content ideas from the analysis: “How to use array in private classes”\. Viewers raised class/);
      // The idea's own comments given, none of them a request: the same, then those comments.
      const behind = askIdeas("What do viewers want next?", [chatter, backing], [ideas[0]]);
      expect(behind.answer).to.match(/^No viewer asks for a video or suggests one\. Content ideas from the analysis: “How to use array in private classes”\. Viewers raised class .* 1 comment relates to your question;/);
      expect(behind.sources.map((s) => s.commentId)).to.deep.equal([backing.id]);
    });

    it("only a question about what viewers want lists the ideas", () => {
      expect(askIdeas("What are people confused about?", [chatter, unrelated, backing]).answer).to.not.include("Content ideas");
    });
  });

  // On the tutorials: "Another viewer wrote “now who are the 16 … that disliked it”" answered "What do they complain about?".
  it("'what do they complain about?' does not offer a comment about the viewers who disliked the video as a complaint", () => {
    const list = [
      comment("now who are the 16 idiots that disliked it", { category: "criticism", sentiment: "negative", likeCount: 30, toxic: true }),
      comment("the audio is too quiet in the second half", { category: "feedback", sentiment: "negative", likeCount: 2 }),
    ];
    const answer = localAskAnswer({ question: "What do they complain about?", video, comments: list, history: [] });
    expect(answer.answer).to.not.include("disliked");
    expect(answer.sources.map((s) => s.commentId)).to.deep.equal([list[1].id]);
  });
});
