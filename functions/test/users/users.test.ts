import { expect } from "chai";
import { db, auth } from "../../src/core/firebase";
import { usageRef } from "../../src/core/usage";
import { deleteAccount, getMe, getUsage, updateProfile, updateSettings } from "../../src/users/functions";
import { DEFAULT_SETTINGS } from "../../src/users/settings";
import { resetAuth, resetFirestore } from "../support/emulators";
import { call, callError } from "../support/functions";

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

  it("deleteAccount leaves nothing of the user in Firestore or Auth, and is idempotent", async () => {
    const bob = { uid: "bob", token: { email: "bob@example.com" } };
    await auth().createUser({ uid: "bob", email: "bob@example.com" });
    await call(getMe, {}, bob);
    await call(getMe, {}, alice);
    // Documents of every user-owned collection, with subcollections.
    await db().doc("analysis_jobs/j1").set({ userId: "bob", status: "completed" });
    await db().doc("analyses/a1").set({ userId: "bob" });
    await db().doc("analyses/a1/comments/0").set({ comments: [] });
    await db().doc("conversations/c1").set({ userId: "bob" });
    await db().doc("conversations/c1/messages/m1").set({ question: "q" });
    await db().doc("paddle_events/e1").set({ userId: "bob" });
    await db().doc("users/bob/usage_history/2026-11-01").set({ videos: 0 });
    await db().doc("analyses/a2").set({ userId: "alice" });

    const confirmMissing = await callError(call(deleteAccount, {}, bob));
    expect(confirmMissing.message).to.match(/^confirm: /);

    const result = await call(deleteAccount, { confirm: true }, bob);
    expect(result).to.include({ deleted: true, ownedDocuments: 4, authUserDeleted: true });

    const everything = await db().listCollections();
    const leftovers: string[] = [];
    async function walk(refs: FirebaseFirestore.CollectionReference[]) {
      for (const col of refs) {
        for (const doc of (await col.listDocuments())) {
          const snap = await doc.get();
          if (doc.id === "bob" || (snap.exists && snap.get("userId") === "bob")) leftovers.push(doc.path);
          await walk(await doc.listCollections());
        }
      }
    }
    await walk(everything);
    expect(leftovers).to.deep.equal([]);
    const users = await auth().listUsers();
    expect(users.users.map((u) => u.uid)).not.to.include("bob");
    expect((await db().doc("analyses/a2").get()).exists).to.equal(true);
    expect((await db().doc("users/alice").get()).exists).to.equal(true);

    const again = await call(deleteAccount, { confirm: true }, bob);
    expect(again).to.include({ deleted: true, ownedDocuments: 0, authUserDeleted: false });
  });
});
