// The rules' first line against job floods: a client cannot create a job
// document while the server counts the cap of its analyses running.
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { expect } from "chai";
import { Timestamp as ClientTimestamp, doc, serverTimestamp, setDoc, setLogLevel } from "firebase/firestore";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_ACTIVE_JOBS } from "../../src/analysis/activeJobs";
import { firestoreHost, STACK_PROJECT } from "../support/emulators";

describe("firestore.rules: running-analyses cap on direct job creates", () => {
  let env: RulesTestEnvironment;
  const job = (uid: string) => ({ userId: uid, input: { videoUrlOrId: "lentlyDemo1" }, status: "pending", createdAt: serverTimestamp() });
  const running = (n: number) => ({ jobs: Array.from({ length: n }, (_, i) => ({ jobId: `j${i}`, since: ClientTimestamp.now() })) });

  before(async () => {
    setLogLevel("silent");
    const [host, port] = firestoreHost().split(":");
    env = await initializeTestEnvironment({
      projectId: `${STACK_PROJECT}-rules-cap`,
      firestore: { rules: readFileSync(join(__dirname, "..", "..", "..", "firestore.rules"), "utf8"), host, port: Number(port) },
    });
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      await setDoc(doc(ctx.firestore(), "users/busy/billing/active_jobs"), running(MAX_ACTIVE_JOBS));
      await setDoc(doc(ctx.firestore(), "users/some/billing/active_jobs"), running(MAX_ACTIVE_JOBS - 1));
    });
  });
  after(() => env.cleanup());

  it("the rules' number is the server's cap", () => {
    const rules = readFileSync(join(__dirname, "..", "..", "..", "firestore.rules"), "utf8");
    expect(rules).to.match(new RegExp(`get\\(path\\)\\.data\\.jobs\\.size\\(\\) < ${MAX_ACTIVE_JOBS};`));
  });

  it("refuses a new job at the cap, allows one below it and for a user with none running", async () => {
    await assertFails(setDoc(doc(env.authenticatedContext("busy").firestore(), "analysis_jobs/busy-1"), job("busy")));
    await assertSucceeds(setDoc(doc(env.authenticatedContext("some").firestore(), "analysis_jobs/some-1"), job("some")));
    await assertSucceeds(setDoc(doc(env.authenticatedContext("fresh").firestore(), "analysis_jobs/fresh-1"), job("fresh")));
  });

  it("no client reads or writes the running list", async () => {
    await assertFails(setDoc(doc(env.authenticatedContext("busy").firestore(), "users/busy/billing/active_jobs"), { jobs: [] }));
  });
});
