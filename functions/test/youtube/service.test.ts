// The YouTube service through the real @googleapis/youtube client against the
// stack's stand-in (real HTTP, real error bodies).
import { expect } from "chai";
import { HttpsError } from "firebase-functions/v2/https";
import { classify, toHttpsError } from "../../src/youtube/errors";
import { backoffDelay, DEFAULT_RETRY } from "../../src/youtube/retry";
import { UnitMeter } from "../../src/core/budgets/unitMeter";
import { parseIsoDuration } from "../../src/youtube/service";
import { FIXTURE_IDS, resetStandIn, standInStats, testService, unitsFor } from "../support/youtube";
import { rejectionOf } from "../support/functions";

const failure = (promise: Promise<unknown>) => rejectionOf(promise, HttpsError);

describe("youtube/service against the YouTube stand-in", () => {
  beforeEach(() => resetStandIn());

  it("getVideo maps videos.list to VideoMeta and spends one unit", async () => {
    const youtube = await testService();
    const { video, units } = await youtube.getVideo(FIXTURE_IDS.demo);
    expect(units).to.equal(1);
    expect(await unitsFor(FIXTURE_IDS.demo, "videos")).to.equal(1);
    expect(video).to.include({
      id: FIXTURE_IDS.demo,
      channelTitle: "Maya Makes Things",
      publishedAt: "2025-09-12T16:00:00Z",
      durationSeconds: 24 * 60 + 58,
      viewCount: 184_233,
      likeCount: 9_412,
      commentsDisabled: false,
      privacyStatus: "public",
      liveBroadcastContent: "none",
    });
    expect(video.title).to.match(/Home Studio/);
    expect(video.commentCount).to.be.greaterThan(250);
    expect(video.thumbnails.high).to.match(/^https:\/\/i\.ytimg\.com\/vi\/lentlyDemo1\//);
  });

  it("reads comments disabled from a missing statistics.commentCount", async () => {
    const { video } = await (await testService()).getVideo(FIXTURE_IDS.commentsDisabled);
    expect(video.commentsDisabled).to.equal(true);
    expect(video.commentCount).to.equal(0);
  });

  it("an unknown video: findVideo → null, getVideo → not-found (1 unit)", async () => {
    const youtube = await testService();
    expect((await youtube.findVideo(FIXTURE_IDS.notFound)).video).to.equal(null);
    const err = await failure(youtube.getVideo(FIXTURE_IDS.notFound));
    expect(err.code).to.equal("not-found");
    expect(err.message).to.contain(FIXTURE_IDS.notFound);
  });

  it("fetchCommentThreads follows nextPageToken up to the limit: 1,050 comments, limit 1,000 → 10 pages", async () => {
    const youtube = await testService();
    const page = await youtube.fetchCommentThreads(FIXTURE_IDS.pagination, { limit: 1_000 });
    expect(page.units).to.equal(10);
    expect(page.pages).to.equal(10);
    expect(page.comments).to.have.length(1_000);
    expect(page.nextPageToken).to.be.a("string");
    expect(new Set(page.comments.map((c) => c.id)).size).to.equal(1_000);
    expect(await unitsFor(FIXTURE_IDS.pagination, "commentThreads")).to.equal(10);
    const first = page.comments[0];
    expect(first.authorChannelId).to.match(/^UC/);
    expect(first.text).to.match(/note #\d+/);
    expect(first.publishedAt).to.match(/^\d{4}-\d\d-\d\dT/);
  });

  it("reads to the end when the limit is larger: 53 pages of ~20 in time order, no next token", async () => {
    const page = await (await testService()).fetchCommentThreads(FIXTURE_IDS.pagination, { limit: 5_000, order: "time" });
    expect(page.comments).to.have.length(1_050);
    expect(page.units).to.equal(53);
    expect(page.nextPageToken).to.equal(null);
    // order=time: newest first
    expect(page.comments[0].publishedAt >= page.comments[1].publishedAt).to.equal(true);
  });

  it("a limit inside a page returns exactly the limit and keeps the rest of the paid page as overflow", async () => {
    const page = await (await testService()).fetchCommentThreads(FIXTURE_IDS.pagination, { limit: 150 });
    expect(page.comments).to.have.length(150);
    expect(page.overflow).to.have.length(50);
    expect(page.units).to.equal(2);
    expect(page.nextPageToken).to.be.a("string");
  });

  it("a video without comments costs one page and returns none", async () => {
    const page = await (await testService()).fetchCommentThreads(FIXTURE_IDS.noComments, { limit: 100 });
    expect(page).to.deep.include({ comments: [], overflow: [], units: 1, nextPageToken: null });
  });

  const mapped: Array<{ id: string; code: string; message: RegExp; details?: Record<string, unknown> }> = [
    { id: FIXTURE_IDS.notFound, code: "not-found", message: /was not found/ },
    { id: FIXTURE_IDS.commentsDisabled, code: "failed-precondition", message: /Comments are turned off/, details: { reason: "comments_disabled" } },
    { id: FIXTURE_IDS.commentsDisabledThreadsOnly, code: "failed-precondition", message: /Comments are turned off/ },
    { id: FIXTURE_IDS.private, code: "permission-denied", message: /private/ },
    { id: FIXTURE_IDS.forbidden, code: "permission-denied", message: /private or its comments are restricted/ },
    { id: FIXTURE_IDS.quotaExceeded, code: "resource-exhausted", message: /daily limit on Lently's side, not your plan/, details: { error: "youtube_quota_exceeded", quota: "youtube_daily" } },
    { id: FIXTURE_IDS.keyInvalid, code: "failed-precondition", message: /^YouTube API key is invalid or not configured/ },
    { id: FIXTURE_IDS.unavailable, code: "unavailable", message: /not responding/ },
  ];
  for (const { id, code, message, details } of mapped) {
    it(`commentThreads error for ${id} → ${code}`, async () => {
      const meter = new UnitMeter();
      const err = await failure((await testService()).fetchCommentThreads(id, { limit: 100, meter }));
      expect(err.code).to.equal(code);
      expect(err.message).to.match(message);
      if (details) expect(err.details).to.deep.include(details);
      // Failed calls cost units too, and the meter says so; 5xx are retried (4 attempts).
      const expected = code === "unavailable" ? DEFAULT_RETRY.attempts : 1;
      expect(meter.units).to.equal(expected);
      expect(await unitsFor(id, "commentThreads")).to.equal(expected);
    });
  }

  it("503 twice then ok: retried with backoff, every attempt counted", async () => {
    const delays: number[] = [];
    const youtube = await testService({ sleep: (ms) => (delays.push(ms), Promise.resolve()) });
    const { video, units } = await youtube.getVideo(FIXTURE_IDS.flaky);
    expect(video.id).to.equal(FIXTURE_IDS.flaky);
    expect(units).to.equal(3);
    expect(delays).to.have.length(2);
    // Equal jitter: retry n waits between half and all of base·2^(n-1).
    expect(delays[0]).to.be.within(DEFAULT_RETRY.baseDelayMs / 2, DEFAULT_RETRY.baseDelayMs);
    expect(delays[1]).to.be.within(DEFAULT_RETRY.baseDelayMs, DEFAULT_RETRY.baseDelayMs * 2);
    const page = await youtube.fetchCommentThreads(FIXTURE_IDS.flaky, { limit: 100 });
    expect(page.comments).to.have.length(30);
    expect(page.units).to.equal(3);
    const stats = await standInStats();
    expect(stats.byVideo[FIXTURE_IDS.flaky]).to.deep.equal({ videos: 3, commentThreads: 3 });
  });

  it("a wrong key → failed-precondition that never echoes the key (and the real 400 body is what came back)", async () => {
    const secret = "AIza-this-key-must-never-leak-0123456789";
    const err = await failure((await testService({ apiKey: secret })).getVideo(FIXTURE_IDS.demo));
    expect(err.code).to.equal("failed-precondition");
    expect(err.message).to.equal("YouTube API key is invalid or not configured on the server.");
    expect(JSON.stringify(err.toJSON())).not.to.contain(secret);
    expect(JSON.stringify(err.details)).not.to.contain(secret);
  });

  it("an empty key fails before any call (no unit spent)", async () => {
    const err = await failure(testService({ apiKey: "" }));
    expect(err.code).to.equal("failed-precondition");
    expect((await standInStats()).units).to.equal(0);
  });

  it("a network failure (nothing listening) is retried, then unavailable, with no unit counted", async () => {
    const { createYouTubeLists } = await import("../../src/youtube/client");
    const { YouTubeService } = await import("../../src/youtube/service");
    const api = await createYouTubeLists({ apiKey: "k", rootUrl: "http://127.0.0.1:9/" }); // port 9 (discard): refused
    const youtube = new YouTubeService(api, { sleep: () => Promise.resolve() });
    const meter = new UnitMeter();
    const err = await failure(youtube.getVideo("dQw4w9WgXcQ", meter));
    expect(err.code).to.equal("unavailable");
    expect(err.message).not.to.contain("127.0.0.1");
    expect(meter.units).to.equal(0);
  });
});

describe("youtube/errors and retry (pure)", () => {
  const gaxios = (status: number, error: unknown) => ({ response: { status, data: { error } }, config: { url: "https://x/?key=SECRET" } });

  it("classifies Google's error bodies", () => {
    expect(classify(gaxios(403, { code: 403, errors: [{ domain: "youtube.quota", reason: "quotaExceeded" }] })).kind).to.equal("quotaExceeded");
    expect(classify(gaxios(400, { code: 400, errors: [{ domain: "usageLimits", reason: "keyInvalid" }] })).kind).to.equal("keyInvalid");
    expect(classify(gaxios(400, { errors: [{ domain: "global", reason: "badRequest" }], details: [{ reason: "API_KEY_INVALID" }] })).kind).to.equal("keyInvalid");
    expect(classify(gaxios(403, { errors: [{ domain: "global", reason: "forbidden" }], status: "PERMISSION_DENIED" })).kind).to.equal("keyInvalid");
    expect(classify(gaxios(403, { errors: [{ domain: "youtube.commentThread", reason: "forbidden" }] })).kind).to.equal("forbidden");
    expect(classify(gaxios(403, { errors: [{ domain: "usageLimits", reason: "rateLimitExceeded" }] })).kind).to.equal("rateLimited");
    expect(classify(gaxios(429, {})).kind).to.equal("rateLimited");
    expect(classify(gaxios(500, { errors: [{ domain: "global", reason: "backendError" }] })).kind).to.equal("transient");
    expect(classify(gaxios(400, { errors: [{ domain: "youtube.parameter", reason: "invalidPageToken" }] })).kind).to.equal("invalidPageToken");
    expect(classify(Object.assign(new Error("request to https://x/?key=SECRET failed"), { code: "ECONNREFUSED" }))).to.deep.equal({ kind: "transient", network: "ECONNREFUSED" });
  });

  it("client-facing errors carry no library text", () => {
    for (const kind of ["notFound", "commentsDisabled", "forbidden", "quotaExceeded", "rateLimited", "keyInvalid", "transient", "badRequest", "unknown"] as const) {
      const err = toHttpsError({ kind, status: 400 }, { videoId: "abcdefghijk", attempts: 4 });
      expect(JSON.stringify(err.toJSON())).not.to.contain("SECRET");
      expect(err.message.length).to.be.greaterThan(10);
    }
  });

  it("backoff grows exponentially with jitter and is capped", () => {
    const policy = { attempts: 6, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(1, policy, () => 0)).to.equal(50);
    expect(backoffDelay(1, policy, () => 1)).to.equal(100);
    expect(backoffDelay(3, policy, () => 0)).to.equal(200);
    expect(backoffDelay(10, policy, () => 1)).to.equal(1_000);
  });

  it("parses ISO 8601 durations", () => {
    expect(parseIsoDuration("PT14M32S")).to.equal(872);
    expect(parseIsoDuration("PT1H")).to.equal(3600);
    expect(parseIsoDuration("P1DT2H3M4S")).to.equal(93_784);
    expect(parseIsoDuration("P0D")).to.equal(0);
    expect(parseIsoDuration("PT45S")).to.equal(45);
    expect(parseIsoDuration("garbage")).to.equal(0);
    expect(parseIsoDuration(undefined)).to.equal(0);
  });
});
