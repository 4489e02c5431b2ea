// Retrieval for Ask AI: BM25 over the stored comments, engagement and intent
// boosts, context filters. Pure: no emulator needed.
import { expect } from "chai";
import { intentCategories, matchesFilter, retrieve, stem, terms } from "../../src/ask/retrieval";
import { storedComment } from "../support/ask";

const c = storedComment;

const comments = [
  c({ text: "Love this video, so inspiring!", sentiment: "positive", category: "appreciation", engagement: 30, likeCount: 120 }),
  c({ text: "What mic is that at 4:12? It sounds way better than the USB one.", category: "question", isQuestion: true, engagement: 20 }),
  c({ text: "The audio is too quiet in the second half, I had to max my volume.", sentiment: "negative", category: "criticism", engagement: 12 }),
  c({ text: "Which audio interface did you end up with, the Scarlett or the MOTU?", category: "question", isQuestion: true, engagement: 8 }),
  c({ text: "Please make a follow-up on treating the ceiling, mine is echoey.", category: "request", engagement: 9 }),
  c({ text: "The lighting looks amazing, the softbox was a great choice.", sentiment: "positive", category: "appreciation", engagement: 6 }),
  c({ text: "Terrible audio, I could barely hear the voice over the fan noise.", sentiment: "negative", category: "criticism", engagement: 4 }),
  c({ text: "BUY CHEAP FOLLOWERS audio audio audio mic mic", category: "spam", engagement: 50 }),
  c({ text: "audio interface mic", sentiment: "neutral", category: "other", blocked: true, engagement: 50 }),
  c({ text: "First!", category: "other", engagement: 0 }),
];

describe("ask/retrieval", () => {
  it("terms: lower-cased, stemmed content words, numbers kept, function words out", () => {
    expect(terms("What MICS are you using at 4:12?")).to.deep.equal(["mic", "using", "12"]);
    expect(terms("The panels were recorded")).to.deep.equal(["panel", "record"]);
    expect(stem("recording")).to.equal(stem("recorded"));
    expect(stem("panels")).to.equal("panel");
    expect(stem("studies")).to.equal("study");
    expect(stem("getting")).to.equal("get");
    // Meta words of a question about comments are not what it is about.
    expect(terms("What do viewers think about the audio in the video?", true)).to.deep.equal(["audio"]);
  });

  it("ranks the comments that share the question's rare words first, not the first N stored", () => {
    const top = retrieve("What do viewers say about the audio?", comments, { k: 3, filter: "all" });
    const texts = top.map((r) => r.comment.text);
    expect(texts[0]).to.match(/audio/i);
    expect(texts.slice(0, 3).filter((t) => /audio/i.test(t))).to.have.length(3);
    expect(top[0].lexical).to.equal(1);
    // The most liked comment does not mention audio: it is not in the top 3.
    expect(texts).to.not.include(comments[0].text);
  });

  it("never returns spam or comments the provider refused, however well they match", () => {
    const all = retrieve("audio interface mic", comments, { k: 100, filter: "all" });
    const ids = all.map((r) => r.comment.id);
    expect(ids).to.not.include(comments[7].id);
    expect(ids).to.not.include(comments[8].id);
    expect(all).to.have.length(comments.length - 2);
  });

  it("breaks lexical ties by engagement", () => {
    const a = c({ text: "the ceiling is echoey", engagement: 2 });
    const b = c({ text: "the ceiling is echoey", engagement: 40 });
    const top = retrieve("ceiling", [a, b], { k: 2, filter: "all" });
    expect(top.map((r) => r.comment.id)).to.deep.equal([b.id, a.id]);
  });

  it("an open question with no matching word falls back to engagement, and intent words favour their category", () => {
    const open = retrieve("How is it going overall?", comments, { k: 2, filter: "all" });
    expect(open[0].comment.id).to.equal(comments[0].id); // most engaged usable comment
    expect(intentCategories("What are people asking most?")).to.deep.equal(["question"]);
    const asking = retrieve("What are people asking most?", comments, { k: 2, filter: "all" });
    expect(asking.map((r) => r.comment.category)).to.deep.equal(["question", "question"]);
  });

  // Read on real comments (tools/eval/readout.ts): "reply" and "next" matched "please reply me back asap" and
  // "the view count the next hour" instead of what the creator asked for.
  it("'which comments should I reply to first?' and 'what do viewers want next?' ask for kinds of comment, not for their words", () => {
    expect(intentCategories("Which comments should I reply to first?")).to.have.members(["question", "request", "criticism"]);
    expect(intentCategories("What do viewers want next?")).to.have.members(["request", "suggestion"]);
    const chatter = [
      c({ text: "Thank you a lot for your reply, first time I got one!", category: "appreciation", engagement: 25 }),
      c({ text: "now its 1,884,034,783 views! comment the view count the next hour", category: "other", engagement: 25 }),
      ...comments,
    ];
    const reply = retrieve("Which comments should I reply to first?", chatter, { k: 3, filter: "all" });
    expect(reply.map((r) => r.comment.category)).to.not.include.members(["appreciation", "other"]);
    expect(reply[0].lexical).to.equal(0);
    const next = retrieve("What do viewers want next?", chatter, { k: 1, filter: "all" });
    expect(next[0].comment.category).to.equal("request");
  });

  it("a terse follow-up borrows the previous question's words", () => {
    const alone = retrieve("and why?", comments, { k: 1, filter: "all" });
    const followUp = retrieve("and why?", comments, { k: 2, filter: "all", earlierQuestions: ["Why do people complain about the audio?"] });
    expect(alone[0].lexical).to.equal(0);
    expect(followUp[0].comment.text).to.match(/audio/i);
  });

  it("filters: negative/positive by stored sentiment, questions by category or flag, feedback by category", () => {
    const negative = retrieve("audio", comments, { k: 50, filter: "negative" });
    expect(negative.length).to.equal(2);
    expect(negative.every((r) => r.comment.sentiment === "negative")).to.equal(true);
    const positive = retrieve("audio", comments, { k: 50, filter: "positive" });
    expect(positive.every((r) => r.comment.sentiment === "positive")).to.equal(true);
    expect(positive).to.have.length(2);

    // Questions are what the analysis classified as questions, as in the report and the inbox: a "?" alone is not one.
    const flagged = c({ text: "who else is here in 2025?", isQuestion: true, category: "discussion" });
    expect(matchesFilter(flagged, "questions")).to.equal(false);
    expect(matchesFilter(c({ text: "how do you mount them", isQuestion: false, category: "question" }), "questions")).to.equal(true);
    expect(matchesFilter(c({ text: "x?", isQuestion: true, category: "spam" }), "questions")).to.equal(false);
    const feedback = retrieve("anything", comments, { k: 50, filter: "feedback" });
    expect(feedback.map((r) => r.comment.category).sort()).to.deep.equal(["criticism", "criticism", "request"]);
  });

  it("keeps at most k, and an empty pool gives nothing", () => {
    expect(retrieve("audio", comments, { k: 2, filter: "all" })).to.have.length(2);
    expect(retrieve("audio", [], { k: 5, filter: "all" })).to.deep.equal([]);
    expect(retrieve("audio", comments, { k: 0, filter: "all" })).to.deep.equal([]);
  });

  it("retrieves from thousands of comments by content, not position", () => {
    const filler = Array.from({ length: 3_000 }, (_, i) => c({ text: `Great video number ${i}, keep it up`, engagement: 25 }));
    const needle = c({ text: "Does the Scarlett Solo work on Linux without extra drivers?", category: "question", engagement: 1 });
    const top = retrieve("Does it work on Linux?", [...filler, needle], { k: 30, filter: "all" });
    expect(top[0].comment.id).to.equal(needle.id);
  });
});
