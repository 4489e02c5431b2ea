// Whole threads, the connected channel and acting on comments, in-process:
// the services against the Firestore emulator and, through their real client
// libraries, the YouTube and Google OAuth stand-ins.
import { expect } from "chai";
import { HttpsError } from "firebase-functions/v2/https";
import { storedComments } from "../../src/analysis/ownedAnalysis";
import { createOwnerYouTube } from "../../src/channel/ownerYouTube";
import { connectChannel, disconnectChannel, ownerSession } from "../../src/channel/service";
import { parseKeyRing } from "../../src/channel/tokenCrypto";
import { youtubeBudget } from "../../src/core/budgets/youtubeBudget";
import { db } from "../../src/core/firebase";
import { PLANS } from "../../src/domain/plans";
import { getInbox } from "../../src/inbox/getInbox";
import { postReply } from "../../src/inbox/postReply";
import { historyRef } from "../../src/inbox/replyHistory";
import { UnitMeter } from "../../src/core/budgets/unitMeter";
import { inlineOwnerReply, resolveOwnerReplies } from "../../src/youtube/threads";
import { pacificDay } from "../../src/core/budgets/pacificDay";
import { UNIT_COST, type UnitOperation } from "../../src/youtube/units";
import { renderReport } from "../../../tools/demo/report";
import { findFixture } from "../../../tools/standins/fixtures";
import { testChannelDeps } from "../support/channel";
import { checkResponse } from "../support/contracts";
import { resetFirestore } from "../support/emulators";
import { consent, exhaustOwnerQuota, FORCE_SSL_SCOPE, grants, ownerStats, resetOwner } from "../support/oauth";
import { createJob, pipelineDeps, runAnalysisJob, seedUser, standInYouTube } from "../support/pipeline";
import { FIXTURE_IDS } from "../support/youtube";

const DEMO = FIXTURE_IDS.demo;
const demo = findFixture(DEMO)!;
const ownerAnswered = demo.comments().filter((c) => c.replies?.some((r) => r.authorChannelId === demo.channelId));

interface StoredAnalysis {
  results: {
    classification: { answeredByOwner: number; unanswered: { question: number }; counts: { question: number }; unansweredQuestions: Array<{ commentId: string }> };
    summary: { overview: string; priorityActions: Array<{ action: string; reason: string; commentIds: string[] }> };
  };
  cost: { youtubeUnits: number; actionUnits?: { replies?: number; moderation?: number } };
}

async function rejection(p: Promise<unknown>): Promise<HttpsError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, "expected a rejection").to.be.instanceOf(HttpsError);
  return err as HttpsError;
}

async function analyse(uid: string, videoId: string, maxComments = 100): Promise<string> {
  const jobId = await createJob(uid, { videoUrlOrId: videoId, maxComments });
  const outcome = await runAnalysisJob(await pipelineDeps(), jobId);
  if (outcome.status !== "completed") throw new Error(`analysis ${outcome.status}: ${JSON.stringify(outcome)}`);
  return outcome.analysisId;
}

describe("inbox (in-process): whole threads, connected channel, replies", function () {
  this.timeout(60_000);
  const deps = () => testChannelDeps(db());

  before(async () => {
    await resetFirestore();
    await resetOwner();
  });

  it("threads: owner replies are found inline and beyond the five part=replies shows, at one unit per comments.list page", async () => {
    const youtube = await standInYouTube();
    const meter = new UnitMeter();
    const comments = (await youtube.fetchCommentThreads(DEMO, { limit: 300, meter })).comments;
    const listUnits = meter.units;
    // The five inline replies settle most threads at no unit; the rest need comments.list.
    const inline = new Map(comments.map((c) => [c.id, inlineOwnerReply(c)]));
    const unsettled = comments.filter((c) => inline.get(c.id)!.repliesUnchecked);
    const { states, pages, unchecked } = await resolveOwnerReplies(youtube, unsettled, { ownerChannelId: demo.channelId, videoId: DEMO, meter, maxPages: 200, concurrency: 4 });
    expect(unchecked).to.deep.equal([]);
    const answered = [...inline, ...states].filter(([, s]) => s.answeredByOwner).map(([id]) => id);
    expect([...new Set(answered)].sort()).to.deep.equal(ownerAnswered.map((c) => c.id).sort());
    // Only threads with more than five replies and no owner among the first five need comments.list.
    const needed = demo.comments().filter((c) => c.replyCount > 5 && !(c.replies ?? []).some((r) => r.position < 5)).length;
    expect(needed).to.be.greaterThan(0);
    expect(unsettled).to.have.length(needed);
    expect(pages).to.equal(needed);
    expect(meter.units - listUnits).to.equal(needed);
    const beyondFive = ownerAnswered.find((c) => c.replies!.every((r) => r.position >= 5))!;
    expect(states.get(beyondFive.id)?.ownerRepliedAt).to.match(/^\d{4}-\d\d-\d\dT/);
  });

  it("an analysis stores answeredByOwner per comment and counts only unanswered questions", async () => {
    await seedUser("maya", "pro");
    const analysisId = await analyse("maya", DEMO, 300);
    const stored = await storedComments(db(), analysisId);
    expect(stored.every((c) => typeof c.answeredByOwner === "boolean")).to.equal(true);
    const answeredIds = stored.filter((c) => c.answeredByOwner).map((c) => c.id).sort();
    expect(answeredIds).to.deep.equal(ownerAnswered.map((c) => c.id).sort());
    const analysis = (await db().doc(`analyses/${analysisId}`).get()).data() as StoredAnalysis;
    const classification = analysis.results.classification;
    expect(classification.answeredByOwner).to.equal(answeredIds.length);
    const openQuestions = classification.unansweredQuestions.map((q) => q.commentId);
    for (const id of answeredIds) expect(openQuestions).to.not.include(id);
    // A question is what the analysis classified as one: the same number the category counts start from.
    const openIds = stored.filter((c) => c.category === "question" && !c.answeredByOwner).map((c) => c.id);
    expect(classification.unanswered.question).to.equal(openIds.length);
    expect(classification.unanswered.question).to.be.lessThan(classification.counts.question);
    // The summary's first action speaks of unanswered questions, and cites none that were answered.
    const ask = analysis.results.summary.priorityActions.find((a) => /question/.test(a.action))!;
    expect(ask.action).to.match(/unanswered question/);
    for (const id of answeredIds) expect(ask.commentIds).to.not.include(id);
    // "Answer the N unanswered questions": N is what the report, the overview and the inbox count and list.
    const asked = Number(/^Answer the (\d+) unanswered questions?$/.exec(ask.action)?.[1]);
    expect(asked).to.equal(classification.unanswered.question);
    expect(analysis.results.summary.overview).to.include(`still unanswered: ${asked} questions`);
    const unanswered = await getInbox(db(), "maya", { analysisId, kinds: ["question"], status: "unanswered", limit: 100 });
    expect(unanswered.total).to.equal(asked);
    expect(unanswered.counts.unanswered.question).to.equal(asked);
    expect(unanswered.items.map((i) => i.commentId).sort()).to.deep.equal([...openIds].sort());
    // And the same questions first: the report lists what the inbox lists first, the most liked the summary quotes.
    expect(classification.unansweredQuestions.map((q) => q.commentId)).to.deep.equal(unanswered.items.slice(0, 10).map((i) => i.commentId));
    expect(ask.reason).to.include(`The most liked (${unanswered.items[0].likeCount} likes) asks “${unanswered.items[0].text}”`);

    // The demo report's "Unanswered questions" leaves out what the owner answered in the fixture video.
    const report = renderReport(analysis as unknown as Record<string, unknown>);
    const section = report.slice(report.indexOf("── Unanswered questions"), report.indexOf("── Themes"));
    expect(section).to.match(/have no reply from you yet \(you replied in 5 threads\)/);
    expect(section).to.include(`\n  ${asked} questions`);
    expect(section.split("\n").filter((l) => l.startsWith("  • "))).to.have.length(5);
    for (const c of ownerAnswered) expect(section).to.not.include(c.text.slice(0, 40));
    const inbox = await getInbox(db(), "maya", { analysisId, kinds: ["question"], limit: 100 });
    checkResponse("getInbox", inbox);
    expect(inbox.items.map((i) => i.commentId)).to.not.include.members(answeredIds);
    expect(inbox.items.every((i) => !i.answered)).to.equal(true);
    const answered = await getInbox(db(), "maya", { analysisId, kinds: ["question"], status: "answered" });
    // Answered questions: the owner's threads the analysis classified as questions (the others are not in a question listing).
    const answeredQuestions = stored.filter((c) => c.category === "question" && c.answeredByOwner).map((c) => c.id).sort();
    expect(answeredQuestions).to.have.length.greaterThan(0);
    expect(answered.items.map((i) => i.commentId).sort()).to.deep.equal(answeredQuestions);
    expect(asked + answeredQuestions.length).to.equal(classification.counts.question);
    expect(answered.items.every((i) => i.answeredVia === "youtube")).to.equal(true);
  });

  it("getInbox pages with a cursor in likes or recent order, and rejects a cursor of another listing", async () => {
    const analysisId = (await db().collection("analyses").where("userId", "==", "maya").get()).docs[0].id;
    for (const order of ["likes", "recent"] as const) {
      const all = await getInbox(db(), "maya", { analysisId, order, status: "all", limit: 100 });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await getInbox(db(), "maya", { analysisId, order, status: "all", limit: 7, cursor });
        seen.push(...page.items.map((i) => i.commentId));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).to.deep.equal(all.items.map((i) => i.commentId));
      const key = (i: (typeof all.items)[number]) => (order === "likes" ? i.likeCount : Date.parse(i.publishedAt));
      for (let n = 1; n < all.items.length; n += 1) expect(key(all.items[n - 1])).to.be.at.least(key(all.items[n]));
    }
    const first = await getInbox(db(), "maya", { analysisId, limit: 2 });
    const err = await rejection(getInbox(db(), "maya", { analysisId, order: "recent", limit: 2, cursor: first.nextCursor! }));
    expect(err.code).to.equal("invalid-argument");
    expect(err.message).to.match(/^cursor: /);
    const other = await rejection(getInbox(db(), "mallory", { analysisId }));
    expect(other.code).to.equal("not-found");
  });

  it("kinds=toxic lists the comments the analysis marked toxic (the per-comment `toxic` flag), answered or not", async () => {
    const base = { author: "@x", likeCount: 1, replyCount: 0, publishedAt: "2025-09-13T10:00:00Z", engagement: 1, isQuestion: false, isFeedback: false, sentiment: "negative", score: -0.8, emotions: [], answeredByOwner: false };
    const ref = db().collection("analyses").doc();
    await ref.collection("comments").doc("0000").set({
      index: 0,
      count: 3,
      comments: [
        { ...base, id: "UgxTox1", text: "you are an idiot", category: "criticism", toxic: true },
        { ...base, id: "UgxTox2", text: "fair point but wrong", category: "criticism", toxic: false },
        { ...base, id: "UgxTox3", text: "nobody asked, loser", category: "other", toxic: true, answeredByOwner: true },
      ],
    });
    await ref.set({ userId: "tox", videoId: DEMO, video: { id: DEMO, title: "t" }, results: {}, completedAt: new Date() });
    const open = await getInbox(db(), "tox", { analysisId: ref.id, kinds: ["toxic"] });
    checkResponse("getInbox", open);
    expect(open.items.map((i) => i.commentId)).to.deep.equal(["UgxTox1"]);
    expect(open.items[0].kinds).to.deep.equal(["criticism", "toxic"]);
    expect(open.counts.unanswered.toxic).to.equal(1);
    const all = await getInbox(db(), "tox", { analysisId: ref.id, kinds: ["toxic"], status: "all" });
    expect(all.items.map((i) => i.commentId).sort()).to.deep.equal(["UgxTox1", "UgxTox3"]);
  });

  it("connect refuses a consent without youtube.force-ssl and revokes what it was given", async () => {
    const code = await consent({ scopes: ["https://www.googleapis.com/auth/youtube.readonly"] });
    const err = await rejection(connectChannel(deps(), "maya", code));
    expect(err.code).to.equal("permission-denied");
    expect(err.details).to.include({ reason: "insufficient_scope" });
    expect((await grants()).at(-1)!.revoked).to.equal(true);
    expect((await db().doc("channel_tokens/maya").get()).exists).to.equal(false);

    const bad = await rejection(connectChannel(deps(), "maya", { ...(await consent()), redirectUri: "https://evil.example/cb" }));
    expect(bad.message).to.match(/^redirectUri: /);
    const wrongVerifier = await rejection(connectChannel(deps(), "maya", { ...(await consent()), codeVerifier: "x".repeat(43) }));
    expect(wrongVerifier.code).to.equal("invalid-argument");
    expect(wrongVerifier.message).to.match(/^code: /);
  });

  it("the owner API's errors: insufficient scope, comments disabled, quota; units charged to the project's day", async () => {
    const oauth = await deps().oauth();
    const readOnly = await oauth.exchangeCode(await consent({ scopes: ["https://www.googleapis.com/auth/youtube.readonly"] }));
    const spent: number[] = [];
    const spend = (op: UnitOperation) => {
      spent.push(UNIT_COST[op]);
      return Promise.resolve(() => Promise.resolve(void spent.push(-UNIT_COST[op])));
    };
    const limited = await createOwnerYouTube(oauth.client(readOnly.refreshToken), spend, process.env.YOUTUBE_API_ROOT_URL);
    const scope = await rejection(limited.insertReply(demo.comments()[0].id, "hi"));
    expect(scope.code).to.equal("permission-denied");
    expect(scope.details).to.include({ reason: "insufficient_scope", requiredScope: FORCE_SSL_SCOPE });

    const generated = await oauth.exchangeCode(await consent({ channelId: "UCgeneratedFixtures0000A" }));
    const owner = await createOwnerYouTube(oauth.client(generated.refreshToken), spend, process.env.YOUTUBE_API_ROOT_URL);
    const disabledComment = findFixture(FIXTURE_IDS.commentsDisabledThreadsOnly)!.comments()[0].id;
    const disabled = await rejection(owner.insertReply(disabledComment, "hello"));
    expect(disabled.code).to.equal("failed-precondition");
    expect(disabled.details).to.include({ reason: "comments_disabled" });
    // Moderating a comment on someone else's video: YouTube's 403 forbidden.
    const foreign = await rejection(owner.setModerationStatus([demo.comments()[0].id], "rejected", false));
    expect(foreign.code).to.equal("permission-denied");
    await exhaustOwnerQuota(true);
    try {
      const quota = await rejection(owner.insertReply(demo.comments()[0].id, "hello"));
      expect(quota.code).to.equal("resource-exhausted");
    } finally {
      await exhaustOwnerQuota(false);
    }
    // Failed calls that reached YouTube cost their units too.
    expect(spent).to.deep.equal([50, 50, 50, 50]);

    await oauth.revoke(generated.refreshToken);
    const revoked = await rejection(owner.insertReply(demo.comments()[0].id, "hello"));
    expect(revoked.details).to.include({ reason: "channel_reconnect_required" });
    // YouTube refused the (cached) access token: a call it answered keeps its units.
    expect(spent.slice(4)).to.deep.equal([50]);
    // A new session on the revoked grant: the token endpoint refuses it, YouTube never sees the call, the units are given back.
    const stale = await createOwnerYouTube(oauth.client(generated.refreshToken), spend, process.env.YOUTUBE_API_ROOT_URL);
    expect((await rejection(stale.insertReply(demo.comments()[0].id, "hello"))).details).to.include({ reason: "channel_reconnect_required" });
    expect(spent.slice(5)).to.deep.equal([50, -50]);
  });

  it("postReply: dry run, post once, refuse a second unless forced, only on the connected channel's videos", async () => {
    const connected = await connectChannel(deps(), "maya", await consent());
    checkResponse("connectYouTubeChannel", connected);
    expect(connected.channel).to.include({ id: demo.channelId, title: demo.channelTitle });
    const analysisId = (await db().collection("analyses").where("userId", "==", "maya").get()).docs[0].id;
    const [target] = (await getInbox(db(), "maya", { analysisId, kinds: ["question"], limit: 1 })).items;
    const before = (await ownerStats()).posted.length;
    const { day } = pacificDay(new Date());
    const written = async (path: string) => ((await db().doc(path).get()).get("byPurpose.write") as number | undefined) ?? 0;
    const projectBefore = await written(`budgets/youtube_${day}`);
    const userBefore = await written(`users/maya/youtube_units/${day}`);

    const dry = await postReply(deps(), "maya", { commentId: target.commentId, videoId: DEMO, text: "Thanks!", dryRun: true });
    expect(dry).to.include({ dryRun: true, alreadyReplied: false, youtubeUnits: 0, unitsIfPosted: 50 });
    checkResponse("postReply", dry);
    expect((await ownerStats()).posted.length).to.equal(before);

    // Two posts at once: exactly one reaches YouTube.
    const results = await Promise.allSettled([1, 2].map(() => postReply(deps(), "maya", { commentId: target.commentId, videoId: DEMO, text: "Thanks for asking!" })));
    expect(results.filter((r) => r.status === "fulfilled")).to.have.length(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(["aborted", "already-exists"]).to.include((refused.reason as HttpsError).code);
    expect((await ownerStats()).posted.length).to.equal(before + 1);

    const again = await rejection(postReply(deps(), "maya", { commentId: target.commentId, videoId: DEMO, text: "Thanks again" }));
    expect(again.code).to.equal("already-exists");
    expect(again.details).to.include({ reason: "already_replied" });
    const forced = await postReply(deps(), "maya", { commentId: target.commentId, videoId: DEMO, text: "One more thing", force: true });
    expect(forced.posted).to.equal(true);
    checkResponse("postReply", forced);
    expect((await historyRef(db(), "maya", target.commentId).get()).data()!.posts).to.have.length(2);
    // Two posts of 50 units, in the project's YouTube budget and the user's daily allowance.
    expect((await written(`budgets/youtube_${day}`)) - projectBefore).to.equal(100);
    expect((await written(`users/maya/youtube_units/${day}`)) - userBefore).to.equal(100);
    const cost = (await db().doc(`analyses/${analysisId}`).get()).get("cost") as StoredAnalysis["cost"];
    expect(cost.actionUnits?.replies).to.equal(100);

    // A video of another channel: refused before any unit is spent.
    const foreignAnalysis = await analyse("maya", FIXTURE_IDS.ownerLinks, 20);
    const foreignComment = (await storedComments(db(), foreignAnalysis))[0].id;
    const unitsBefore = (await ownerStats()).units;
    const notOwner = await rejection(postReply(deps(), "maya", { commentId: foreignComment, videoId: FIXTURE_IDS.ownerLinks, text: "hi" }));
    expect(notOwner.code).to.equal("permission-denied");
    expect(notOwner.details).to.include({ reason: "not_channel_owner" });
    expect((await ownerStats()).units).to.equal(unitsBefore);

    // The quota runs out mid-way: nothing is recorded as posted, and a retry later posts.
    const [next] = (await getInbox(db(), "maya", { analysisId, kinds: ["question"], limit: 1 })).items;
    await exhaustOwnerQuota(true);
    try {
      expect((await rejection(postReply(deps(), "maya", { commentId: next.commentId, videoId: DEMO, text: "Later" }))).code).to.equal("resource-exhausted");
    } finally {
      await exhaustOwnerQuota(false);
    }
    expect((await historyRef(db(), "maya", next.commentId).get()).get("status")).to.equal("failed");
    expect((await postReply(deps(), "maya", { commentId: next.commentId, videoId: DEMO, text: "Later" })).posted).to.equal(true);
  });

  it("a post the user's daily YouTube allowance cannot cover is refused before YouTube sees it", async () => {
    await seedUser("frugal", "free");
    const analysisId = await analyse("frugal", DEMO, 100);
    await connectChannel(deps(), "frugal", await consent());
    const { day } = pacificDay(new Date());
    const used = ((await db().doc(`users/frugal/youtube_units/${day}`).get()).get("units") as number | undefined) ?? 0;
    // Leave 49 of the free plan's 100 units: one reply (50) does not fit.
    await youtubeBudget.charge(db(), { userId: "frugal", plan: "free", purpose: "lookup", units: PLANS.free.budgets.youtube_units_per_day - used - 49 });
    const [target] = (await getInbox(db(), "frugal", { analysisId, kinds: ["question"], limit: 1 })).items;
    const posted = (await ownerStats()).posted.length;
    const refused = await rejection(postReply(deps(), "frugal", { commentId: target.commentId, videoId: DEMO, text: "Thanks!" }));
    expect(refused.code).to.equal("resource-exhausted");
    expect(refused.details).to.include({ error: "youtube_daily_allowance", scope: "user", limit: PLANS.free.budgets.youtube_units_per_day });
    expect((await ownerStats()).posted.length).to.equal(posted);
    expect((await historyRef(db(), "frugal", target.commentId).get()).get("status")).to.equal("failed");
    expect((await db().doc(`users/frugal/youtube_units/${day}`).get()).get("units")).to.equal(PLANS.free.budgets.youtube_units_per_day - 49);
    await disconnectChannel(db(), "frugal", deps());
  });

  it("a key rotation re-seals the token on next use; disconnect revokes and deletes it", async () => {
    const oldRing = process.env.CHANNEL_TOKEN_KEYS!;
    const rotated = { ...deps(), keyRing: () => parseKeyRing(`new1:${Buffer.alloc(32, 9).toString("base64")},${oldRing}`) };
    await ownerSession(rotated, "maya");
    expect((await db().doc("channel_tokens/maya").get()).get("refreshToken.kid")).to.equal("new1");
    const refresh = (await grants()).filter((g) => g.channelId === demo.channelId && !g.revoked).at(-1)!.refreshToken;
    const result = await disconnectChannel(db(), "maya", rotated);
    expect(result).to.deep.equal({ disconnected: true, revoked: true });
    checkResponse("disconnectYouTubeChannel", result);
    expect((await grants()).find((g) => g.refreshToken === refresh)!.revoked).to.equal(true);
    expect((await db().doc("channel_tokens/maya").get()).exists).to.equal(false);
    expect((await db().doc("users/maya").get()).get("youtubeChannel")).to.equal(undefined);
    expect(await disconnectChannel(db(), "maya", rotated)).to.deep.equal({ disconnected: false, revoked: false });
    const gone = await rejection(postReply(deps(), "maya", { commentId: "UgxlentlyDemo1AAAAAAEIAaABAg", videoId: DEMO, text: "hi" }));
    expect(gone.code).to.equal("failed-precondition");
  });
});
