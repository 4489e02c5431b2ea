import { expect } from "chai";
import { Timestamp } from "firebase-admin/firestore";
import { alertsAfterAnalysis } from "../../src/alerts/afterAnalysis";
import { crossedNegativeThreshold } from "../../src/alerts/negativeShare";
import { alertsOnSync } from "../../src/alerts/onSync";
import { db } from "../../src/core/firebase";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import type { SyncCommittedBatch, SyncedComment } from "../../src/domain/sync";
import { deliverNotification } from "../../src/notifications/delivery";
import { notificationsOf } from "../../src/notifications/store";
import { notifyObservers } from "../../src/sync/observers";
import { resetFirestore } from "../support/emulators";

const HOUR = 3_600_000;
const t0 = new Date("2026-12-01T10:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

/** An analysis document as finalize stores it, with `negative` of 20 comments negative. */
async function storeAnalysis(id: string, uid: string, videoId: string, negative: number, completedAt: Date) {
  await db().doc(`analyses/${id}`).set({
    userId: uid,
    videoId,
    video: { title: "Lently demo: my editing setup" },
    completedAt: Timestamp.fromDate(completedAt),
    results: { sentiment: { total: 20, counts: { positive: 20 - negative - 2, neutral: 2, negative, mixed: 0 } } },
  });
}

async function notificationsFor(uid: string) {
  return (await notificationsOf(db(), uid).get()).docs;
}

describe("alerts: negative share over a threshold, with a cooldown", () => {
  before(() => resetFirestore());

  it("fires when the share rises past the threshold, not while it stays above", () => {
    expect(crossedNegativeThreshold({ total: 20, negative: 4 }, { total: 20, negative: 9 }, 30)).to.equal(true);
    expect(crossedNegativeThreshold({ total: 20, negative: 9 }, { total: 20, negative: 10 }, 30)).to.equal(false);
    expect(crossedNegativeThreshold({ total: 20, negative: 9 }, { total: 20, negative: 4 }, 30)).to.equal(false);
    expect(crossedNegativeThreshold(null, { total: 20, negative: 9 }, 30)).to.equal(true);
    expect(crossedNegativeThreshold({ total: 10, negative: 3 }, { total: 10, negative: 3 }, 30)).to.equal(false); // exactly 30 %: not over
    expect(crossedNegativeThreshold({ total: 0, negative: 0 }, { total: 0, negative: 0 }, 30)).to.equal(false);
  });

  it("two successive analyses 20 % → 45 %: one notification and one mail document in the extension's shape", async () => {
    await db().doc("users/ann").set({ uid: "ann", email: "ann@example.com", settings: { ...DEFAULT_SETTINGS, alerts: { ...DEFAULT_SETTINGS.alerts, email: true } } });
    await storeAnalysis("a1", "ann", "lentlyDemo1", 4, at(0));
    expect(await alertsAfterAnalysis(db(), "a1", at(0))).to.deep.equal({ negativeShare: "not_crossed" });
    await storeAnalysis("a2", "ann", "lentlyDemo1", 9, at(1));
    expect(await alertsAfterAnalysis(db(), "a2", at(1))).to.deep.equal({ negativeShare: "fired" });
    // A redelivered trigger for the same analysis adds nothing.
    expect(await alertsAfterAnalysis(db(), "a2", at(1))).to.deep.equal({ negativeShare: "already" });

    const [n] = await notificationsFor("ann");
    expect((await notificationsFor("ann")).length).to.equal(1);
    expect(n.data()).to.deep.include({
      type: "negative_share",
      source: "alerts",
      read: false,
      delivery: null,
      videoId: "lentlyDemo1",
      analysisId: "a2",
      negativeShare: 0.45,
      previousShare: 0.2,
      thresholdPercent: 30,
    });
    expect(n.get("title")).to.equal("Negative comments rose to 45 % on “Lently demo: my editing setup”");

    const queued: unknown[] = [];
    const delivery = await deliverNotification({ db: db(), mailCollection: "mail", enqueueWebhook: (t) => Promise.resolve(void queued.push(t)) }, "ann", n.id);
    expect(delivery).to.deep.equal({ email: { mailId: `ann_${n.id}` }, webhooks: {} });
    // Delivered twice (a redelivered trigger): still one mail document.
    await deliverNotification({ db: db(), mailCollection: "mail", enqueueWebhook: () => Promise.resolve() }, "ann", n.id);
    const mail = (await db().collection("mail").get()).docs;
    expect(mail.length).to.equal(1);
    const doc = mail[0].data() as { toUids: string[]; message: Record<string, string> };
    expect(doc.toUids).to.deep.equal(["ann"]);
    expect(doc.message.subject).to.equal(n.get("title"));
    expect(doc.message.text).to.contain("9 of 20 comments are negative (was 20 %)");
    expect(doc.message.html).to.contain("<h2").and.contain("“Lently demo: my editing setup”");
    expect(Object.keys(doc.message).sort()).to.deep.equal(["html", "subject", "text"]);
    expect((await notificationsOf(db(), "ann").doc(n.id).get()).get("delivery")).to.deep.equal({ email: { mailId: `ann_${n.id}` } });
  });

  it("falls and rises again within the cooldown: no second notification, counted as suppressed", async () => {
    await storeAnalysis("a3", "ann", "lentlyDemo1", 4, at(2));
    expect(await alertsAfterAnalysis(db(), "a3", at(2))).to.deep.equal({ negativeShare: "not_crossed" });
    await storeAnalysis("a4", "ann", "lentlyDemo1", 9, at(3));
    expect(await alertsAfterAnalysis(db(), "a4", at(3))).to.deep.equal({ negativeShare: "cooldown" });
    expect((await notificationsFor("ann")).length).to.equal(1);
    expect((await db().doc("users/ann/alert_state/negative_share_lentlyDemo1").get()).get("suppressed")).to.equal(1);
    // After the cooldown (24 h by default) the same rise fires again.
    await storeAnalysis("a5", "ann", "lentlyDemo1", 4, at(30));
    await alertsAfterAnalysis(db(), "a5", at(30));
    await storeAnalysis("a6", "ann", "lentlyDemo1", 9, at(31));
    expect(await alertsAfterAnalysis(db(), "a6", at(31))).to.deep.equal({ negativeShare: "fired" });
    expect((await notificationsFor("ann")).length).to.equal(2);
  });

  it("no email unless asked; no alert when the creator turned it off", async () => {
    await db().doc("users/ben").set({ uid: "ben", settings: DEFAULT_SETTINGS });
    await storeAnalysis("b1", "ben", "v1", 9, at(0));
    expect(await alertsAfterAnalysis(db(), "b1", at(0))).to.deep.equal({ negativeShare: "fired" });
    const [n] = await notificationsFor("ben");
    expect(await deliverNotification({ db: db(), mailCollection: "mail", enqueueWebhook: () => Promise.resolve() }, "ben", n.id)).to.deep.equal({ email: null, webhooks: {} });
    expect((await db().collection("mail").where("userId", "==", "ben").get()).size).to.equal(0);

    await db().doc("users/cat").set({ settings: { ...DEFAULT_SETTINGS, alerts: { email: true, negativeShare: { enabled: false, thresholdPercent: 30, cooldownHours: 24 } } } });
    await storeAnalysis("c1", "cat", "v1", 9, at(0));
    expect(await alertsAfterAnalysis(db(), "c1", at(0))).to.deep.equal({ negativeShare: "off" });
  });

  it("the sync observer: a batch that pushes a video from 20 % to 45 % notifies once, a redelivered batch not again", async () => {
    await db().doc("users/dan").set({ settings: DEFAULT_SETTINGS });
    // The video's rolling counts after the batch (40 comments, 18 negative); the batch brought 20 of them, 14 negative.
    await db().doc("channel_videos/dan_vidA").set({ userId: "dan", videoId: "vidA", title: "Vid A", sentiment: { positive: 20, neutral: 2, negative: 18, mixed: 0 } });
    const comment = (i: number, negative: boolean): SyncedComment => ({
      commentId: `c${i}`, uid: "dan", sourceId: "channel_UCd", channelId: "UCd", videoId: "vidA", parentId: null, text: "t", authorName: "a",
      authorChannelId: null, publishedAt: at(0).toISOString(), likeCount: 0, replyCount: 0, byOwner: false, answeredByOwner: false,
      spamReason: null, language: "en", runId: "run1",
      labels: { sentiment: negative ? "negative" : "positive", score: 0, category: "other", toxic: false, isQuestion: false, blocked: false },
    });
    const batch: SyncCommittedBatch = {
      uid: "dan", sourceId: "channel_UCd", runId: "run1", batchIndex: 0, channelId: "UCd", videoIds: ["vidA"],
      comments: Array.from({ length: 20 }, (_, i) => comment(i, i < 14)),
    };
    // before: 20 comments, 4 negative (20 %); after: 40, 18 (45 %).
    const report = await notifyObservers(db(), batch, { observers: [{ name: "alerts", observe: alertsOnSync }], now: at(0) });
    expect(report.ran).to.deep.equal(["alerts"]);
    await alertsOnSync(batch, { db: db(), now: at(0) }); // an observer called again after its effect: idempotent
    const docs = await notificationsFor("dan");
    expect(docs.length).to.equal(1);
    expect(docs[0].data()).to.deep.include({ type: "negative_share", via: "sync", negativeShare: 0.45, previousShare: 0.2 });
  });
});
