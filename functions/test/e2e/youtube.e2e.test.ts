// The YouTube callables as the web app calls them (httpsCallable → Functions
// emulator → @googleapis/youtube → the YouTube stand-in's real error bodies),
// checking the code, message and details each mapped failure reaches the client with.
import { expect } from "chai";
import { deleteApp, initializeApp } from "firebase/app";
import { connectFunctionsEmulator, getFunctions, httpsCallable, type FunctionsError } from "firebase/functions";
import { YOUTUBE_STANDIN_KEY } from "../../../tools/standins/youtube";
import { functionsPort, resetFirestore, STACK_PROJECT } from "../support/emulators";
import { signUp, type WebClient } from "../support/client";
import { FIXTURE_IDS, resetStandIn, standInStats, unitsFor } from "../support/youtube";

async function failure(promise: Promise<unknown>): Promise<FunctionsError> {
  try {
    await promise;
  } catch (err) {
    return err as FunctionsError;
  }
  throw new Error("expected the call to fail");
}

interface Fetched {
  comments: unknown[];
  counts: { fetched: number; removed: number; byReason: Record<string, number> };
  limit: { plan: string; applied: number; truncated: boolean; truncatedByPlan: boolean };
  youtubeUnits: number;
}

describe("e2e: YouTube callables through httpsCallable and the YouTube stand-in", function () {
  this.timeout(90_000);
  let client: WebClient;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    client = await signUp();
  });
  after(() => client.close());
  beforeEach(() => resetStandIn());

  it("getVideo, validateVideo and fetchComments for a free user (limit 100, truncation reported)", async () => {
    const { video } = await client.call<{ video: { id: string; title: string; commentCount: number } }>("getVideo", {
      videoUrlOrId: `https://www.youtube.com/watch?v=${FIXTURE_IDS.demo}&t=42s`,
    });
    expect(video.id).to.equal(FIXTURE_IDS.demo);
    expect(video.title).to.match(/Home Studio/);

    const check = await client.call<Record<string, unknown>>("validateVideo", { videoUrlOrId: `youtu.be/${FIXTURE_IDS.pagination}` });
    expect(check).to.include({ exists: true, commentsEnabled: true, plan: "free", commentLimit: 100, willTruncate: true, canAnalyze: true });

    const fetched = await client.call<Fetched>("fetchComments", { videoUrlOrId: FIXTURE_IDS.demo });
    expect(fetched.limit).to.include({ plan: "free", applied: 100, truncated: true, truncatedByPlan: true });
    expect(fetched.counts.fetched).to.equal(100);
    expect(fetched.comments.length).to.be.at.most(100);
    expect(fetched.youtubeUnits).to.equal(1); // the video came from getVideo's cache; one page of comments
    expect(await unitsFor(FIXTURE_IDS.demo, "commentThreads")).to.equal(1);

    const again = await client.call<Fetched>("fetchComments", { videoUrlOrId: FIXTURE_IDS.demo });
    expect(again.youtubeUnits).to.equal(0);
    expect(await unitsFor(FIXTURE_IDS.demo, "commentThreads")).to.equal(1);
  });

  const cases: Array<{ name: string; fn: string; id: string; code: string; message: RegExp; details?: Record<string, unknown> }> = [
    { name: "video not found", fn: "getVideo", id: FIXTURE_IDS.notFound, code: "not-found", message: /was not found/ },
    { name: "comments disabled (count hidden)", fn: "fetchComments", id: FIXTURE_IDS.commentsDisabled, code: "failed-precondition", message: /Comments are turned off/, details: { reason: "comments_disabled" } },
    { name: "comments disabled (403 commentsDisabled)", fn: "fetchComments", id: FIXTURE_IDS.commentsDisabledThreadsOnly, code: "failed-precondition", message: /Comments are turned off/ },
    { name: "private video (left out of videos.list)", fn: "fetchComments", id: FIXTURE_IDS.private, code: "not-found", message: /or it is private/, details: { reason: "video_not_found" } },
    { name: "forbidden comment threads (403 forbidden)", fn: "fetchComments", id: FIXTURE_IDS.forbidden, code: "permission-denied", message: /private or its comments are restricted/ },
    {
      name: "YouTube daily quota exceeded",
      fn: "getVideo",
      id: FIXTURE_IDS.quotaExceeded,
      code: "resource-exhausted",
      message: /YouTube Data API quota.*not your plan/,
      details: { error: "youtube_quota_exceeded", quota: "youtube_daily", upgrade_required: false },
    },
    { name: "invalid API key (400 API_KEY_INVALID)", fn: "fetchComments", id: FIXTURE_IDS.keyInvalid, code: "failed-precondition", message: /^YouTube API key is invalid or not configured/ },
    { name: "YouTube down (persistent 503)", fn: "fetchComments", id: FIXTURE_IDS.unavailable, code: "unavailable", message: /not responding/, details: { reason: "youtube_unavailable", attempts: 4 } },
  ];

  for (const { name, fn, id, code, message, details } of cases) {
    it(`${name}: ${fn}(${id}) → ${code}`, async () => {
      const err = await failure(client.call(fn, { videoUrlOrId: id }));
      expect(err.code, err.message).to.equal(`functions/${code}`);
      expect(err.message).to.match(message);
      if (details) expect(err.details).to.deep.include(details);
      // Nothing from the client library leaks: no key, no request URL, no raw Google message.
      const visible = JSON.stringify({ message: err.message, details: err.details });
      expect(visible).not.to.contain(YOUTUBE_STANDIN_KEY);
      expect(visible).not.to.match(/127\.0\.0\.1|googleapis\.com\/youtube|<code>|<a href/);
      expect((await standInStats()).units).to.be.greaterThan(0);
    });
  }

  it("503 twice then ok: fetchComments recovers through retries with backoff", async () => {
    const fetched = await client.call<Fetched>("fetchComments", { videoUrlOrId: FIXTURE_IDS.flaky });
    expect(fetched.counts.fetched).to.equal(30);
    expect(fetched.youtubeUnits).to.equal(6); // videos: 503, 503, ok; commentThreads: 503, 503, ok
    expect((await standInStats()).byVideo[FIXTURE_IDS.flaky]).to.deep.equal({ videos: 3, commentThreads: 3 });
  });

  it("bad input and unauthenticated calls", async () => {
    const bad = await failure(client.call("fetchComments", { videoUrlOrId: "https://www.youtube.com/@creator" }));
    expect(bad.code).to.equal("functions/invalid-argument");
    expect(bad.message).to.match(/^videoUrlOrId: is a channel link, not a video: expected a YouTube video URL or 11-character id/);

    const anon = initializeApp({ projectId: STACK_PROJECT, apiKey: "demo-api-key" }, "youtube-anonymous");
    const functions = getFunctions(anon, "us-central1");
    connectFunctionsEmulator(functions, "127.0.0.1", functionsPort());
    const err = await failure(httpsCallable(functions, "fetchComments")({ videoUrlOrId: FIXTURE_IDS.demo }));
    expect(err.code).to.equal("functions/unauthenticated");
    await deleteApp(anon);
    expect((await standInStats()).units).to.equal(0);
  });
});
