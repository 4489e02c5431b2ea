// The hook the features acting on new comments plug into (sync/observers.ts):
// each observer isolated, none called twice for the same batch on redelivery.
import { expect } from "chai";
import { db } from "../../src/core/firebase";
import type { NamedSyncObserver, SyncCommittedBatch } from "../../src/domain/sync";
import { MAX_OBSERVER_ATTEMPTS, notifyObservers, observedRef } from "../../src/sync/observers";
import { resetFirestore } from "../support/emulators";

const batch = (runId: string, batchIndex = 0): SyncCommittedBatch => ({
  uid: "u1",
  sourceId: "channel_UC1",
  runId,
  batchIndex,
  channelId: "UC1",
  videoIds: ["vid00000001"],
  comments: [
    {
      commentId: "c1",
      uid: "u1",
      sourceId: "channel_UC1",
      channelId: "UC1",
      videoId: "vid00000001",
      parentId: null,
      text: "When is part 2?",
      authorName: "Ann",
      authorChannelId: "UCann",
      publishedAt: "2026-12-01T10:00:00Z",
      likeCount: 3,
      replyCount: 0,
      byOwner: false,
      answeredByOwner: false,
      spamReason: null,
      language: "en",
      labels: { sentiment: "neutral", score: 0, category: "question", toxic: false, isQuestion: true, blocked: false },
      runId,
    },
  ],
});

function recorder(name: string, behaviour: () => Promise<void> = () => Promise.resolve()) {
  const calls: SyncCommittedBatch[] = [];
  const observer: NamedSyncObserver = {
    name,
    observe: async (b) => {
      calls.push(b);
      await behaviour();
    },
  };
  return { observer, calls };
}

describe("sync observers", function () {
  this.timeout(30_000);
  before(() => resetFirestore());

  it("calls every observer with the batch; one that throws stops neither the others nor the caller", async () => {
    const a = recorder("a");
    const broken = recorder("broken", () => Promise.reject(new Error("boom")));
    const c = recorder("c");
    const report = await notifyObservers(db(), batch("run-isolated"), { observers: [a.observer, broken.observer, c.observer] });
    expect(report.ran.sort()).to.deep.equal(["a", "c"]);
    expect(report.failed).to.deep.equal(["broken"]);
    expect(a.calls).to.have.length(1);
    expect(c.calls[0]?.comments[0]?.commentId).to.equal("c1");
  });

  it("a redelivered batch calls no observer that finished; a failed one is retried, then given up", async () => {
    let failing = true;
    const ok = recorder("ok");
    const flaky = recorder("flaky", () => (failing ? Promise.reject(new Error("down")) : Promise.resolve()));
    const observers = [ok.observer, flaky.observer];
    const first = await notifyObservers(db(), batch("run-redelivered"), { observers });
    expect(first).to.deep.include({ ran: ["ok"], failed: ["flaky"] });
    failing = false;
    const second = await notifyObservers(db(), batch("run-redelivered"), { observers });
    expect(second).to.deep.include({ ran: ["flaky"], skipped: ["ok"] });
    const third = await notifyObservers(db(), batch("run-redelivered"), { observers });
    expect(third.skipped.sort()).to.deep.equal(["flaky", "ok"]);
    expect(ok.calls).to.have.length(1);
    expect(flaky.calls).to.have.length(2);
    // Another batch of the same run is its own checkpoint.
    await notifyObservers(db(), batch("run-redelivered", 1), { observers });
    expect(ok.calls).to.have.length(2);

    const dead = recorder("dead", () => Promise.reject(new Error("always")));
    for (let i = 0; i < MAX_OBSERVER_ATTEMPTS; i++) await notifyObservers(db(), batch("run-dead"), { observers: [dead.observer] });
    const last = await notifyObservers(db(), batch("run-dead"), { observers: [dead.observer] });
    expect(last.givenUp).to.deep.equal(["dead"]);
    expect(dead.calls).to.have.length(MAX_OBSERVER_ATTEMPTS);
    expect((await observedRef(db(), "run-dead", 0).get()).get("attempts.dead")).to.equal(MAX_OBSERVER_ATTEMPTS);
  });

  it("an observer that never answers counts as failed after its time limit", async () => {
    const hung = recorder("hung", () => new Promise<void>(() => undefined));
    const fine = recorder("fine");
    const report = await notifyObservers(db(), batch("run-hung"), { observers: [hung.observer, fine.observer], timeLimitMs: 50 });
    expect(report.failed).to.deep.equal(["hung"]);
    expect(report.ran).to.deep.equal(["fine"]);
  });
});
