// The comments the local summary quotes: the critical comment must criticise the
// video or its creator, the comment to thank must thank or praise them. Read on
// the comment-concerns coding tutorial ABRP_5RYhqU, where "now who are the 16 …
// that disliked it" was the one critical comment quoted and "This explanation
// completely misses…" the comment to thank. Pure: no emulator.
import { expect } from "chai";
import { LocalProvider } from "../../src/ai/local/provider";
import { summarizeClassification, summarizeSentiment } from "../../src/ai/summaries";
import type { AnalysedComment, ExecutiveSummary } from "../../src/ai/types";

// From ABRP_5RYhqU, as written (the dataset strips punctuation); the rules read its "why would we" as a question,
// the model vetoed that, and its positive words made it appreciation.
const MISSES =
  "This explanation completely misses the core reasoning behind classes and Object Orientated Programming As confused commenters rightly ask if classes just bunch together functions why the hell would we bother using them " +
  "Why would we want the added annoyance of having to access functions through objects But objects are way more useful than this explanation suggests Far from the object being an annoying middle man the object is the core of the entire class system " +
  "Now that is a brilliantly simple and useful way of keeping track of each player their attributes and the things they can do and have done to them Of course thats just one illustration and I recommend people look elsewhere for more explanation";

type Row = [id: string, text: string, sentiment: AnalysedComment["sentiment"], category: AnalysedComment["category"], likeCount?: number, toxic?: boolean];
const made = (rows: Row[]): AnalysedComment[] =>
  rows.map(([id, text, sentiment, category, likeCount = 0, toxic = false]) => ({
    id, text, sentiment, category, likeCount, toxic, score: sentiment === "negative" ? -0.6 : sentiment === "positive" ? 0.6 : 0, emotions: [],
  }));

const video = { id: "v", title: "C++ classes", channelTitle: "thenewboston" };
const noInsights = { themes: [], contentIdeas: [], audience: { summary: "", interests: [] } };
async function summarize(comments: AnalysedComment[]): Promise<ExecutiveSummary> {
  const input = { video, comments, sentiment: summarizeSentiment(comments), classification: summarizeClassification(comments), insights: noInsights };
  return (await new LocalProvider().summarize(input)).value;
}
const actionOf = (s: ExecutiveSummary, re: RegExp) => s.priorityActions.find((a) => re.test(a.action));

describe("ai/local summary: the comments it quotes", () => {
  it("never quotes a comment about the viewers who disliked the video as criticism of it", async () => {
    const summary = await summarize(
      made([
        ["d1", "now who are the 16 idiots that disliked it", "negative", "criticism", 12, true],
        ["d2", "I don't know why everyone is disliking this, it's great", "negative", "criticism", 8],
        ["k1", "this explanation is confusing, you never say what a constructor is", "negative", "criticism", 2],
        ["a1", "thank you so much, great tutorial", "positive", "appreciation"],
      ]),
    );
    const critical = actionOf(summary, /critic/);
    expect(critical?.reason).to.match(/^1 comment criticises the video; the most liked says “this explanation is confusing/);
    expect(critical?.commentIds).to.deep.equal(["k1"]);
  });

  it("has no criticism action when no comment criticises the video", async () => {
    const summary = await summarize(
      made([
        ["d1", "now who are the 16 idiots that disliked it", "negative", "criticism", 0, true],
        ["a1", "thank you so much, great tutorial", "positive", "appreciation"],
      ]),
    );
    expect(summary.priorityActions.map((a) => `${a.action} ${a.reason}`).join(" ")).to.not.match(/critic|disliked/i);
  });

  it("thanks a comment that thanks or praises, never one that criticises or is negative", async () => {
    const summary = await summarize(
      made([
        ["m1", MISSES, "positive", "appreciation", 30],
        ["n1", "thanks for nothing, you wasted my evening", "negative", "appreciation", 20],
        ["t1", "You are a legend, i needed this for school", "positive", "appreciation", 10, true],
        ["a1", "Great tutorial, thank you! Classes finally make sense", "positive", "appreciation", 3],
        ["a2", "amazing!!", "positive", "appreciation", 5],
      ]),
    );
    const thanks = actionOf(summary, /^Thank/);
    expect(thanks?.reason).to.match(/a reply or a heart on “Great tutorial, thank you! Classes finally make sense” builds loyalty/);
    expect(thanks?.commentIds).to.deep.equal(["a1", "a2"]);
  });

  it("still counts every appreciative comment, and names none when none thanks or praises", async () => {
    const summary = await summarize(made([["m1", MISSES, "positive", "appreciation", 30]]));
    const thanks = actionOf(summary, /^Thank/);
    expect(thanks?.reason).to.not.include("This explanation");
    expect(thanks?.reason).to.match(/^1 comment expresses appreciation/);
  });
});
