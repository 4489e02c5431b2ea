// The YouTube callables in-process (firebase-functions-test), on the emulators
// and the stack's YouTube stand-in.
import { expect } from "chai";
import type { CallableFunction } from "firebase-functions/v2/https";
import { db } from "../../src/core/firebase";
import { PLANS } from "../../src/domain/plans";
import { fetchComments, getVideo, validateVideo } from "../../src/youtube/functions";
import { resetFirestore } from "../support/emulators";
import { call, callError } from "../support/functions";
import { FIXTURE_IDS, resetStandIn, standInStats } from "../support/youtube";

interface FetchResult {
  comments: Array<{ id: string; engagement: number; lowValue: boolean }>;
  counts: { fetched: number; kept: number; removed: number; lowValue: number; returned: number; byReason: Record<string, number> };
  limit: { plan: string; commentsPerVideo: number; requested: number | null; applied: number; truncated: boolean; truncatedByPlan: boolean };
  youtubeUnits: number;
  cached: { video: boolean; comments: boolean };
}

describe("youtube callables (in-process)", function () {
  this.timeout(60_000);
  const free = { uid: "yt-free-user" };
  const starter = { uid: "yt-starter-user" };

  before(async () => {
    await resetFirestore();
    await db().doc(`users/${starter.uid}`).set({ uid: starter.uid, plan: "starter" });
  });
  beforeEach(() => resetStandIn());

  const callables: Array<[string, CallableFunction<unknown, unknown>]> = [
    ["getVideo", getVideo],
    ["validateVideo", validateVideo],
    ["fetchComments", fetchComments],
  ];
  for (const [name, fn] of callables) {
    it(`${name}: unauthenticated → unauthenticated`, async () => {
      const err = await callError(call(fn, { videoUrlOrId: FIXTURE_IDS.demo }, null));
      expect(err.code).to.equal("unauthenticated");
    });

    it(`${name}: a bad link → invalid-argument naming videoUrlOrId, no YouTube call`, async () => {
      const err = await callError(call(fn, { videoUrlOrId: "https://vimeo.com/123" }, free));
      expect(err.code).to.equal("invalid-argument");
      expect(err.message).to.match(/^videoUrlOrId: .*expected a YouTube video URL or 11-character id/);
      const missing = await callError(call(fn, {}, free));
      expect(missing.message).to.equal("videoUrlOrId: is required");
      const extra = await callError(call(fn, { videoUrlOrId: FIXTURE_IDS.demo, surprise: 1 }, free));
      expect(extra.code).to.equal("invalid-argument");
      expect((await standInStats()).units).to.equal(0);
    });
  }

  it("fetchComments: bad maxComments / order are named", async () => {
    for (const [data, field] of [
      [{ videoUrlOrId: FIXTURE_IDS.demo, maxComments: 0 }, "maxComments"],
      [{ videoUrlOrId: FIXTURE_IDS.demo, maxComments: 2.5 }, "maxComments"],
      [{ videoUrlOrId: FIXTURE_IDS.demo, maxComments: 1_000_000 }, "maxComments"],
      [{ videoUrlOrId: FIXTURE_IDS.demo, order: "random" }, "order"],
      [{ videoUrlOrId: FIXTURE_IDS.demo, includeLowValue: "yes" }, "includeLowValue"],
    ] as const) {
      const err = await callError(call(fetchComments, data, free));
      expect(err.code).to.equal("invalid-argument");
      expect(err.message).to.match(new RegExp(`^${field}: `));
    }
  });

  it("getVideo accepts any URL form and answers from the cache the second time", async () => {
    const first = await call(getVideo, { videoUrlOrId: `https://youtu.be/${FIXTURE_IDS.demo}?t=42` }, free);
    expect(first.video.id).to.equal(FIXTURE_IDS.demo);
    expect(first).to.include({ youtubeUnits: 1, cached: false });
    const second = await call(getVideo, { videoUrlOrId: `https://www.youtube.com/watch?v=${FIXTURE_IDS.demo}` }, free);
    expect(second).to.include({ youtubeUnits: 0, cached: true });
  });

  it("getVideo: an unknown video → not-found", async () => {
    const err = await callError(call(getVideo, { videoUrlOrId: FIXTURE_IDS.notFound }, free));
    expect(err.code).to.equal("not-found");
  });

  it("validateVideo: a free user's limit (100) and that a big video will be truncated", async () => {
    const check = await call(validateVideo, { videoUrlOrId: FIXTURE_IDS.pagination }, free);
    expect(check).to.deep.include({
      videoId: FIXTURE_IDS.pagination,
      exists: true,
      isPublic: true,
      commentsEnabled: true,
      plan: "free",
      commentLimit: PLANS.free.limits.comments_per_video,
      willTruncate: true,
      canAnalyze: true,
      problem: null,
    });
    expect(check.commentCount).to.be.greaterThan(1_050);
  });

  it("validateVideo: the starter plan's limit comes from the usage document", async () => {
    const check = await call(validateVideo, { videoUrlOrId: FIXTURE_IDS.demo }, starter);
    expect(check).to.deep.include({ plan: "starter", commentLimit: PLANS.starter.limits.comments_per_video, willTruncate: false });
  });

  it("validateVideo answers for missing, private and comments-off videos instead of failing", async () => {
    const missing = await call(validateVideo, { videoUrlOrId: FIXTURE_IDS.notFound }, free);
    expect(missing).to.deep.include({ exists: false, canAnalyze: false, video: null });
    expect(missing.problem?.code).to.equal("not-found");
    const priv = await call(validateVideo, { videoUrlOrId: FIXTURE_IDS.private }, free);
    // YouTube leaves private videos out of videos.list for an API key: indistinguishable from a missing one.
    expect(priv).to.deep.include({ exists: false, isPublic: false, privacyStatus: null, canAnalyze: false });
    expect(priv.problem?.code).to.equal("not-found");
    expect(priv.problem?.message).to.match(/private/);
    const off = await call(validateVideo, { videoUrlOrId: FIXTURE_IDS.commentsDisabled }, free);
    expect(off).to.deep.include({ exists: true, commentsEnabled: false, canAnalyze: false });
    expect(off.problem?.code).to.equal("failed-precondition");
  });

  it("validateVideo still fails for YouTube-side problems (quota)", async () => {
    const err = await callError(call(validateVideo, { videoUrlOrId: FIXTURE_IDS.quotaExceeded }, free));
    expect(err.code).to.equal("resource-exhausted");
  });

  it("fetchComments: a free user gets at most 100 comments, truncation reported, spam counted by reason", async () => {
    const result = (await call(fetchComments, { videoUrlOrId: FIXTURE_IDS.demo }, free)) as FetchResult;
    expect(result.limit).to.deep.equal({ plan: "free", commentsPerVideo: 100, requested: null, applied: 100, truncated: true, truncatedByPlan: true });
    expect(result.counts.fetched).to.equal(100);
    expect(result.counts.kept + result.counts.removed).to.equal(100);
    expect(result.counts.returned).to.equal(result.counts.kept - result.counts.lowValue);
    expect(result.comments.every((c) => !c.lowValue)).to.equal(true);
    const byReason = Object.values(result.counts.byReason).reduce((a, b) => a + b, 0);
    expect(byReason).to.equal(result.counts.removed);
    // One page of comments; the video's metadata may already be cached by the getVideo test.
    const stats = await standInStats();
    expect(stats.byVideo[FIXTURE_IDS.demo]?.commentThreads).to.equal(1);
    expect(result.youtubeUnits).to.equal(stats.units);
    for (let i = 1; i < result.comments.length; i++) expect(result.comments[i - 1].engagement).to.be.at.least(result.comments[i].engagement);
  });

  it("fetchComments: asking for more than the plan allows is capped to the plan", async () => {
    const result = (await call(fetchComments, { videoUrlOrId: FIXTURE_IDS.demo, maxComments: 5_000, includeLowValue: true }, free)) as FetchResult;
    expect(result.limit).to.include({ requested: 5_000, applied: 100, truncatedByPlan: true });
    expect(result.counts.returned).to.equal(result.counts.kept);
    expect(result.youtubeUnits).to.equal(0); // served from the first call's cache
  });

  it("fetchComments: a smaller request than the plan is not a plan truncation", async () => {
    const result = (await call(fetchComments, { videoUrlOrId: FIXTURE_IDS.demo, maxComments: 20 }, starter)) as FetchResult;
    expect(result.limit).to.include({ plan: "starter", commentsPerVideo: 1_500, applied: 20, truncated: true, truncatedByPlan: false });
    expect(result.counts.fetched).to.equal(20);
  });

  it("fetchComments: comments disabled → failed-precondition", async () => {
    const err = await callError(call(fetchComments, { videoUrlOrId: FIXTURE_IDS.commentsDisabled }, free));
    expect(err.code).to.equal("failed-precondition");
    expect(err.message).to.match(/Comments are turned off/);
  });
});
