// The creator's inbox through the web SDK against the emulators and the
// YouTube + Google OAuth stand-ins: connect the channel, see only what the
// owner has not answered, draft → edit → post a reply, clear the held queue,
// disconnect (and delete the account) with the token revoked at Google.
import { expect } from "chai";
import { deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import type { FunctionsError } from "firebase/functions";
import { doc, getDoc } from "firebase/firestore";
import { findFixture } from "../../../tools/standins/fixtures";
import { watchJob } from "../../../tools/watchJob";
import { pacificDay } from "../../src/core/budgets/pacificDay";
import { newUsage, usageRef } from "../../src/core/planUsage";
import { signUp, type WebClient } from "../support/client";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";
import { consent, grants, ownerStats, resetOwner } from "../support/oauth";
import { FIXTURE_IDS } from "../support/youtube";

const DEMO = FIXTURE_IDS.demo;
const demo = findFixture(DEMO)!;
const ownerAnswered = demo.comments().filter((c) => c.replies?.some((r) => r.authorChannelId === demo.channelId)).map((c) => c.id);

interface InboxItem {
  commentId: string;
  text: string;
  author: string;
  kinds: string[];
  answered: boolean;
  answeredVia: string | null;
  reply: { text: string } | null;
}
interface Inbox {
  items: InboxItem[];
  counts: { unanswered: Record<string, number>; answered: number };
  nextCursor: string | null;
}
interface Held {
  comments: Array<{ id: string; text: string; youtubeStatus: string; lently: { spam: boolean; reason: string | null }; suggestedAction: string }>;
  counts: Record<string, number>;
}

const failure = (p: Promise<unknown>) => p.then(() => ({}) as FunctionsError, (e: unknown) => e as FunctionsError);

describe("e2e: the creator's inbox through httpsCallable", function () {
  this.timeout(120_000);
  let creator: WebClient;
  let admin: App;
  let adminDb: Firestore;
  let analysisId: string;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    await resetOwner();
    admin = initializeApp({ projectId: STACK_PROJECT }, "inbox-e2e-admin");
    adminDb = getFirestore(admin);
    creator = await signUp();
    await creator.call("getMe");
    // A Pro creator: posting and moderating (50 units each) fit the plan's daily YouTube allowance.
    await adminDb.doc(`users/${creator.user.uid}`).update({ plan: "pro" });
    await usageRef(adminDb, creator.user.uid).set(newUsage("pro", new Date()));
  });
  after(async () => {
    await creator.close();
    await deleteApp(admin);
  });

  it("connects the channel: id and title on the profile, the refresh token sealed and unreadable to the client", async () => {
    const result = await creator.call<{ channel: { id: string; title: string } }>("connectYouTubeChannel", await consent());
    expect(result.channel).to.include({ id: demo.channelId, title: demo.channelTitle });
    expect(JSON.stringify(result)).to.not.match(/1\/\/0g|ya29\./);
    const profile = await getDoc(doc(creator.firestore, "users", creator.user.uid));
    expect(profile.get("youtubeChannel")).to.include({ id: demo.channelId, title: demo.channelTitle });

    const grant = (await grants()).filter((g) => g.channelId === demo.channelId && !g.revoked).at(-1)!;
    const raw = (await adminDb.doc(`channel_tokens/${creator.user.uid}`).get()).data()!;
    const text = JSON.stringify(raw);
    expect(text).to.not.include(grant.refreshToken);
    expect(text).to.not.include(Buffer.from(grant.refreshToken).toString("base64"));
    expect(raw.refreshToken).to.include({ alg: "A256GCM", kid: "local1" });
    const denied = await getDoc(doc(creator.firestore, "channel_tokens", creator.user.uid)).catch((e: unknown) => e as { code: string });
    expect((denied as { code: string }).code).to.equal("permission-denied");
  });

  it("after an analysis, the inbox lists only the threads the owner has not answered", async () => {
    const { jobId } = await creator.call<{ jobId: string }>("startAnalysis", { videoUrlOrId: DEMO, maxComments: 100 });
    const last = (await watchJob(creator.firestore, jobId)).at(-1)!;
    expect(last.status, JSON.stringify(last.error)).to.equal("completed");
    analysisId = last.analysisId!;

    const open = await creator.call<Inbox>("getInbox", { analysisId, kinds: ["question"], limit: 100 });
    expect(open.items.length).to.be.greaterThan(5);
    expect(open.items.every((i) => !i.answered && i.kinds.includes("question"))).to.equal(true);
    expect(open.items.map((i) => i.commentId)).to.not.include.members(ownerAnswered);
    const answered = await creator.call<Inbox>("getInbox", { videoId: DEMO, kinds: ["question"], status: "answered" });
    // The owner's threads the analysis classified as questions (one definition with the report's counts).
    expect(answered.items.length).to.be.greaterThan(0);
    expect(ownerAnswered).to.include.members(answered.items.map((i) => i.commentId));
    expect(answered.items.every((i) => i.answered && i.answeredVia === "youtube" && i.kinds.includes("question"))).to.equal(true);
    expect(open.counts.unanswered.question).to.equal(open.items.length);

    const bad = await failure(creator.call("getInbox", { analysisId, kinds: ["praise"] }));
    expect(bad.code).to.equal("functions/invalid-argument");
    expect(bad.message).to.match(/^kinds\.0: /);
  });

  it("generate a draft, edit it and post it: the thread reads answered, a second post is refused, units are counted", async () => {
    const [question] = (await creator.call<Inbox>("getInbox", { analysisId, kinds: ["question"], limit: 1 })).items;
    const drafts = await creator.call<{ replies: Array<{ text: string }> }>("generateReplies", { comment: { text: question.text, author: question.author }, tone: "friendly", count: 2, analysisId });
    const draft = drafts.replies[0].text;
    const edited = `${draft} (Maya here: full parts list is pinned.)`;
    const postedBefore = (await ownerStats()).posted.length;

    const dry = await creator.call<{ dryRun: boolean; wouldPost: { text: string; parentId: string }; youtubeUnits: number }>("postReply", {
      commentId: question.commentId, videoId: DEMO, text: edited, draft, dryRun: true,
    });
    expect(dry).to.deep.include({ dryRun: true, youtubeUnits: 0 });
    expect(dry.wouldPost).to.include({ text: edited, parentId: question.commentId });
    expect((await ownerStats()).posted.length).to.equal(postedBefore);

    const posted = await creator.call<{ posted: boolean; reply: { text: string; edited: boolean }; youtubeUnits: number }>("postReply", {
      commentId: question.commentId, videoId: DEMO, text: edited, draft,
    });
    expect(posted.posted).to.equal(true);
    expect(posted.reply).to.include({ text: edited, edited: true });
    expect(posted.youtubeUnits).to.equal(50);
    const onYouTube = (await ownerStats()).posted.at(-1)!;
    expect(onYouTube).to.include({ parentId: question.commentId, text: edited, authorChannelId: demo.channelId });

    const open = await creator.call<Inbox>("getInbox", { analysisId, kinds: ["question"], limit: 100 });
    expect(open.items.map((i) => i.commentId)).to.not.include(question.commentId);
    const answered = await creator.call<Inbox>("getInbox", { analysisId, kinds: ["question"], status: "answered", limit: 100 });
    const thread = answered.items.find((i) => i.commentId === question.commentId)!;
    expect(thread).to.deep.include({ answered: true, answeredVia: "lently" });
    expect(thread.reply!.text).to.equal(edited);

    const again = await failure(creator.call("postReply", { commentId: question.commentId, videoId: DEMO, text: "Another one" }));
    expect(again.code).to.equal("functions/already-exists");
    expect((await ownerStats()).posted.length).to.equal(postedBefore + 1);
    const empty = await failure(creator.call("postReply", { commentId: question.commentId, videoId: DEMO, text: "   " }));
    expect(empty.message).to.match(/^text: /);
  });

  it("clears the held queue: Lently's verdict on each, one published, one rejected with its author banned", async () => {
    const held = await creator.call<Held>("getHeldComments", { videoId: DEMO });
    expect(held.counts).to.include({ total: 5, heldForReview: 2, likelySpam: 3 });
    const scam = held.comments.find((c) => /WhatsApp/.test(c.text))!;
    expect(scam.lently.spam).to.equal(true);
    expect(scam.lently.reason).to.be.a("string");
    expect(scam.suggestedAction).to.equal("reject");
    const genuine = held.comments.find((c) => /mic at 4:12/.test(c.text))!;
    expect(genuine).to.deep.include({ youtubeStatus: "heldForReview", suggestedAction: "publish" });
    expect(genuine.lently.spam).to.equal(false);

    const wrong = await failure(creator.call("moderateComments", { ids: [genuine.id], action: "publish", banAuthor: true }));
    expect(wrong.code).to.equal("functions/invalid-argument");
    expect(wrong.message).to.match(/^banAuthor: /);
    const tooMany = await failure(creator.call("moderateComments", { ids: Array.from({ length: 51 }, (_, i) => `Ugx${i}`), action: "reject" }));
    expect(tooMany.message).to.match(/^ids: /);

    const published = await creator.call<{ moderated: number; youtubeUnits: number }>("moderateComments", { ids: [genuine.id], action: "publish", analysisId });
    expect(published).to.include({ moderated: 1, youtubeUnits: 50 });
    const rejected = await creator.call<{ moderated: number }>("moderateComments", { ids: [scam.id], action: "reject", banAuthor: true, analysisId });
    expect(rejected.moderated).to.equal(1);
    const stats = await ownerStats();
    expect(stats.moderation).to.include({ [genuine.id]: "published", [scam.id]: "rejected" });
    expect(stats.banned).to.have.length(1);
    const after = await creator.call<Held>("getHeldComments", { videoId: DEMO });
    expect(after.comments.map((c) => c.id)).to.not.include.members([genuine.id, scam.id]);
    expect(after.counts.total).to.equal(3);
  });

  it("units spent posting and moderating are in the project's YouTube budget and the analysis cost", async () => {
    const { day } = pacificDay(new Date());
    type Ledger = { units: number; byPurpose: Record<string, number> };
    const project = (await adminDb.doc(`budgets/youtube_${day}`).get()).data() as Ledger;
    const user = (await adminDb.doc(`users/${creator.user.uid}/youtube_units/${day}`).get()).data() as Ledger;
    // One reply (50) and two moderation calls (50 each) are writes; the analysis' pages, reply pages included, are "analysis".
    expect(user.byPurpose.write).to.equal(150);
    expect(project.byPurpose.write).to.be.at.least(150);
    expect(project.byPurpose.analysis).to.be.greaterThan(0);
    expect(project.units).to.be.at.least(user.units);
    const analysis = await getDoc(doc(creator.firestore, "analyses", analysisId));
    const cost = analysis.get("cost") as { youtubeUnits: number; actionUnits: { replies: number; moderation: number } };
    expect(cost.actionUnits).to.deep.equal({ replies: 50, moderation: 100 });
    expect(cost.youtubeUnits).to.be.at.least(150 + 2);
  });

  it("disconnect revokes the token at Google and deletes it; acting then needs a new connection", async () => {
    const refresh = (await grants()).filter((g) => g.channelId === demo.channelId && !g.revoked).at(-1)!.refreshToken;
    const result = await creator.call<{ disconnected: boolean; revoked: boolean }>("disconnectYouTubeChannel", {});
    expect(result).to.deep.equal({ disconnected: true, revoked: true });
    expect((await grants()).find((g) => g.refreshToken === refresh)!.revoked).to.equal(true);
    expect((await adminDb.doc(`channel_tokens/${creator.user.uid}`).get()).exists).to.equal(false);
    expect((await getDoc(doc(creator.firestore, "users", creator.user.uid))).get("youtubeChannel")).to.equal(undefined);
    const held = await failure(creator.call("getHeldComments", {}));
    expect(held.code).to.equal("functions/failed-precondition");
  });

  it("deleteAccount revokes and deletes a connected channel's token too", async () => {
    const other = await signUp();
    try {
      await other.call("connectYouTubeChannel", await consent({ channelId: "UCgeneratedFixtures0000A" }));
      const refresh = (await grants()).filter((g) => g.channelId === "UCgeneratedFixtures0000A" && !g.revoked).at(-1)!.refreshToken;
      await other.call("deleteAccount", { confirm: true });
      expect((await grants()).find((g) => g.refreshToken === refresh)!.revoked).to.equal(true);
      expect((await adminDb.doc(`channel_tokens/${other.user.uid}`).get()).exists).to.equal(false);
    } finally {
      await other.close();
    }
  });
});
