// The offline provider end to end: every method's output shape, grounded in the comments given.
import { expect } from "chai";
import { LocalProvider } from "../../src/ai/local/provider";
import { summarizeClassification, summarizeSentiment } from "../../src/ai/summaries";
import { CATEGORIES, REPLY_TONES, SENTIMENTS, type AnalysedComment } from "../../src/ai/types";

const video = { id: "v", title: "Beginner guide to video editing", channelTitle: "EditLab" };
const texts = [
  "This tutorial was so helpful, thank you! Finally understand keyframes.",
  "How do you export in 4K without losing quality?",
  "The audio is way too quiet, I could barely hear the keyframes part.",
  "Please make a video about colour grading next!",
  "Can you do a tutorial on colour grading for beginners?",
  "What software do you use for colour grading?",
  "Great video as always, love the editing tips",
  "Audio quality was bad again, please fix the audio",
  "I'm a beginner and this was perfect for me, thanks",
  "Check out my channel for free robux",
  "How do you make the keyframes smooth?",
  "Love this channel so much",
];

describe("ai/local provider", () => {
  const local = new LocalProvider();
  let comments: AnalysedComment[];

  before(async () => {
    const input = texts.map((text, i) => ({ id: `c${i + 1}`, text, author: `Viewer ${i + 1}`, likeCount: 20 - i }));
    const { value, usage } = await local.analyzeComments(input, video);
    expect(usage).to.deep.equal({ calls: 0, inputTokens: 0, outputTokens: 0 });
    comments = input.map((c, i) => ({ ...c, ...value[i] }));
  });

  it("analyses every comment with valid labels, in order", () => {
    expect(comments.map((c) => c.id)).to.deep.equal(texts.map((_, i) => `c${i + 1}`));
    for (const c of comments) {
      expect(SENTIMENTS).to.include(c.sentiment);
      expect(CATEGORIES).to.include(c.category);
    }
    expect(comments[1].category).to.equal("question");
  });

  it("insights, summary and answers cite only real comments and quote real numbers", async () => {
    const ids = new Set(comments.map((c) => c.id));
    const sentiment = summarizeSentiment(comments);
    const classification = summarizeClassification(comments);
    const { value: insights } = await local.generateInsights({ video, comments, sentiment, classification });
    expect(insights.themes.length).to.be.greaterThan(0);
    for (const t of insights.themes) {
      expect(t.commentIds.every((id) => ids.has(id))).to.equal(true);
      expect(t.mentions).to.be.at.least(t.commentIds.length > 0 ? 1 : 0);
    }
    expect(insights.audience.summary).to.include(`${comments.filter((c) => c.category !== "spam").length} commenters`);

    const { value: summary } = await local.summarize({ video, comments, sentiment, classification, insights });
    expect(summary.headline).to.include(String(sentiment.total));
    expect(summary.overview).to.include(`${sentiment.percentages.positive}%`);
    expect(summary.priorityActions.length).to.be.greaterThan(1);
    const questionAction = summary.priorityActions.find((a) => /question/.test(a.action));
    expect(questionAction?.commentIds).to.include("c2");
    for (const a of summary.priorityActions) {
      expect(a.commentIds.length).to.be.greaterThan(0);
      expect(a.commentIds.every((id) => ids.has(id))).to.equal(true);
      expect(a.priority).to.be.oneOf(["high", "medium", "low"]);
    }

    const asked = comments.filter((c) => /colour grading/.test(c.text));
    const { value: answer } = await local.answerQuestion({ question: "What do viewers want to learn about colour grading?", video, comments: asked, history: [], sentiment, classification });
    expect(answer.sources.map((s) => s.commentId).every((id) => asked.some((c) => c.id === id))).to.equal(true);
    expect(answer.sources[0].relevance).to.be.within(0, 1);
    expect(answer.answer).to.include(`${asked.length} comments`);
    expect(answer.confidence).to.be.within(0, 1);
    expect(answer.keyPoints.length).to.be.greaterThan(0);
    expect(answer.followUpQuestions).to.have.length(3);

    const followUp = await local.answerQuestion({ question: "and why?", video, comments: asked, history: [{ question: "What do viewers want?", answer: answer.answer }] });
    expect(followUp.value.answer).to.match(/^Following up on “What do viewers want\?”/);

    const none = await local.answerQuestion({ question: "Do they mention cats?", video, comments: [], history: [] });
    expect(none.value.sources).to.deep.equal([]);
    expect(none.value.confidence).to.be.below(0.3);
  });

  // Read on the coding tutorials: "with “Derek Banas” the most discussed topic" and "talk most about “Sublime Text” (17),
  // “Web Development” (15), “HTML” (22)": the first theme (phrases rank first) is not the most discussed.
  it("names the most discussed topics by how many comments discuss them", async () => {
    const list: AnalysedComment[] = ["a", "b", "c", "d"].map((id) => ({ id, text: `comment ${id}`, sentiment: "positive", score: 0.5, emotions: [], category: "appreciation" }));
    const theme = (name: string, mentions: number) => ({ name, description: "", sentiment: "positive" as const, commentIds: ["a"], mentions });
    const insights = { themes: [theme("Derek Banas", 26), theme("HTML", 47), theme("Text Editor", 10), theme("Code", 20)], contentIdeas: [], audience: { summary: "", interests: [] } };
    const { value } = await local.summarize({ video, comments: list, sentiment: summarizeSentiment(list), classification: summarizeClassification(list), insights });
    expect(value.headline).to.match(/with “HTML” the most discussed topic$/);
    expect(value.overview).to.include("Viewers talk most about “HTML” (47), “Derek Banas” (26) and “Code” (20).");
  });

  it("calls viewers critical only when critics are what makes a video negative; stuck viewers are stuck", async () => {
    type Row = [id: string, text: string, sentiment: AnalysedComment["sentiment"], category: AnalysedComment["category"], likeCount?: number];
    const made = (rows: Row[]): AnalysedComment[] =>
      rows.map(([id, text, sentiment, category, likeCount = 0]) => ({
        id, text, sentiment, category, likeCount, score: sentiment === "negative" ? -0.6 : sentiment === "positive" ? 0.6 : 0, emotions: [],
      }));
    const summarizeAll = async (list: AnalysedComment[]) => {
      const sentiment = summarizeSentiment(list);
      const classification = summarizeClassification(list);
      const { value: insights } = await local.generateInsights({ video, comments: list, sentiment, classification });
      return (await local.summarize({ video, comments: list, sentiment, classification, insights })).value;
    };
    const onStuck = await summarizeAll(
      made([
        ["s1", "my code doesn't compile, what did i miss?", "negative", "question"],
        ["s2", "why do i get an error on line 3?", "negative", "question"],
        ["s3", "the linker can't find the library, help", "negative", "question"],
        ["s4", "it still won't run after the fix", "negative", "question"],
        ["s5", "great tutorial", "positive", "appreciation"],
        ["s6", "Tip: use a virtual env instead of installing globally", "neutral", "suggestion", 9],
      ]),
    );
    // Read on the coding tutorials, where nobody liked a question: "The most liked (0 likes) asks …".
    const answer = onStuck.priorityActions.find((a) => a.action.startsWith("Answer"));
    expect(answer?.reason).to.match(/^The first of them asks “my code doesn't compile/);
    expect(answer?.reason).to.not.include("0 likes");
    expect(onStuck.headline).to.not.match(/critical/i);
    expect(onStuck.headline).to.match(/problems|stuck/i);
    expect(onStuck.overview).to.not.match(/\b0 (?:content requests|critical comments)/);
    const plan = onStuck.priorityActions.find((a) => a.commentIds.includes("s6"));
    expect(plan?.reason).to.match(/Top suggestion: “Tip: use a virtual env/);

    const critics = made([
      ["k1", "this video is lazy and wrong", "negative", "criticism"],
      ["k2", "worst explanation of pointers ever", "negative", "criticism"],
      ["k3", "you rushed everything, terrible pacing", "negative", "criticism"],
      ["k4", "nice shirt", "positive", "appreciation"],
    ]);
    expect((await summarizeAll(critics)).headline).to.match(/^Viewers are critical/);
    const one = await summarizeAll(made([["o1", "the audio is awful", "negative", "criticism"], ["o2", "love it", "positive", "appreciation"]]));
    expect(one.priorityActions.map((a) => a.reason).join(" ")).to.match(/1 comment criticises the video; .*1 comment expresses appreciation/);
    const chatter = made([
      ["d1", "pointers are a nightmare in every language", "negative", "discussion"],
      ["d2", "c++ compile errors are the worst", "negative", "discussion"],
      ["d3", "java is so verbose", "negative", "discussion"],
      ["d4", "python 2 was better anyway", "negative", "discussion"],
      ["d5", "this explanation is confusing", "negative", "criticism"],
      ["d6", "thanks", "positive", "appreciation"],
    ]);
    expect((await summarizeAll(chatter)).headline).to.match(/^Reactions lean negative: 83.3% of 6 comments are negative, 1 criticising the video/);
  });

  it("drafts `count` different replies per tone, with the commenter's name and the comment's content", async () => {
    for (const tone of REPLY_TONES) {
      for (let count = 1; count <= 5; count += 1) {
        const { value } = await local.draftReplies({ comment: { text: "How do you export in 4K?", author: "@Maria" }, tone, count });
        expect(value).to.have.length(count);
        expect(new Set(value).size).to.equal(count);
        for (const reply of value) expect(reply).to.include("Maria");
      }
    }
    const question = await local.draftReplies({ comment: { text: "How do you export in 4K?", author: "Maria" }, tone: "informative", count: 5 });
    expect(question.value.some((r) => /export/i.test(r))).to.equal(true);
    const praise = await local.draftReplies({ comment: { text: "Amazing video, thank you so much!" }, tone: "friendly", count: 3 });
    expect(praise.value.join(" ")).to.match(/glad|means a lot|thanks|happy|keep making/i);
    expect(praise.value[0]).to.match(/^Hey there/);
  });

  it("writes every draft whole, and names what the comment is about in words that read", async () => {
    const comments = [
      "how do i get mingw gcc for the toolchain it wont show up in eclipse",
      "Your audio is awful in this one, could barely hear you",
      "This saved my exam, thank you so much!!",
      "please make a video on pointers and references",
      ...Array.from({ length: 40 }, (_, i) => `comment number ${i} about the lighting setup`),
    ];
    for (const text of comments)
      for (const tone of REPLY_TONES) {
        const { value } = await local.draftReplies({ comment: { text, author: "Sam" }, tone, count: 5 });
        for (const reply of value) expect(reply, `${tone}: ${text}`).to.not.match(/undefined|\{\w+\}/);
      }
    const asked = (await local.draftReplies({ comment: { text: comments[0], author: "Sam" }, tone: "friendly", count: 5 })).value.join(" ");
    expect(asked).to.include("how to get mingw gcc for the toolchain");
    expect(asked).to.not.match(/about get\b|\bfor the\b[^ ]*(?: —|\.)/);
    const fault = (await local.draftReplies({ comment: { text: comments[1], author: "Dana" }, tone: "professional", count: 5 })).value.join(" ");
    expect(fault).to.not.match(/audio awful/);
    expect(fault).to.match(/\baudio\b/);
  });
});
