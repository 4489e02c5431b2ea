// The learned models beside the rules: toxicity, the spam model's removals,
// the needs-attention veto, and the demo video's themes and content ideas.
import { expect } from "chai";
import { buildDemoComments } from "../../../tools/standins/fixtures/demo-video";
import { analyzeCommentsLocally } from "../../src/ai/local/analyze";
import { LocalProvider } from "../../src/ai/local/provider";
import { isToxic } from "../../src/ai/local/toxicity";
import { analysisPrompt, analysisResponse, expandAnalysis } from "../../src/ai/prompts/analysis";
import { summarizeToxicity, withToxicityAction } from "../../src/ai/summaries";
import type { AnalysedComment, ClassificationSummary, SentimentSummary } from "../../src/ai/types";
import { matchesFilter } from "../../src/ask/retrieval";
import type { StoredComment } from "../../src/analysis/commentRecords";
import { filterComments } from "../../src/youtube/quality/filter";
import type { YouTubeComment } from "../../src/youtube/types";

const at = "2024-05-01T10:00:00Z";
const yt = (id: string, text: string, extra: Partial<YouTubeComment> = {}): YouTubeComment => ({
  id, author: `viewer ${id}`, text, likeCount: 0, replyCount: 0, publishedAt: at, updatedAt: at, ...extra,
});

describe("toxicity (local model)", () => {
  it("flags insults, slurs and threats aimed at people, not heated or critical comments", () => {
    expect(isToxic("You are a pathetic idiot, shut up")).to.equal(true);
    expect(isToxic("what a stupid bitch, go die")).to.equal(true);
    expect(isToxic("They should all be shot, every one of them")).to.equal(true);
    expect(isToxic("The audio was terrible in this one, please fix the mic")).to.equal(false);
    expect(isToxic("What mic is that at 4:12?")).to.equal(false);
    expect(isToxic("🔥🔥🔥")).to.equal(false);
  });

  it("is part of every local analysis and of the Gemini analysis schema", () => {
    const [a, b] = analyzeCommentsLocally([{ id: "c0", text: "you are a worthless moron" }, { id: "c1", text: "great video" }]);
    expect(a.toxic).to.equal(true);
    expect(b.toxic).to.equal(false);
    const prompt = analysisPrompt([{ id: "x", text: "hi" }], { id: "v", title: "t" });
    expect(prompt.schema.properties?.r.items?.properties?.t).to.deep.equal({ type: "BOOLEAN" });
    const parsed = analysisResponse.parse({ r: [{ i: 1, s: "neg", x: -0.9, e: [], c: "other", t: true }, { i: 2, s: "pos", x: 0.5, e: [], c: "other" }] });
    const expanded = expandAnalysis(parsed, [{ id: "a", text: "" }, { id: "b", text: "" }]);
    expect(expanded.get(0)?.toxic).to.equal(true);
    expect(expanded.get(1)?.toxic).to.equal(false);
  });

  it("is counted with cited examples, and a high share becomes a priority action", () => {
    const stored = Array.from({ length: 20 }, (_, i) => ({ id: `yt${i}`, text: `comment ${i}`, likeCount: i, toxic: i < 4, ...(i === 19 ? { blocked: true } : {}) }));
    const toxicity = summarizeToxicity(stored);
    expect(toxicity.count).to.equal(4);
    expect(toxicity.share).to.equal(Math.round((4 / 19) * 1000) / 1000);
    expect(toxicity.examples.map((e) => e.commentId)).to.deep.equal(["yt3", "yt2", "yt1", "yt0"]);
    const summary = withToxicityAction({ headline: "h", overview: "o", priorityActions: [{ action: "Answer questions", reason: "r", priority: "high", commentIds: [] }] }, toxicity);
    expect(summary.priorityActions[0].priority).to.equal("high");
    expect(summary.priorityActions[0].commentIds).to.deep.equal(["yt3", "yt2", "yt1", "yt0"]);
    const calm = summarizeToxicity(stored.map((c) => ({ ...c, toxic: c.id === "yt0" })));
    expect(withToxicityAction({ headline: "h", overview: "o", priorityActions: [] }, calm).priorityActions).to.deep.equal([]);
  });
});

describe("toxicity in Ask AI", () => {
  it("contextFilter toxic keeps only comments flagged toxic (an analysis stored before the flag has none)", () => {
    const base: StoredComment = {
      id: "y1", author: "a", text: "t", likeCount: 0, replyCount: 0, publishedAt: at, engagement: 0, isQuestion: false, isFeedback: false,
      sentiment: "negative", score: -0.8, emotions: [], category: "criticism",
    };
    expect(matchesFilter({ ...base, toxic: true }, "toxic")).to.equal(true);
    expect(matchesFilter({ ...base, toxic: false }, "toxic")).to.equal(false);
    expect(matchesFilter(base, "toxic")).to.equal(false);
  });
});

describe("spam: learned model beside the rules", () => {
  it("removes a reposted promotion no single rule catches, with a readable reason, and never the owner's comments", () => {
    const promo = "new music video out now, go give it a listen and tell me what u think, link on my page";
    const comments = [
      yt("a1", promo, { author: "promo", authorChannelId: "UCpromo" }),
      yt("a2", `${promo}!!`, { author: "promo", authorChannelId: "UCpromo" }),
      yt("o1", promo, { author: "owner", authorChannelId: "UCowner" }),
      yt("n1", "Please do a video on treating a room with high ceilings."),
      yt("n2", "You deserve way more subscribers, the quality here is insane"),
    ];
    const result = filterComments(comments, { channelId: "UCowner" });
    const removed = new Map(result.removed.map((r) => [r.comment.id, r]));
    expect(removed.has("o1")).to.equal(false);
    expect(removed.has("n1")).to.equal(false);
    expect(removed.has("n2")).to.equal(false);
    for (const id of ["a1", "a2"]) {
      expect(removed.get(id)?.reason, id).to.be.a("string");
      expect(removed.get(id)?.detail, id).to.have.length.greaterThan(5);
    }
  });
});

describe("demo video (lentlyDemo1): themes and content ideas", function () {
  this.timeout(60_000);
  let comments: AnalysedComment[] = [];
  let insights: Awaited<ReturnType<LocalProvider["generateInsights"]>>["value"];

  before(async () => {
    const raw = buildDemoComments().map((c) => yt(c.id, c.text, { author: c.author, likeCount: c.likeCount }));
    const kept = filterComments(raw).kept;
    const inputs = kept.map((c, i) => ({ id: `c${i}`, text: c.text, likeCount: c.likeCount }));
    const analyses = analyzeCommentsLocally(inputs);
    comments = inputs.map((c, i) => ({ ...c, ...analyses[i] }));
    const provider = new LocalProvider();
    insights = (await provider.generateInsights({ video: { id: "lentlyDemo1", title: "demo" }, comments, sentiment: {} as SentimentSummary, classification: {} as ClassificationSummary })).value;
  });

  const textOf = (id: string): string => comments.find((c) => c.id === id)?.text.toLowerCase() ?? "";

  it("names every theme by a noun phrase found verbatim in at least three of the comments it cites", () => {
    expect(insights.themes.length).to.be.greaterThan(2);
    for (const theme of insights.themes) {
      const verbatim = theme.commentIds.filter((id) => textOf(id).includes(theme.name.toLowerCase()));
      expect(verbatim.length, theme.name).to.be.at.least(3);
      expect(theme.name, "not a verb").to.not.match(/^(?:moved|worth|upgrading|explaining)\b/i);
    }
  });

  it("merges singular and plural into one theme", () => {
    const names = insights.themes.map((t) => t.name.toLowerCase().replace(/s$/, ""));
    expect(new Set(names).size).to.equal(names.length);
  });

  it("writes content ideas as titles grounded in the comments they cite, never a template around one keyword", () => {
    expect(insights.contentIdeas.length).to.be.greaterThan(1);
    for (const idea of insights.contentIdeas) {
      const words = idea.title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
      expect(words.length, idea.title).to.be.at.least(2);
      expect(idea.title).to.not.match(/^(?:a video on|explaining|improving|more on)\s+\S+$/i);
      const cited = idea.commentIds.map(textOf).join(" ");
      const grounded = words.filter((w) => cited.includes(w));
      expect(grounded.length, `${idea.title} grounded in its comments`).to.be.at.least(2);
    }
  });

  it("reads a solved problem as positive", () => {
    const update = comments.find((c) => /echo is almost gone/.test(c.text));
    expect(update?.sentiment).to.equal("positive");
  });
});
