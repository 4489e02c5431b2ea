import { expect } from "chai";
import { Timestamp } from "firebase-admin/firestore";
import { db } from "../../src/core/firebase";
import { markNotifications } from "../../src/notifications/functions";
import { notificationsOf, notify } from "../../src/notifications/store";
import { resetFirestore } from "../support/emulators";
import { call, callError } from "../support/functions";

describe("notifications: the store and markNotifications (in-process, Firestore emulator)", () => {
  before(() => resetFirestore());

  const alice = { uid: "alice" };
  const bob = { uid: "bob" };

  it("notify writes the shared shape, with the writer's extra fields", async () => {
    const { id, created } = await notify(db(), "alice", {
      type: "rule_paused",
      source: "rules",
      title: "Rule paused",
      body: "“Thank fans” failed 5 times and was paused.",
      ruleId: "r1",
      ruleName: "Thank fans",
    });
    expect(created).to.equal(true);
    const stored = (await notificationsOf(db(), "alice").doc(id).get()).data()!;
    expect(stored).to.deep.include({ type: "rule_paused", source: "rules", title: "Rule paused", ruleId: "r1", ruleName: "Thank fans", read: false, delivery: null });
    expect(stored.createdAt).to.be.instanceOf(Timestamp);
  });

  it("a deterministic id makes a redelivered notify add nothing", async () => {
    const input = { type: "rule_paused", source: "rules", title: "Rule paused", body: "b", ruleId: "r2" };
    const first = await notify(db(), "alice", input, { id: "rule_paused_r2" });
    const again = await notify(db(), "alice", { ...input, body: "changed" }, { id: "rule_paused_r2" });
    expect([first.created, again.created]).to.deep.equal([true, false]);
    expect((await notificationsOf(db(), "alice").doc("rule_paused_r2").get()).get("body")).to.equal("b");
  });

  it("the store owns read, createdAt and delivery", async () => {
    let error: unknown;
    try {
      await notify(db(), "alice", { type: "x", source: "x", title: "t", body: "b", read: true });
    } catch (err) {
      error = err;
    }
    expect(String(error)).to.match(/read is set by the store/);
  });

  it("markNotifications flips read both ways, counts only changes, skips unknown ids", async () => {
    const read = await call(markNotifications, { ids: ["rule_paused_r2", "nope", "rule_paused_r2"] }, alice);
    expect(read).to.deep.equal({ updated: 1, read: true });
    expect((await notificationsOf(db(), "alice").doc("rule_paused_r2").get()).get("read")).to.equal(true);
    expect(await call(markNotifications, { ids: ["rule_paused_r2"], read: true }, alice)).to.deep.equal({ updated: 0, read: true });
    expect(await call(markNotifications, { ids: ["rule_paused_r2"], read: false }, alice)).to.deep.equal({ updated: 1, read: false });
  });

  it("all: true marks every unread one; another user's ids change nothing of theirs", async () => {
    await notify(db(), "bob", { type: "x", source: "alerts", title: "t", body: "b" }, { id: "bob1" });
    expect(await call(markNotifications, { all: true }, alice)).to.deep.equal({ updated: 2, read: true });
    const unread = await notificationsOf(db(), "alice").where("read", "==", false).get();
    expect(unread.size).to.equal(0);
    expect(await call(markNotifications, { ids: ["bob1"] }, alice)).to.deep.equal({ updated: 0, read: true });
    expect((await notificationsOf(db(), "bob").doc("bob1").get()).get("read")).to.equal(false);
    expect(await call(markNotifications, { ids: ["bob1"] }, bob)).to.deep.equal({ updated: 1, read: true });
  });

  it("bad input names the field", async () => {
    expect((await callError(call(markNotifications, {}, alice))).message).to.match(/give either ids or all: true/);
    expect((await callError(call(markNotifications, { ids: [] }, alice))).message).to.match(/^ids: must list at least one id/);
    expect((await callError(call(markNotifications, { ids: ["a/b"] }, alice))).message).to.match(/^ids\.0: must be a document id/);
    expect((await callError(call(markNotifications, { ids: ["a"], all: true }, alice))).code).to.equal("invalid-argument");
    expect((await callError(call(markNotifications, { ids: ["a"] }, null))).code).to.equal("unauthenticated");
  });
});
