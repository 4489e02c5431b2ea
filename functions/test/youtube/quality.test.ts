// Comment quality: spam verdicts with reasons, batch floods, low-value and
// question/feedback flags, ranking and robustness. Pure functions, no Firebase.
import { expect } from "chai";
import { detectSpam, filterComments, type FilterResult, type SpamReason } from "../../src/youtube/quality/filter";
import type { YouTubeComment } from "../../src/youtube/types";

const NOW = new Date("2024-06-01T12:00:00Z");
let seq = 0;

function comment(text: string, extra: Partial<YouTubeComment> = {}): YouTubeComment {
  seq += 1;
  return {
    id: `c${seq}`,
    author: `viewer${seq}`,
    text,
    likeCount: 0,
    replyCount: 0,
    publishedAt: "2024-06-01T10:00:00Z",
    updatedAt: "2024-06-01T10:00:00Z",
    ...extra,
  };
}

const reasonOf = (text: string): SpamReason | undefined => detectSpam(text).reason;

describe("detectSpam: one reason per kind of spam", () => {
  const cases: Array<[SpamReason, string]> = [
    ["link", "Best deals ever https://cheap-stuff.example.com/deal?id=42"],
    ["link", "get yours at kidsgadgets . com before they sell out"],
    ["link", "free ebook: bit ly/3xYz9"],
    ["self_promotion", "Check out my channel, I upload gaming videos every week!"],
    ["self_promotion", "please subscribe to me, I am trying to reach 1000 subs"],
    ["self_promotion", "If I get 500 subscribers I will shave my head"],
    ["sub4sub", "sub4sub anyone? comment and I will do it"],
    ["sub4sub", "Subscribe to me and I'll subscribe back!!"],
    ["like_bait", "Like this comment if you are watching in 2024"],
    ["promotion", "Everyone please vote for her at the awards, vote daily!"],
    ["promotion", "Sign the petition to bring the show back"],
    ["scam", "FREE ITUNES GIFT CARD CODES no survey needed"],
    ["scam", "I have been earning $60,000 returns from my $10,000 investment every 14 days"],
    ["contact", "For more info on trading signals message me on WhatsApp +1 555 123 4567"],
    ["bot_pattern", "Check out this video on YouTube:"],
  ];
  for (const [reason, text] of cases) {
    it(`${reason}: ${text.slice(0, 50)}`, () => {
      const verdict = detectSpam(text);
      expect(verdict.spam, JSON.stringify(verdict)).to.equal(true);
      expect(verdict.reason).to.equal(reason);
      expect(verdict.detail).to.be.a("string").and.not.equal("");
    });
  }

  it("sees through HTML, entities, look-alike letters and fullwidth forms", () => {
    expect(reasonOf("Hey guys<br />check out my channel &amp; enjoy")).to.equal("self_promotion");
    expect(reasonOf("сhесk оut my сhаnnеl")).to.equal("self_promotion"); // Cyrillic с, е, о, а
    expect(reasonOf("ｓｕｂｓｃｒｉｂｅ ｔｏ ｍｅ")).to.equal("self_promotion");
    expect(reasonOf("visit my site\u200b.\u200bcom/promo")).to.equal("link");
  });

  it("leaves innocuous mentions of subscribing, channels and this video alone", () => {
    const legit = [
      "I just subscribed, this video is amazing",
      "Subscribed! Keep it up",
      "This video deserves way more views",
      "I'm a singer and this song gives me chills every time",
      "Who's still watching in 2024?",
      "Like if you agree that the bridge is the best part",
      "Check the views, 2 billion already",
      "Thanks for the tutorial! I'll subscribe for more",
      "I came here from the channel trailer, loved it",
      "It's on sale at amazon.com for 269 right now, great tablet for the price and battery lasts two days",
      "The link in the description doesn't work anymore",
      "You should make a video about React hooks",
    ];
    for (const text of legit) expect(detectSpam(text).spam, text).to.equal(false);
  });
});

describe("filterComments", () => {
  it("removes a copy-paste flood posted by several accounts, but not common short praise", () => {
    const pasted = "Let's just appreciate how they always manage to put a smile on our faces whenever we feel down!";
    const result = filterComments(
      [
        comment(`*12:01* ${pasted}`, { author: "bot1" }),
        comment(pasted, { author: "bot2" }),
        comment(`${pasted} 😀`, { author: "bot3" }),
        comment("I love this song so much", { author: "fan1" }),
        comment("I love this song so much", { author: "fan2" }),
        comment("I love this song so much", { author: "fan3" }),
      ],
      { now: NOW },
    );
    expect(result.removed).to.have.length(3);
    for (const r of result.removed) {
      expect(r.reason).to.equal("duplicate_flood");
      expect(r.detail).to.match(/3× by 3 author/);
    }
    expect(result.kept.map((c) => c.author).sort()).to.deep.equal(["fan1", "fan2", "fan3"]);
  });

  it("removes a long text one author posts repeatedly", () => {
    const text = "Honestly this is the best thing I have seen all year and I will keep coming back to it forever";
    const result = filterComments([comment(text, { author: "same" }), comment(text, { author: "same" }), comment("nice video")], { now: NOW });
    expect(result.removed.map((r) => r.reason)).to.deep.equal(["duplicate_flood", "duplicate_flood"]);
  });

  it("flags emoji-only and near-empty comments as low value, keeps them, ranks them last", () => {
    const emoji = comment("😂😂😂🔥", { likeCount: 5 });
    const dots = comment("...", { likeCount: 5 });
    const real = comment("The mixing on the chorus is so much cleaner than the live version", { likeCount: 5 });
    const result = filterComments([emoji, dots, real], { now: NOW });
    expect(result.removed).to.have.length(0);
    expect(detectSpam(emoji.text).spam).to.equal(false);
    const byId = new Map(result.kept.map((c) => [c.id, c]));
    expect(byId.get(emoji.id)?.lowValue).to.equal(true);
    expect(byId.get(dots.id)?.lowValue).to.equal(true);
    expect(byId.get(real.id)?.lowValue).to.equal(false);
    expect(result.kept[0].id).to.equal(real.id);
    expect(result.counts.lowValue).to.equal(2);
  });

  it("flags questions and feedback and ranks them above plain praise with equal likes", () => {
    const praise = comment("Great video, love it so much, really great", { likeCount: 3 });
    const question = comment("How did you make the intro animation", { likeCount: 3 });
    const feedback = comment("Next video you should cover the new API changes", { likeCount: 3 });
    const result = filterComments([praise, question, feedback], { now: NOW });
    const byId = new Map(result.kept.map((c) => [c.id, c]));
    expect(byId.get(question.id)?.isQuestion).to.equal(true);
    expect(byId.get(praise.id)?.isQuestion).to.equal(false);
    expect(byId.get(feedback.id)?.isFeedback).to.equal(true);
    const order = result.kept.map((c) => c.id);
    expect(order.indexOf(question.id)).to.be.lessThan(order.indexOf(praise.id));
    expect(order.indexOf(feedback.id)).to.be.lessThan(order.indexOf(praise.id));
  });

  it("orders by engagement: likes (log-scaled), replies, then recency", () => {
    const text = "Solid explanation of the topic, thanks";
    const few = comment(text, { likeCount: 1 });
    const many = comment(text, { likeCount: 1000 });
    const some = comment(text, { likeCount: 10 });
    const discussed = comment(text, { likeCount: 10, replyCount: 8 });
    const old = comment(text, { likeCount: 10, publishedAt: "2023-01-01T00:00:00Z" });
    const result = filterComments([few, many, some, discussed, old], { now: NOW });
    expect(result.kept.map((c) => c.id)).to.deep.equal([many.id, discussed.id, some.id, old.id, few.id]);
    for (let i = 1; i < result.kept.length; i++) expect(result.kept[i - 1].engagement).to.be.at.least(result.kept[i].engagement);
    // Log scale: 1,000 likes is not worth 100 times 10 likes.
    const score = (id: string): number => result.kept.find((c) => c.id === id)?.engagement ?? NaN;
    expect(score(many.id)).to.be.lessThan(4 * score(some.id));
  });

  it("is deterministic given `now`, and recency depends on it", () => {
    const batch = [comment("First thoughts on the new update, mostly positive"), comment("Second opinion: the pacing felt slow")];
    const a = filterComments(batch, { now: NOW });
    const b = filterComments(batch, { now: NOW });
    expect(b).to.deep.equal(a);
    const later = filterComments(batch, { now: new Date("2024-09-01T00:00:00Z") });
    expect(later.kept[0].engagement).to.be.lessThan(a.kept[0].engagement);
  });

  it("counts add up", () => {
    const result: FilterResult = filterComments(
      [
        comment("Check out my channel for more!"),
        comment("https://spam.example.com/win"),
        comment("sub4sub"),
        comment("👍"),
        comment("Loved the part about caching, very clear"),
        comment("Is there a part 2?"),
      ],
      { now: NOW },
    );
    const { counts } = result;
    expect(counts.total).to.equal(6);
    expect(counts.kept + counts.removed).to.equal(counts.total);
    expect(counts.kept).to.equal(result.kept.length);
    expect(counts.removed).to.equal(result.removed.length);
    expect(Object.values(counts.byReason).reduce((a, b) => a + b, 0)).to.equal(counts.removed);
    expect(counts.lowValue).to.equal(result.kept.filter((c) => c.lowValue).length);
    expect(counts.byReason.link).to.equal(1);
    expect(counts.byReason.sub4sub).to.equal(1);
    expect(counts.byReason.self_promotion).to.equal(1);
    for (const r of result.removed) expect(r.detail).to.be.a("string").and.not.equal("");
  });

  it("keeps links to the video itself and the channel owner's own comments", () => {
    const share = comment("Official Video: https://youtu.be/AbCdEfGhIjK love it");
    const stamp = comment('<a href="https://www.youtube.com/watch?v=AbCdEfGhIjK&amp;t=2m19s">2:19</a> best part');
    const other = comment("watch mine https://youtu.be/ZZZZZZZZZZZ");
    const owner = comment("Thanks for watching! Subscribe and check my merch https://shop.example.com", { authorChannelId: "UCowner" });
    const result = filterComments([share, stamp, other, owner], { now: NOW, videoId: "AbCdEfGhIjK", channelId: "UCowner" });
    expect(result.removed.map((r) => r.comment.id)).to.deep.equal([other.id]);
    // Without the id, the video most linked by distinct viewers is taken to be this one.
    const inferred = filterComments([share, stamp, other], { now: NOW });
    expect(inferred.removed.map((r) => r.comment.id)).to.deep.equal([other.id]);
  });

  it("never throws on empty, odd or huge input, and judges a big batch whole", () => {
    const odd = [
      "",
      "   ",
      "\u200b\u200b",
      "\ud83d", // lone surrogate
      "e\u0301\u0301\u0301",
      "مرحبا بالجميع، هذا رائع",
      "👨‍👩‍👧‍👦".repeat(1000),
      "a.".repeat(50_000),
      "subscribe ".repeat(100_000),
      "<a href=\"".repeat(10_000),
      "&#x1F600;&#99999999;&bogus;",
    ];
    const batch = odd.map((text) => comment(text, { likeCount: Number.NaN, publishedAt: "not a date" }));
    // Text the type promises but a caller may not deliver.
    batch.push(comment(undefined as unknown as string));
    expect(() => filterComments(batch, { now: NOW })).to.not.throw();
    for (const text of odd) expect(() => detectSpam(text)).to.not.throw();
    expect(filterComments([]).counts).to.deep.include({ total: 0, kept: 0, removed: 0, lowValue: 0 });

    const many: YouTubeComment[] = [];
    for (let i = 0; i < 5_000; i++) {
      many.push(comment(i % 10 === 0 ? `check out my channel number ${i}` : `Comment ${i}: the part at ${i % 60}:00 was great, why did it end?`));
    }
    // Its speed is a benchmark figure (`npm run bench`: filterCommentsPerSecond), not a timed test.
    const result = filterComments(many, { now: NOW });
    expect(result.counts.removed).to.equal(500);
    expect(result.counts.kept).to.equal(4_500);
  });
});
