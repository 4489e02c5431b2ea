// getChannelOverview and getTopCommenters read a bounded number of documents
// per call, whatever the channel's size: measured on 10,000 synced comments
// (30 videos, 90 days, 4,000 commenters) written through the sync's own
// aggregate commits.
import { expect } from "chai";
import { db } from "../../src/core/firebase";
import type { SyncedComment } from "../../src/domain/sync";
import { OPEN_QUESTIONS, VIDEOS_PER_PAGE, getChannelOverview, getTopCommenters } from "../../src/overview/service";
import { writeGroup } from "../../src/sync/aggregates";
import { GROUP_SIZE } from "../../src/sync/finalize";
import { resetFirestore } from "../support/emulators";

const uid = "reads-owner";
const CHANNEL = "UCreadsTest000000000000A";

function comment(i: number): SyncedComment {
  const day = 1 + (i % 90);
  const at = new Date(Date.UTC(2025, 0, day, i % 24, i % 60)).toISOString();
  return {
    commentId: `rc${i}`,
    uid,
    sourceId: `channel_${CHANNEL}`,
    channelId: CHANNEL,
    videoId: `readvid${String(i % 30).padStart(4, "0")}`,
    parentId: null,
    text: i % 7 === 0 ? `Question number ${i}: how does this work?` : `Comment ${i}`,
    authorName: `@fan${i % 4000}`,
    authorChannelId: `UCfan${String(i % 4000).padStart(19, "0")}`,
    publishedAt: at,
    likeCount: i % 13,
    replyCount: 0,
    byOwner: false,
    answeredByOwner: i % 11 === 0,
    spamReason: null,
    language: null,
    labels: { sentiment: i % 3 === 0 ? "negative" : "positive", score: i % 3 === 0 ? -0.5 : 0.5, category: i % 7 === 0 ? "question" : "appreciation", toxic: i % 50 === 0, isQuestion: i % 7 === 0, blocked: false },
    runId: "seed",
  };
}

describe("channel view reads", function () {
  this.timeout(300_000);

  before(async () => {
    await resetFirestore();
    const all = Array.from({ length: 10_000 }, (_, i) => comment(i)).sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1));
    const groups = [];
    for (let i = 0; i < all.length; i += GROUP_SIZE) groups.push(all.slice(i, i + GROUP_SIZE));
    // Four commits at a time: the same writes the sync finalize makes.
    for (let g = 0; g < groups.length; g += 4) {
      await Promise.all(
        groups.slice(g, g + 4).map(async (list) => {
          const batch = db().batch();
          writeGroup(db(), batch, list, { uid, sourceId: `channel_${CHANNEL}`, channelId: CHANNEL, titles: {}, now: new Date(), firstSeen: new Map() });
          await batch.commit();
        }),
      );
    }
  });

  it("the stored aggregates hold the 10,000 comments", async () => {
    const stats = await db().doc(`channel_stats/${uid}_${CHANNEL}`).get();
    expect(stats.get("comments")).to.equal(10_000);
  });

  it("getChannelOverview over 92 days reads at most one page of each aggregate", async () => {
    const overview = await getChannelOverview(db(), uid, { range: { from: "2025-01-01", to: "2025-04-02" }, granularity: "week" });
    expect(overview.periods.reduce((s, p) => s + p.comments, 0)).to.equal(10_000);
    expect(overview.videos).to.have.length(VIDEOS_PER_PAGE);
    expect(overview.documentsRead).to.be.at.most(92 * 2 + VIDEOS_PER_PAGE + OPEN_QUESTIONS);
    const next = await getChannelOverview(db(), uid, { range: { from: "2025-01-01", to: "2025-01-07" }, cursor: overview.nextCursor! });
    expect(next.videos).to.have.length(10);
    expect(next.documentsRead).to.be.at.most(7 * 2 + 1 + VIDEOS_PER_PAGE + OPEN_QUESTIONS);
  });

  it("getTopCommenters reads one page of commenters, most comments first", async () => {
    const top = await getTopCommenters(db(), uid, { limit: 20 });
    expect(top.documentsRead).to.equal(20);
    expect(top.commenters[0].comments).to.be.at.least(top.commenters[19].comments);
    expect(top.commenters[0].comments).to.equal(3); // 10,000 comments over 4,000 commenters
    const page2 = await getTopCommenters(db(), uid, { limit: 20, cursor: top.nextCursor! });
    expect(page2.documentsRead).to.equal(21);
    expect(page2.commenters.map((c) => c.authorChannelId)).to.not.include.members(top.commenters.map((c) => c.authorChannelId));
  });
});
