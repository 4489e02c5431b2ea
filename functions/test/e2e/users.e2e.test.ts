import { expect } from "chai";
import type { FunctionsError } from "firebase/functions";
import { httpsCallable } from "firebase/functions";
import { doc, getDoc, setDoc } from "firebase/firestore";
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
    expect(usage.get("counters")).to.deep.equal({ videos: 0, ai_questions: 0 });
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
