import { expect } from "chai";
import { db, auth } from "../../src/core/firebase";
import { usageRef } from "../../src/core/planUsage";
import { deleteAccount, getMe, getUsage, updateProfile, updateSettings } from "../../src/users/functions";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { HttpsError } from "firebase-functions/v2/https";
import { paddleCustomerDirectory } from "../../src/billing/paddle";
import { deleteAccount as deleteAccountService } from "../../src/users/service";
import { resetAuth, resetFirestore } from "../support/emulators";
import { call, callError, rejectionOf } from "../support/functions";
import { LOCAL_PADDLE_API_KEY, startPaddleStandIn, type PaddleStandIn } from "../../../tools/standins/paddle";

describe("users callables (in-process, Firestore + Auth emulators)", () => {
  before(async () => {
    await resetFirestore();
    await resetAuth();
  });

  const alice = { uid: "alice", token: { email: "alice@example.com", name: "Alice" } };

  it("getMe creates profile and usage once; a second call does not reset usage", async () => {
    const first = await call(getMe, {}, alice);
    expect(first.created).to.equal(true);
    expect(first.profile).to.include({ uid: "alice", email: "alice@example.com", displayName: "Alice", plan: "free" });
    expect(first.profile.settings).to.deep.equal(DEFAULT_SETTINGS);
    expect(first.usage.videos).to.deep.equal({ used: 0, limit: 1, remaining: 1, unlimited: false });
    expect(first.usage.aiQuestions.limit).to.equal(2);
    expect(first.usage.commentsPerVideo.limit).to.equal(100);
    expect(Date.parse(first.usage.periodEnd) - Date.parse(first.usage.periodStart)).to.be.within(28 * 864e5, 31 * 864e5);

    await usageRef(db(), "alice").update({ "counters.videos": 1 });
    const second = await call(getMe, {}, alice);
    expect(second.created).to.equal(false);
    expect(second.usage.videos.used).to.equal(1);
    expect(second.usage.periodStart).to.equal(first.usage.periodStart);
  });

  it("updateProfile sets and clears fields and validates them", async () => {
    const updated = await call(updateProfile, { displayName: "  Ålice 🎬  ", photoURL: "https://example.com/a.png" }, alice);
    expect(updated.displayName).to.equal("Ålice 🎬");
    expect(updated.photoURL).to.equal("https://example.com/a.png");
    const cleared = await call(updateProfile, { photoURL: null }, alice);
    expect(cleared.photoURL).to.equal(null);
    expect(cleared.displayName).to.equal("Ålice 🎬");

    const badUrl = await callError(call(updateProfile, { photoURL: "javascript:alert(1)" }, alice));
    expect(badUrl.code).to.equal("invalid-argument");
    expect(badUrl.message).to.match(/^photoURL: must be an https:\/\/ URL/);
    const tooLong = await callError(call(updateProfile, { displayName: "x".repeat(101) }, alice));
    expect(tooLong.message).to.match(/^displayName: must be at most 100 characters/);
    const empty = await callError(call(updateProfile, {}, alice));
    expect(empty.code).to.equal("invalid-argument");
  });

  it("updateSettings merges a partial patch and rejects unknown or wrong fields", async () => {
    const { settings } = await call(
      updateSettings,
      { settings: { replyTone: "humorous", defaultAnalysis: { include: { insights: false } } } },
      alice,
    );
    expect(settings.replyTone).to.equal("humorous");
    expect(settings.defaultAnalysis.include).to.deep.equal({ sentiment: true, classification: true, insights: false, summary: true });
    expect(settings.language).to.equal("en");
    const stored = (await db().doc("users/alice").get()).get("settings") as typeof settings;
    expect(stored.replyTone).to.equal("humorous");

    const tone = await callError(call(updateSettings, { settings: { replyTone: "sarcastic" } }, alice));
    expect(tone.message).to.match(/^settings\.replyTone: must be one of friendly/);
    const unknown = await callError(call(updateSettings, { settings: { theme: "dark" } }, alice));
    expect(unknown.message).to.match(/settings: unknown field\(s\) theme/);
    const lang = await callError(call(updateSettings, { settings: { language: "English!" } }, alice));
    expect(lang.details).to.include({ field: "settings.language" });
  });

  it("getUsage answers the client view", async () => {
    const usage = await call(getUsage, {}, alice);
    expect(usage.plan).to.equal("free");
    expect(usage.videos.used).to.equal(1);
  });

  describe("deleteAccount", () => {
    let paddle: PaddleStandIn;
    before(async () => {
      paddle = await startPaddleStandIn();
    });
    after(() => paddle.close());

    /** Every document of the project, walking every collection and subcollection (also under missing parents). */
    async function everyDocument(): Promise<Array<{ path: string; data: unknown }>> {
      const out: Array<{ path: string; data: unknown }> = [];
      async function walk(refs: FirebaseFirestore.CollectionReference[]) {
        for (const col of refs) {
          for (const doc of await col.listDocuments()) {
            const snap = await doc.get();
            if (snap.exists) out.push({ path: doc.path, data: snap.data() });
            await walk(await doc.listCollections());
          }
        }
      }
      await walk(await db().listCollections());
      return out;
    }

    it("cancels live subscriptions, revokes tokens, leaves no document with the user's id anywhere, keeps billing records anonymised", async () => {
      const bob = { uid: "bob", token: { email: "bob@example.com" } };
      await auth().createUser({ uid: "bob", email: "bob@example.com" });
      await call(getMe, {}, bob);
      await call(getMe, {}, alice);
      await fetch(`${paddle.url}/__seed`, {
        method: "POST",
        body: JSON.stringify({ subscriptions: [{ id: "sub_bobpro", customer_id: "ctm_bob" }, { id: "sub_bobold", customer_id: "ctm_bob", status: "canceled" }] }),
      });
      // Documents of every kind the user owns, some nested, one orphan chunk whose analysis was never written.
      await db().doc("analysis_jobs/j1").set({ userId: "bob", status: "completed" });
      await db().doc("analyses/a1").set({ userId: "bob" });
      await db().doc("analyses/a1/comments/0000").set({ userId: "bob", jobId: "j1", comments: [{ author: "@viewer", text: "hi" }] });
      await db().doc("analyses/never-written/comments/0000").set({ userId: "bob", jobId: "j2", comments: [{ author: "@v2", text: "stray" }] });
      await db().doc("conversations/c1").set({ userId: "bob" });
      await db().doc("conversations/c1/messages/m1").set({ question: "q" });
      await db().doc("paddle_customers/ctm_bob").set({ userId: "bob", customer_id: "ctm_bob" });
      await db().doc("paddle_events/evt_bob1").set({ userId: "bob", event_type: "subscription.created", customer_id: "ctm_bob" });
      await db().doc("users/bob/usage_history/2026-11-01").set({ videos: 0 });
      await db().doc("users/bob/subscriptions/sub_bobpro").set({ status: "active", plan: "pro" });
      await db().doc("users/bob/subscriptions/sub_bobold").set({ status: "canceled", plan: "pro" });
      await db().doc("users/bob/rate_limits/askQuestion").set({ hits: [] });
      await db().doc("analyses/a2").set({ userId: "alice" });

      const confirmMissing = await callError(call(deleteAccount, {}, bob));
      expect(confirmMissing.message).to.match(/^confirm: /);

      const directory = paddleCustomerDirectory(LOCAL_PADDLE_API_KEY, paddle.url);
      const result = await deleteAccountService({ db: db(), auth: auth(), billing: directory }, "bob");
      expect(result).to.include({ deleted: true, subscriptionsCancelled: 1, authUserDeleted: true });

      // The live subscription was cancelled through the Paddle API, at once; the canceled one was left alone.
      const calls = ((await (await fetch(`${paddle.url}/__calls`)).json()) as { calls: Array<{ method: string; path: string; body: unknown }> }).calls;
      expect(calls).to.deep.equal([{ method: "POST", path: "/subscriptions/sub_bobpro/cancel", body: { effective_from: "immediately" } }]);

      const all = await everyDocument();
      const traces = all.filter((d) => d.path.split("/").includes("bob") || JSON.stringify(d.data).includes('"bob"'));
      // Only the tombstone names bob (by its id); the kept billing record no longer does.
      expect(traces.map((d) => d.path)).to.deep.equal(["deleted_users/bob"]);
      expect(all.find((d) => d.path === "paddle_events/evt_bob1")?.data).to.include({ userId: null, customer_id: "ctm_bob" });
      expect(all.some((d) => d.path.startsWith("analyses/never-written/"))).to.equal(false);
      expect((await auth().listUsers()).users.map((u) => u.uid)).not.to.include("bob");
      expect((await db().doc("analyses/a2").get()).exists).to.equal(true);
      expect((await db().doc("users/alice").get()).exists).to.equal(true);

      // Safe to repeat after a partial failure (the callable lets a deleted account finish its own deletion).
      const again = await call(deleteAccount, { confirm: true }, bob);
      expect(again).to.include({ deleted: true, ownedDocuments: 0, authUserDeleted: false });
    });

    it("an old ID token cannot recreate the profile or use any callable after deletion", async () => {
      const carol = { uid: "carol", token: { email: "carol@example.com" } };
      await call(getMe, {}, carol);
      await call(deleteAccount, { confirm: true }, carol);
      const err = await callError(call(getMe, {}, carol));
      expect(err.code).to.equal("unauthenticated");
      expect(err.message).to.match(/deleted/);
      expect((await callError(call(getUsage, {}, carol))).code).to.equal("unauthenticated");
      expect((await db().doc("users/carol").get()).exists).to.equal(false);
      expect((await db().doc("users/carol/billing/usage").get()).exists).to.equal(false);
    });

    it("refuses to delete an account whose live subscription it cannot cancel (no billing configured)", async () => {
      await db().doc("users/dave/subscriptions/sub_dave").set({ status: "active", plan: "pro" });
      const err = await rejectionOf(deleteAccountService({ db: db(), auth: auth(), billing: null }, "dave"), HttpsError);
      expect(err.code).to.equal("unavailable");
      expect((await db().doc("users/dave/subscriptions/sub_dave").get()).exists).to.equal(true);
    });
  });
});
