// A watched channel over time, in process on the stand-ins: the first sync
// ingests every video; new comments cost their pages (+1) and their AI calls
// only; a redelivered task or finalize changes nothing; the overview shows it.
import { expect } from "chai";
import { db } from "../../src/core/firebase";
import type { NamedSyncObserver, SyncCommittedBatch } from "../../src/domain/sync";
import { getChannelOverview, getTopCommenters } from "../../src/overview/service";
import { runSyncFinalize } from "../../src/sync/finalize";
import { getWatched, watchChannel } from "../../src/sync/sources";
import { resetFirestore } from "../support/emulators";
import { localProvider, seedUser } from "../support/pipeline";
import { addComments, countingProvider, createChannel, driveSync } from "../support/sync";

const CHANNEL = "UCsyncTest0000000000000A";
const VIDEOS = ["syncvid0001", "syncvid0002", "syncvid0003"];
const QUESTIONS = [
  "How long did the second step take you?",
  "Which camera did you use for the intro shots?",
  "Where can I find the spreadsheet you mentioned?",
  "What software do you edit your videos with?",
  "Could you explain how the tax part works for freelancers?",
  "Why did you skip the budgeting section this time?",
  "When is the follow-up about index funds coming out?",
  "Is the emergency fund advice different for students?",
  "How do you pick which credit card to recommend?",
  "What would you change about the 50/30/20 rule?",
  "Do you have a checklist for renting versus buying?",
  "Can you share the link to the calculator you used?",
];

describe("channel sync", function () {
  this.timeout(120_000);
  const uid = "sync-owner";
  let sourceId = "";

  before(async () => {
    await resetFirestore();
    await createChannel({ channelId: CHANNEL, channelTitle: "Sync Test", videos: VIDEOS.map((id) => ({ id, comments: 30 })) });
    await seedUser(uid, "pro");
    await db().doc(`users/${uid}`).set({ youtubeChannel: { id: CHANNEL, title: "Sync Test" } }, { merge: true });
  });

  it("the first sync ingests every video of the watched channel", async () => {
    const watched = await watchChannel(db(), uid);
    sourceId = watched.sourceId;
    expect(sourceId).to.equal(`channel_${CHANNEL}`);
    const { provider } = countingProvider(await localProvider());
    const first = await driveSync(uid, sourceId, "2025060112", provider);
    expect(first.sync.status).to.equal("queued");
    expect(first.finalize?.status).to.equal("completed");
    const synced = await db().collection("synced_comments").where("userId", "==", uid).get();
    expect(synced.size).to.equal(90);
    expect(new Set(synced.docs.map((d) => d.get("videoId") as string))).to.deep.equal(new Set(VIDEOS));
    const source = (await getWatched(db(), uid)).sources[0];
    expect(source.totals.comments).to.equal(90);
    expect(source.newestCommentAt).to.be.a("string");
  });

  it("60 new comments on two videos: ceil(60/20)+1 listing units, AI for those 60 only, observers once, the overview's two days", async () => {
    const at = (i: number) => new Date(Date.parse("2025-06-02T09:00:00Z") + i * 60_000).toISOString().replace(/\.000Z$/, "Z");
    const texts = (offset: number) =>
      Array.from({ length: 30 }, (_, i) => ({
        text: i % 5 === 0 ? QUESTIONS[(offset + i) / 5] : `Loved update ${offset + i} on this video, the pacing was great`,
        publishedAt: at(offset + i),
      }));
    await addComments(VIDEOS[0], texts(0));
    await addComments(VIDEOS[1], texts(30));

    const observed: SyncCommittedBatch[] = [];
    const observer: NamedSyncObserver = { name: "test", observe: (batch) => Promise.resolve(void observed.push(batch)) };
    const { provider, seen } = countingProvider(await localProvider());
    const second = await driveSync(uid, sourceId, "2025060210", provider, { observers: [observer] });
    expect(second.units).to.be.at.most(Math.ceil(60 / 20) + 1);
    // The AI saw the 60 new comments the spam filter kept, and nothing older.
    const labelled = observed.flatMap((b) => b.comments).filter((c) => c.labels !== null);
    expect(seen.comments).to.equal(labelled.length);
    expect(seen.comments).to.be.within(30, 60);
    expect(seen.calls).to.equal(Math.ceil(seen.comments / 50));
    expect(observed.flatMap((b) => b.comments)).to.have.length(60);
    expect(new Set(observed.flatMap((b) => b.videoIds))).to.deep.equal(new Set([VIDEOS[0], VIDEOS[1]]));
    expect(observed.every((b) => b.comments.every((c) => c.labels !== null || c.spamReason !== null))).to.equal(true);

    // The same task delivered again, and its finalize again: nothing more.
    const again = await driveSync(uid, sourceId, "2025060210", provider, { observers: [observer] });
    expect(again.sync.status).to.equal("duplicate");
    expect(again.units).to.equal(0);
    const refinalize = await runSyncFinalize({ db: db(), observers: [observer] }, `${uid}_${sourceId}_2025060210`);
    expect(refinalize.status).to.equal("stopped");
    expect(observed.flatMap((b) => b.comments)).to.have.length(60);
    expect((await db().collection("synced_comments").where("userId", "==", uid).get()).size).to.equal(150);

    const overview = await getChannelOverview(db(), uid, { range: { from: "2025-06-01", to: "2025-06-02" }, granularity: "day" });
    expect(overview.periods.map((p) => p.start)).to.deep.equal(["2025-06-01", "2025-06-02"]);
    expect(overview.periods[1].comments).to.equal(seen.comments);
    const changed = overview.videos.filter((v) => v.change && v.change.newComments > 0 && VIDEOS.slice(0, 2).includes(v.videoId));
    expect(changed).to.have.length(2);
    expect(overview.openQuestions.length).to.be.greaterThan(0);
    // Newest first: the new unanswered questions lead.
    expect(overview.openQuestions[0].publishedAt.startsWith("2025-06-02")).to.equal(true);
    expect(overview.openQuestions.filter((q) => QUESTIONS.includes(q.text)).length).to.be.at.least(3);
    const top = await getTopCommenters(db(), uid, {});
    expect(top.commenters.length).to.be.greaterThan(0);
  });
});
