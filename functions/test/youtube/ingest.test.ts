// Ingestion through the Firestore cache (emulator) and the YouTube stand-in:
// units are asserted twice, from the returned count and from the stand-in's
// own request counter.
import { expect } from "chai";
import { HttpsError } from "firebase-functions/v2/https";
import { db } from "../../src/core/firebase";
import { chunkByBytes } from "../../src/core/chunking";
import { YouTubeCache } from "../../src/youtube/cache";
import { checkVideo, getCommentsCached, loadVideoAndComments } from "../../src/youtube/ingest";
import type { YouTubeComment } from "../../src/youtube/types";
import { resetFirestore } from "../support/emulators";
import { FIXTURE_IDS, resetStandIn, standInStats, testService, unitsFor } from "../support/youtube";
import { rejectionOf } from "../support/functions";

const TTL = { videoMinutes: 60, commentsMinutes: 360 };
const T0 = new Date("2026-01-15T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, HttpsError);

describe("youtube/ingest: cache + YouTube + quality filter", function () {
  this.timeout(60_000);

  before(() => resetFirestore());
  beforeEach(() => resetStandIn());

  describe("pagination and the cache window (1,050 comments, limit 1,000)", () => {
    const videoId = FIXTURE_IDS.pagination;

    it("first load spends exactly 1 videos unit + 10 commentThreads units and returns 1,000 comments", async () => {
      const loaded = await loadVideoAndComments(db(), await testService(), { videoId, limit: 1_000, now: T0, ttl: TTL });
      expect(loaded.youtubeUnits).to.equal(11);
      expect(loaded.comments).to.have.length(1_000);
      expect(loaded.truncated).to.equal(true);
      expect(loaded.cacheHits).to.deep.equal({ video: false, comments: false });
      expect(loaded.filtered.counts.total).to.equal(1_000);
      expect(loaded.firestoreOps.writes).to.be.greaterThan(1);
      const stats = await standInStats();
      expect(stats.byVideo[videoId]).to.deep.equal({ videos: 1, commentThreads: 10 });
      expect(stats.units).to.equal(11);
    });

    it("a repeat inside the window spends 0 units and returns the same comments", async () => {
      const first = await loadVideoAndComments(db(), await testService(), { videoId, limit: 1_000, now: minutes(5), ttl: TTL });
      expect(first.youtubeUnits).to.equal(0);
      expect(first.cacheHits).to.deep.equal({ video: true, comments: true });
      expect(first.comments).to.have.length(1_000);
      expect(first.truncated).to.equal(true);
      expect((await standInStats()).units).to.equal(0);
      // A smaller limit is served from the same list.
      const smaller = await loadVideoAndComments(db(), await testService(), { videoId, limit: 100, now: minutes(30), ttl: TTL });
      expect(smaller.youtubeUnits).to.equal(0);
      expect(smaller.comments.map((c) => c.id)).to.deep.equal(first.comments.slice(0, 100).map((c) => c.id));
      expect((await standInStats()).units).to.equal(0);
    });

    it("an expired video entry refetches the video only (1 unit); expired comments refetch their pages", async () => {
      const videoExpired = await loadVideoAndComments(db(), await testService(), { videoId, limit: 1_000, now: minutes(61), ttl: TTL });
      expect(videoExpired.youtubeUnits).to.equal(1);
      expect(videoExpired.cacheHits).to.deep.equal({ video: false, comments: true });
      expect(await unitsFor(videoId, "videos")).to.equal(1);
      expect(await unitsFor(videoId, "commentThreads")).to.equal(0);

      const allExpired = await loadVideoAndComments(db(), await testService(), { videoId, limit: 1_000, now: minutes(361), ttl: TTL });
      expect(allExpired.youtubeUnits).to.equal(11);
      expect(allExpired.cacheHits).to.deep.equal({ video: false, comments: false });
      expect((await standInStats()).byVideo[videoId]).to.deep.equal({ videos: 2, commentThreads: 10 });
    });
  });

  it("a longer list extends the cached one from its saved page token, paying only the new pages", async () => {
    const videoId = FIXTURE_IDS.demo;
    const youtube = await testService();
    const first = await getCommentsCached(db(), youtube, { videoId, limit: 100, now: T0, ttl: TTL });
    expect(first).to.deep.include({ units: 1, cacheHit: false, truncated: true });
    const more = await getCommentsCached(db(), youtube, { videoId, limit: 250, now: minutes(1), ttl: TTL });
    expect(more.units).to.equal(2); // pages 2 and 3; page 3 is the last
    expect(more.comments).to.have.length(250);
    expect(more.comments.slice(0, 100).map((c) => c.id)).to.deep.equal(first.comments.map((c) => c.id));
    expect(new Set(more.comments.map((c) => c.id)).size).to.equal(250);
    // The list now reached the end: any larger limit is a cache hit.
    const all = await getCommentsCached(db(), youtube, { videoId, limit: 10_000, now: minutes(2), ttl: TTL });
    expect(all).to.deep.include({ units: 0, cacheHit: true, truncated: false });
    expect(all.comments.length).to.be.within(251, 299);
    expect(await unitsFor(videoId, "commentThreads")).to.equal(3);
  });

  it("a stale saved page token (400 invalidPageToken) restarts the listing", async () => {
    const videoId = FIXTURE_IDS.flaky.replace(/02$/, "00"); // flaky503x00: never fails, 30 comments
    const cache = new YouTubeCache(db(), TTL);
    const stub: YouTubeComment = { id: "stale1", author: "@a", text: "old", likeCount: 0, replyCount: 0, publishedAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z" };
    await cache.writeComments(videoId, "relevance", { comments: [stub], nextPageToken: "not-a-real-token" }, T0);
    const result = await getCommentsCached(db(), await testService(), { videoId, limit: 100, now: minutes(1), ttl: TTL });
    expect(result.units).to.equal(2); // the rejected token's call, then one fresh page
    expect(result.comments).to.have.length(30);
    expect(result.comments.map((c) => c.id)).not.to.include("stale1");
  });

  it("chunks large comment lists under the document limit and reads them back intact", async () => {
    const big: YouTubeComment[] = Array.from({ length: 400 }, (_, i) => ({
      id: `big${i}`,
      author: `@author${i}`,
      authorChannelId: i % 2 ? `UC${i}` : undefined,
      text: `${"ü".repeat(4_000)} ${i}`, // ~8 KB of UTF-8 each, ~3.2 MB in all
      likeCount: i,
      replyCount: 0,
      publishedAt: "2025-01-01T00:00:00Z",
      updatedAt: "2025-01-01T00:00:00Z",
    }));
    const chunks = chunkByBytes(big);
    expect(chunks.length).to.be.at.least(5);
    for (const chunk of chunks) expect(Buffer.byteLength(JSON.stringify(chunk))).to.be.below(1_000_000);
    expect(chunks.flat()).to.have.length(400);

    const cache = new YouTubeCache(db(), TTL);
    await cache.writeComments("bigvideo001", "time", { comments: big, nextPageToken: null }, T0);
    const read = await cache.readComments("bigvideo001", "time", minutes(1));
    expect(read?.comments).to.have.length(400);
    expect(read?.comments[399].text).to.equal(big[399].text);
    expect(read?.comments[1].authorChannelId).to.equal("UC1");
    expect(read?.comments[0]).not.to.have.property("authorChannelId");
    expect(await cache.readComments("bigvideo001", "time", minutes(361))).to.equal(null);
    // Rewriting replaces the previous generation's chunks.
    await cache.writeComments("bigvideo001", "time", { comments: big.slice(0, 3), nextPageToken: null }, minutes(2));
    const docs = await db().collection("cache").where("videoId", "==", "bigvideo001").get();
    expect(docs.size).to.equal(2); // head + one chunk
  });

  it("a private video (left out of videos.list, as YouTube does for an API key) is refused before any comment call", async () => {
    const err = await rejection(loadVideoAndComments(db(), await testService(), { videoId: FIXTURE_IDS.private, limit: 100, now: T0, ttl: TTL }));
    expect(err.code).to.equal("not-found");
    expect(err.message).to.match(/or it is private/);
    expect(await unitsFor(FIXTURE_IDS.private, "commentThreads")).to.equal(0);
  });

  it("comments off (count hidden) is refused from the metadata alone", async () => {
    const err = await rejection(loadVideoAndComments(db(), await testService(), { videoId: FIXTURE_IDS.commentsDisabled, limit: 100, now: T0, ttl: TTL }));
    expect(err.code).to.equal("failed-precondition");
    expect(await unitsFor(FIXTURE_IDS.commentsDisabled, "commentThreads")).to.equal(0);
  });

  it("comments off found by commentThreads (made-for-kids) is remembered in the cached metadata", async () => {
    const videoId = FIXTURE_IDS.commentsDisabledThreadsOnly;
    const youtube = await testService();
    const err = await rejection(loadVideoAndComments(db(), youtube, { videoId, limit: 100, now: T0, ttl: TTL }));
    expect(err.code).to.equal("failed-precondition");
    const check = await checkVideo(db(), youtube, { videoId, now: minutes(1), ttl: TTL, plan: "free", commentLimit: 100 });
    expect(check).to.deep.include({ exists: true, commentsEnabled: false, canAnalyze: false, youtubeUnits: 0, cached: true });
  });

  it("never removes the channel owner's own comments, even with links a viewer's copy is removed for", async () => {
    const loaded = await loadVideoAndComments(db(), await testService(), { videoId: FIXTURE_IDS.ownerLinks, limit: 100, now: T0, ttl: TTL });
    expect(loaded.filtered.kept.map((c) => c.id)).to.include("UgOwnerPinned01");
    expect(loaded.filtered.removed.map((r) => r.comment.id)).to.include("UgViewerCopy001");
  });

  it("filters the demo video: spam removed with reasons, the rest ranked by engagement", async () => {
    const loaded = await loadVideoAndComments(db(), await testService(), { videoId: FIXTURE_IDS.demo, limit: 1_000, now: T0, ttl: TTL });
    const { counts, kept, removed } = loaded.filtered;
    expect(counts.total).to.equal(loaded.comments.length);
    expect(counts.removed).to.be.greaterThan(10);
    expect(removed.every((r) => r.reason && r.detail)).to.equal(true);
    for (let i = 1; i < kept.length; i++) expect(kept[i - 1].engagement).to.be.at.least(kept[i].engagement);
    expect(loaded.truncated).to.equal(false);
  });
});
