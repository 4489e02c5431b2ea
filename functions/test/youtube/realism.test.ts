// What the real YouTube Data API does that a kind stand-in would hide, each a
// fixture video id or a stand-in control, driven through @googleapis/youtube:
// 20-thread pages for order=time, failures on page N of a listing, stale page
// tokens, short and empty pages with a nextPageToken, comments counted but held
// for review, authors without a channel id, processingFailure,
// rateLimitExceeded, a hung connection, private videos left out of videos.list,
// and plainText vs html text.
import { expect } from "chai";
import { HttpsError } from "firebase-functions/v2/https";
import { db } from "../../src/core/firebase";
import { YouTubeCache } from "../../src/youtube/cache";
import { checkVideo, getCommentsCached, loadVideoAndComments } from "../../src/youtube/ingest";
import { UnitMeter } from "../../src/core/budgets/unitMeter";
import { estimateCommentUnits } from "../../src/youtube/service";
import { resetFirestore } from "../support/emulators";
import { rejectionOf } from "../support/functions";
import { expirePageTokens, FIXTURE_IDS, recoverStandIn, resetStandIn, standInUrl, testService, unitsFor } from "../support/youtube";

const TTL = { videoMinutes: 60, commentsMinutes: 360 };
const T0 = new Date("2026-02-10T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const rejection = (promise: Promise<unknown>) => rejectionOf(promise, HttpsError);

describe("youtube: what the real API does (stand-in fixtures, real client)", function () {
  this.timeout(60_000);
  before(() => resetFirestore());
  beforeEach(() => resetStandIn());

  describe("page sizes", () => {
    it("order=time serves 20 threads a page even with maxResults=100; relevance serves 100; the estimates agree", async () => {
      const youtube = await testService();
      const time = await youtube.fetchCommentThreads(FIXTURE_IDS.pagination, { limit: 1_000, order: "time" });
      expect(time.comments).to.have.length(1_000);
      expect(time.pages).to.equal(50);
      expect(time.units).to.equal(estimateCommentUnits(1_000, "time"));
      const relevance = await youtube.fetchCommentThreads(FIXTURE_IDS.pagination, { limit: 1_000, order: "relevance" });
      expect(relevance.units).to.equal(10);
      expect(relevance.units).to.equal(estimateCommentUnits(1_000, "relevance"));
      expect(await unitsFor(FIXTURE_IDS.pagination, "commentThreads")).to.equal(60);
    });

    it("validateVideo's plan check estimates units per order from the plan's limit", async () => {
      const check = await checkVideo(db(), await testService(), { videoId: FIXTURE_IDS.pagination, plan: "starter", commentLimit: 1_500, now: T0, ttl: TTL });
      const threads = Math.min(check.commentCount, 1_500);
      expect(check.estimatedUnits).to.deep.equal({ relevance: 1 + Math.ceil(threads / 100), time: 1 + Math.ceil(threads / 20) });
      expect(check.estimatedUnits.time).to.be.greaterThan(4 * check.estimatedUnits.relevance);
    });
  });

  describe("failures mid-listing keep what was paid for", () => {
    for (const { id, code, units } of [
      { id: FIXTURE_IDS.quotaAtPage3, code: "resource-exhausted", units: 1 },
      { id: FIXTURE_IDS.outageAtPage3, code: "unavailable", units: 4 },
    ]) {
      it(`${id}: fails on page 3 saying how far it got; after recovery only the missing pages are paid for`, async () => {
        const youtube = await testService();
        const err = await rejection(loadVideoAndComments(db(), youtube, { videoId: id, limit: 1_000, now: T0, ttl: TTL }));
        expect(err.code).to.equal(code);
        expect(err.message).to.match(/fetched 200 comments \(2 pages\) before it stopped; they are saved/);
        expect(err.details).to.deep.include({ fetchedComments: 200, pagesFetched: 2 });
        expect(await unitsFor(id, "commentThreads")).to.equal(2 + units);
        const cached = await new YouTubeCache(db(), TTL).readComments(id, "relevance", minutes(1));
        expect(cached?.comments).to.have.length(200);
        expect(cached?.nextPageToken).to.be.a("string");

        await resetStandIn();
        await recoverStandIn();
        const again = await loadVideoAndComments(db(), youtube, { videoId: id, limit: 1_000, now: minutes(2), ttl: TTL });
        expect(again.comments).to.have.length(1_000);
        expect(new Set(again.comments.map((c) => c.id)).size).to.equal(1_000);
        expect(await unitsFor(id, "commentThreads")).to.equal(8); // pages 3..10
        expect(await unitsFor(id, "videos")).to.equal(0); // cached metadata
      });
    }

    it("an expired saved page token (a real one, gone stale) restarts the listing", async () => {
      const youtube = await testService();
      const videoId = FIXTURE_IDS.pagination;
      await getCommentsCached(db(), youtube, { videoId, limit: 100, order: "time", now: T0, ttl: TTL });
      await resetStandIn();
      await expirePageTokens();
      const longer = await getCommentsCached(db(), youtube, { videoId, limit: 200, order: "time", now: minutes(1), ttl: TTL });
      expect(longer.comments).to.have.length(200);
      expect(longer.units).to.equal(1 + 10); // the stale token's call, then 10 pages of 20
    });
  });

  describe("pages that are short, empty or missing", () => {
    it("short and empty pages with a nextPageToken are followed to the end", async () => {
      const page = await (await testService()).fetchCommentThreads(FIXTURE_IDS.sparsePages, { limit: 1_000 });
      expect(page.comments).to.have.length(150);
      expect(page.pages).to.equal(7);
      expect(page.nextPageToken).to.equal(null);
    });

    it("a run of empty pages whose token never advances stops after 5, keeping the token to resume", async () => {
      const page = await (await testService()).fetchCommentThreads(FIXTURE_IDS.emptyPages, { limit: 1_000 });
      expect(page.comments).to.have.length(10);
      expect(page.pages).to.equal(6);
      expect(page.nextPageToken).to.be.a("string");
      expect(await unitsFor(FIXTURE_IDS.emptyPages, "commentThreads")).to.equal(6);
    });

    it("comments counted but none listed (held for review): a clear failed-precondition, not 'no comments'", async () => {
      const err = await rejection(loadVideoAndComments(db(), await testService(), { videoId: FIXTURE_IDS.heldForReview, limit: 100, now: T0, ttl: TTL }));
      expect(err.code).to.equal("failed-precondition");
      expect(err.message).to.match(/counts 12 comments .* but shows none publicly yet/);
      expect(err.details).to.deep.include({ reason: "comments_not_visible", commentCount: 12 });
    });

    it("authors without a channel id are kept, cached and read back without the field", async () => {
      const loaded = await loadVideoAndComments(db(), await testService(), { videoId: FIXTURE_IDS.noAuthorChannel, limit: 100, now: T0, ttl: TTL });
      expect(loaded.comments).to.have.length(60);
      expect(loaded.comments.filter((c) => c.authorChannelId === undefined)).to.have.length(20);
      const again = await loadVideoAndComments(db(), await testService(), { videoId: FIXTURE_IDS.noAuthorChannel, limit: 100, now: minutes(1), ttl: TTL });
      expect(again.cacheHits.comments).to.equal(true);
      expect(again.comments.filter((c) => !("authorChannelId" in c))).to.have.length(20);
    });

    it("a private video is left out of videos.list: not found, and the message says it may be private", async () => {
      const youtube = await testService();
      expect((await youtube.findVideo(FIXTURE_IDS.private)).video).to.equal(null);
      const err = await rejection(youtube.getVideo(FIXTURE_IDS.private));
      expect(err.code).to.equal("not-found");
      expect(err.message).to.match(/or it is private/);
    });
  });

  describe("transient refusals and a hung connection", () => {
    it("400 processingFailure once is retried and the listing completes", async () => {
      const meter = new UnitMeter();
      const page = await (await testService()).fetchCommentThreads(FIXTURE_IDS.processingFailure, { limit: 100, meter });
      expect(page.comments).to.have.length(30);
      expect(meter.units).to.equal(2);
    });

    it("403 rateLimitExceeded twice is retried with backoff and the listing completes", async () => {
      const delays: number[] = [];
      const youtube = await testService({ sleep: (ms) => (delays.push(ms), Promise.resolve()) });
      const page = await youtube.fetchCommentThreads(FIXTURE_IDS.rateLimited, { limit: 100 });
      expect(page.comments).to.have.length(30);
      expect(delays).to.have.length(2);
      expect(await unitsFor(FIXTURE_IDS.rateLimited, "commentThreads")).to.equal(3);
    });

    it("a connection that never answers times out, is retried, then reported as unavailable at no unit", async () => {
      const youtube = await testService({ timeoutMs: 300, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
      const meter = new UnitMeter();
      const started = Date.now();
      const err = await rejection(youtube.fetchCommentThreads(FIXTURE_IDS.hangs, { limit: 100, meter }));
      expect(err.code).to.equal("unavailable");
      expect(err.message).to.match(/not responding right now \(tried 2 times\)/);
      expect(meter.units).to.equal(0);
      expect(Date.now() - started).to.be.within(500, 5_000);
    });
  });

  describe("text format", () => {
    it("Lently reads plainText: the text as typed (bare timestamps, raw links, no entities); html would carry anchors and entities", async () => {
      const loaded = await loadVideoAndComments(db(), await testService(), { videoId: FIXTURE_IDS.demo, limit: 300, now: T0, ttl: TTL });
      const withStamp = loaded.comments.find((c) => /\b\d{1,2}:\d{2}\b/.test(c.text));
      expect(withStamp, "a demo comment with a timestamp").to.not.equal(undefined);
      expect(withStamp!.text).to.not.match(/<a |&#39;|&amp;|<br>/);
      expect(loaded.comments.some((c) => c.text.includes("'"))).to.equal(true);
      const url = `${standInUrl()}/youtube/v3/commentThreads?part=snippet&videoId=${FIXTURE_IDS.demo}&maxResults=100&textFormat=html&key=${process.env.YOUTUBE_API_KEY}`;
      let html: string | undefined;
      for (let token = ""; html === undefined; ) {
        const body = (await (await fetch(`${url}${token ? `&pageToken=${token}` : ""}`)).json()) as {
          items: Array<{ id: string; snippet: { topLevelComment: { snippet: { textDisplay: string } } } }>;
          nextPageToken?: string;
        };
        html = body.items.find((t) => t.id === withStamp!.id)?.snippet.topLevelComment.snippet.textDisplay;
        if (html === undefined && !body.nextPageToken) break;
        token = body.nextPageToken ?? "";
      }
      expect(html).to.match(/<a href="https:\/\/www\.youtube\.com\/watch\?v=lentlyDemo1&amp;t=\d+">\d{1,2}:\d{2}<\/a>/);
    });
  });
});
