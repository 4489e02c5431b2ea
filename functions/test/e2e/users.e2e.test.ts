import { expect } from "chai";
import type { FunctionsError } from "firebase/functions";
import { httpsCallable } from "firebase/functions";
import { deleteApp as deleteAdminApp, initializeApp as initializeAdmin } from "firebase-admin/app";
import { getFirestore as getAdminFirestore } from "firebase-admin/firestore";
import { doc, getDoc, serverTimestamp, setDoc } from "firebase/firestore";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";
import { signUp, type WebClient } from "../support/client";

interface Me {
  created: boolean;
  profile: { uid: string; email: string; displayName: string | null };
  usage: { videos: { used: number; limit: number } };
}

describe("e2e: users through httpsCallable (auth, functions, firestore emulators)", function () {
  this.timeout(60_000);
  let client: WebClient;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    client = await signUp(`creator-${Date.now()}@example.com`);
  });
  after(() => client.close());

  it("signs up, calls getMe twice without resetting usage, updates the profile and reads it back", async () => {
    const first = await client.call<Me>("getMe");
    expect(first.created).to.equal(true);
    expect(first.profile).to.include({ uid: client.user.uid, email: client.user.email });
    expect(first.usage.videos).to.include({ used: 0, limit: 1 });

    const second = await client.call<Me>("getMe");
    expect(second.created).to.equal(false);

    const profile = await client.call<{ displayName: string }>("updateProfile", { displayName: "Creator Café" });
    expect(profile.displayName).to.equal("Creator Café");
    const read = await getDoc(doc(client.firestore, "users", client.user.uid));
    expect(read.get("displayName")).to.equal("Creator Café");
    const usage = await getDoc(doc(client.firestore, "users", client.user.uid, "billing", "usage"));
    expect(usage.get("counters")).to.deep.equal({ videos: 0, ai_questions: 0, replies: 0 });
  });

  it("rejects bad input with invalid-argument naming the field", async () => {
    const err = (await client.call("updateProfile", { displayName: 42 }).catch((e: unknown) => e)) as FunctionsError;
    expect(err.code).to.equal("functions/invalid-argument");
    expect(err.message).to.match(/^displayName: /);
  });

  it("rejects unauthenticated calls", async () => {
    const { initializeApp, deleteApp } = await import("firebase/app");
    const { getFunctions, connectFunctionsEmulator } = await import("firebase/functions");
    const anon = initializeApp({ projectId: STACK_PROJECT, apiKey: "demo-api-key" }, "anonymous");
    const functions = getFunctions(anon, "us-central1");
    connectFunctionsEmulator(functions, "127.0.0.1", Number(process.env.LENTLY_FUNCTIONS_PORT ?? "5001"));
    const err = (await httpsCallable(functions, "getMe")({}).catch((e: unknown) => e)) as FunctionsError;
    expect(err.code).to.equal("functions/unauthenticated");
    await deleteApp(anon);
  });

  it("cannot write its own usage document (rules)", async () => {
    const attempt = setDoc(doc(client.firestore, "users", client.user.uid, "billing", "usage"), { counters: { videos: -100 } });
    const err = (await attempt.catch((e: unknown) => e)) as { code: string };
    expect(err.code).to.equal("permission-denied");
  });
});

describe("e2e: deleteAccount, then the still-signed-in web app (old ID token)", function () {
  this.timeout(60_000);

  it("getMe and a direct job write are refused, and nothing of the user is recreated", async () => {
    const client = await signUp();
    try {
      const uid = client.user.uid;
      await client.call("getMe");
      const deleted = await client.call<{ deleted: boolean; authUserDeleted: boolean }>("deleteAccount", { confirm: true });
      expect(deleted).to.include({ deleted: true, authUserDeleted: true });
      // The client still holds an ID token that the emulators accept for up to an hour.
      const again = (await client.call("getMe").catch((e: unknown) => e)) as FunctionsError;
      expect(again.code).to.equal("functions/unauthenticated");
      expect(again.message).to.match(/deleted/);
      const job = setDoc(doc(client.firestore, "analysis_jobs", `after-delete-${uid}`), {
        userId: uid,
        input: { videoUrlOrId: "dQw4w9WgXcQ" },
        status: "pending",
        createdAt: serverTimestamp(),
      });
      expect(((await job.catch((e: unknown) => e)) as { code: string }).code).to.equal("permission-denied");
      const adminApp = initializeAdmin({ projectId: STACK_PROJECT }, `users-e2e-${uid}`);
      try {
        const adminDb = getAdminFirestore(adminApp);
        expect((await adminDb.doc(`users/${uid}`).get()).exists).to.equal(false);
        expect((await adminDb.collection("analysis_jobs").where("userId", "==", uid).get()).size).to.equal(0);
        expect((await adminDb.doc(`deleted_users/${uid}`).get()).exists).to.equal(true);
      } finally {
        await deleteAdminApp(adminApp);
      }
    } finally {
      await client.close();
    }
  });
});
