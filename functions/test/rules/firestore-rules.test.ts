// Security rules against the Firestore emulator with @firebase/rules-unit-testing.
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collection, deleteDoc, doc, getDoc, getDocs, query, serverTimestamp, setDoc, setLogLevel, updateDoc, where } from "firebase/firestore";
import { firestoreHost, STACK_PROJECT } from "../support/emulators";

// Every document another user owns, one per user-owned collection and subcollection.
const BOB_PRIVATE = [
  "users/bob/billing/usage",
  "users/bob/billing/ai_usage",
  "users/bob/subscriptions/sub_b",
  "users/bob/usage_history/2026-11-01",
  "users/bob/rate_limits/askQuestion",
  "users/bob/quota_releases/r1",
];

describe("firestore.rules", () => {
  let env: RulesTestEnvironment;

  before(async () => {
    setLogLevel("silent"); // denied writes are expected here; the SDK would log each one
    const [host, port] = firestoreHost().split(":");
    env = await initializeTestEnvironment({
      projectId: `${STACK_PROJECT}-rules`,
      firestore: { rules: readFileSync(join(__dirname, "..", "..", "..", "firestore.rules"), "utf8"), host, port: Number(port) },
    });
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      const db = ctx.firestore();
      await setDoc(doc(db, "users/alice"), { uid: "alice", plan: "free" });
      await setDoc(doc(db, "users/alice/billing/usage"), { counters: { videos: 0 } });
      await setDoc(doc(db, "users/alice/billing/ai_usage"), { counters: { replies: 0 } });
      await setDoc(doc(db, "users/alice/subscriptions/sub_a"), { plan: "free" });
      await setDoc(doc(db, "users/alice/billing/internal"), { secret: true });
      await setDoc(doc(db, "users/alice/usage_history/2026-11-01"), { videos: 0 });
      await setDoc(doc(db, "users/bob"), { uid: "bob", plan: "pro" });
      for (const path of BOB_PRIVATE) await setDoc(doc(db, path), { userId: "bob" });
      await setDoc(doc(db, "paddle_customers/ctm_a"), { userId: "alice" });
      await setDoc(doc(db, "deleted_users/zed"), { deleted_at: new Date() });
      await setDoc(doc(db, "analysis_jobs/job-a"), { userId: "alice", status: "completed" });
      await setDoc(doc(db, "analysis_jobs/job-b"), { userId: "bob", status: "completed" });
      await setDoc(doc(db, "analyses/an-a"), { userId: "alice" });
      await setDoc(doc(db, "analyses/an-a/comments/0"), { comments: [] });
      await setDoc(doc(db, "analyses/an-b"), { userId: "bob" });
      await setDoc(doc(db, "analyses/an-b/comments/0"), { comments: [] });
      await setDoc(doc(db, "conversations/cv-a"), { userId: "alice" });
      await setDoc(doc(db, "conversations/cv-a/messages/m1"), { question: "q" });
      await setDoc(doc(db, "conversations/cv-b"), { userId: "bob" });
      await setDoc(doc(db, "conversations/cv-b/messages/m1"), { question: "q" });
      await setDoc(doc(db, "paddle_events/evt_1"), { userId: "alice" });
      await setDoc(doc(db, "cache/video_x"), { data: {} });
    });
  });

  after(() => env.cleanup());

  const alice = () => env.authenticatedContext("alice").firestore();
  const anon = () => env.unauthenticatedContext().firestore();

  it("a user reads their own profile, usage, subscriptions and history", async () => {
    await assertSucceeds(getDoc(doc(alice(), "users/alice")));
    await assertSucceeds(getDoc(doc(alice(), "users/alice/billing/usage")));
    await assertSucceeds(getDoc(doc(alice(), "users/alice/billing/ai_usage")));
    await assertSucceeds(getDoc(doc(alice(), "users/alice/subscriptions/sub_a")));
    await assertSucceeds(getDocs(collection(alice(), "users/alice/subscriptions")));
    await assertSucceeds(getDocs(collection(alice(), "users/alice/usage_history")));
  });

  it("nobody reads another user's documents, nor billing docs other than usage and ai_usage", async () => {
    await assertFails(getDoc(doc(alice(), "users/bob")));
    await assertFails(getDoc(doc(alice(), "users/alice/billing/internal")));
    await assertFails(getDoc(doc(anon(), "users/alice")));
  });

  it("cross-user: every user-owned document of bob is denied to alice, one by one and as a list", async () => {
    for (const path of BOB_PRIVATE) {
      await assertFails(getDoc(doc(alice(), path)));
      await assertFails(getDocs(collection(alice(), path.slice(0, path.lastIndexOf("/")))));
      await assertFails(getDoc(doc(anon(), path)));
    }
    for (const path of ["analysis_jobs/job-b", "analyses/an-b", "analyses/an-b/comments/0", "conversations/cv-b", "conversations/cv-b/messages/m1"]) {
      await assertFails(getDoc(doc(alice(), path)));
    }
    // Lists: bob's by filter, or everything unfiltered, in every top-level collection and chunk subcollection.
    for (const name of ["analysis_jobs", "analyses", "conversations", "paddle_events", "paddle_customers"]) {
      await assertFails(getDocs(query(collection(alice(), name), where("userId", "==", "bob"))));
      await assertFails(getDocs(collection(alice(), name)));
    }
    await assertFails(getDocs(collection(alice(), "analyses/an-b/comments")));
    await assertFails(getDocs(collection(alice(), "conversations/cv-b/messages")));
    // Even alice's own customer mapping and tombstones are server-only.
    await assertFails(getDoc(doc(alice(), "paddle_customers/ctm_a")));
    await assertFails(getDoc(doc(alice(), "deleted_users/zed")));
  });

  it("clients write none of profile, usage, subscription, analyses, conversations, events or cache", async () => {
    await assertFails(updateDoc(doc(alice(), "users/alice"), { plan: "business" }));
    await assertFails(setDoc(doc(alice(), "users/alice/billing/usage"), { counters: { videos: 0 } }));
    await assertFails(setDoc(doc(alice(), "users/alice/subscriptions/sub_a"), { plan: "business" }));
    await assertFails(setDoc(doc(alice(), "paddle_customers/ctm_new"), { userId: "alice" }));
    await assertFails(setDoc(doc(alice(), "deleted_users/alice"), {}));
    await assertFails(deleteDoc(doc(alice(), "deleted_users/zed")));
    await assertFails(setDoc(doc(alice(), "analyses/new"), { userId: "alice" }));
    await assertFails(setDoc(doc(alice(), "conversations/new"), { userId: "alice" }));
    await assertFails(setDoc(doc(alice(), "paddle_events/evt_2"), { userId: "alice" }));
    await assertFails(setDoc(doc(alice(), "cache/video_y"), { data: {} }));
    await assertFails(deleteDoc(doc(alice(), "analyses/an-a")));
  });

  it("analyses, their comment chunks and conversations are readable only by their owner", async () => {
    await assertSucceeds(getDoc(doc(alice(), "analyses/an-a")));
    await assertSucceeds(getDoc(doc(alice(), "analyses/an-a/comments/0")));
    await assertFails(getDoc(doc(alice(), "analyses/an-b")));
    await assertFails(getDoc(doc(alice(), "analyses/an-b/comments/0")));
    await assertSucceeds(getDoc(doc(alice(), "conversations/cv-a/messages/m1")));
    await assertFails(getDoc(doc(alice(), "conversations/cv-b")));
    await assertFails(getDoc(doc(alice(), "conversations/cv-b/messages/m1")));
    await assertSucceeds(getDocs(query(collection(alice(), "conversations"), where("userId", "==", "alice"))));
    await assertFails(getDocs(collection(alice(), "conversations")));
  });

  it("events and cache are server-only", async () => {
    await assertFails(getDoc(doc(alice(), "paddle_events/evt_1")));
    await assertFails(getDoc(doc(alice(), "cache/video_x")));
  });

  describe("analysis_jobs", () => {
    const valid = () => ({
      userId: "alice",
      input: { videoUrlOrId: "https://youtu.be/dQw4w9WgXcQ", maxComments: 100, include: { sentiment: true, classification: true, insights: false, summary: true } },
      status: "pending",
      createdAt: serverTimestamp(),
    });

    it("a user creates a pending job for themselves in the fixed shape", async () => {
      await assertSucceeds(setDoc(doc(alice(), "analysis_jobs/new-1"), valid()));
      await assertSucceeds(setDoc(doc(alice(), "analysis_jobs/new-2"), { ...valid(), input: { videoUrlOrId: "dQw4w9WgXcQ" } }));
    });

    it("rejects jobs for someone else, in another state, with extra or malformed fields, or unauthenticated", async () => {
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x1"), { ...valid(), userId: "bob" }));
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x2"), { ...valid(), status: "completed" }));
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x3"), { ...valid(), analysisId: "an-b" }));
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x4"), { ...valid(), createdAt: new Date(0) }));
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x5"), { ...valid(), input: { videoUrlOrId: "" } }));
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x6"), { ...valid(), input: { videoUrlOrId: "a", maxComments: 0 } }));
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x7"), { ...valid(), input: { videoUrlOrId: "a", include: { sentiment: "yes" } } }));
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x8"), { ...valid(), input: { videoUrlOrId: "a", extra: 1 } }));
      await assertFails(setDoc(doc(alice(), "analysis_jobs/x9"), { ...valid(), input: { videoUrlOrId: "x".repeat(501) } }));
      await assertFails(setDoc(doc(anon(), "analysis_jobs/x10"), valid()));
    });

    it("a deleted account's still-valid token cannot create a job (tombstone)", async () => {
      const zed = env.authenticatedContext("zed").firestore();
      await assertFails(setDoc(doc(zed, "analysis_jobs/z1"), { ...valid(), userId: "zed" }));
    });

    it("jobs are read only by their owner and never updated or deleted by clients", async () => {
      await assertSucceeds(getDoc(doc(alice(), "analysis_jobs/job-a")));
      await assertFails(getDoc(doc(alice(), "analysis_jobs/job-b")));
      await assertSucceeds(getDocs(query(collection(alice(), "analysis_jobs"), where("userId", "==", "alice"))));
      await assertFails(updateDoc(doc(alice(), "analysis_jobs/job-a"), { status: "pending" }));
      await assertFails(deleteDoc(doc(alice(), "analysis_jobs/job-a")));
    });
  });
});
