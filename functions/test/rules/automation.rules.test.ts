// The creator's automation rules, pending actions and audit log: the owner
// reads them, nobody else does, and no client writes them.
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collection, doc, getDoc, getDocs, setDoc, setLogLevel, updateDoc } from "firebase/firestore";
import { firestoreHost, STACK_PROJECT } from "../support/emulators";

const OWNED = ["rules/r1", "pending_actions/p1", "rule_actions/a1"];

describe("firestore.rules: rules, pending_actions and rule_actions are the owner's to read, nobody's to write", () => {
  let env: RulesTestEnvironment;

  before(async () => {
    setLogLevel("silent");
    const [host, port] = firestoreHost().split(":");
    env = await initializeTestEnvironment({
      projectId: `${STACK_PROJECT}-rules-automation`,
      firestore: { rules: readFileSync(join(__dirname, "..", "..", "..", "firestore.rules"), "utf8"), host, port: Number(port) },
    });
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      for (const path of OWNED) await setDoc(doc(ctx.firestore(), `users/alice/${path}`), { name: "x", status: "pending" });
    });
  });

  after(() => env.cleanup());

  it("the owner reads and lists them; another user and a signed-out client do not", async () => {
    const alice = env.authenticatedContext("alice").firestore();
    const bob = env.authenticatedContext("bob").firestore();
    const anon = env.unauthenticatedContext().firestore();
    for (const path of OWNED) {
      await assertSucceeds(getDoc(doc(alice, `users/alice/${path}`)));
      await assertSucceeds(getDocs(collection(alice, `users/alice/${path.split("/")[0]}`)));
      await assertFails(getDoc(doc(bob, `users/alice/${path}`)));
      await assertFails(getDocs(collection(bob, `users/alice/${path.split("/")[0]}`)));
      await assertFails(getDoc(doc(anon, `users/alice/${path}`)));
    }
  });

  it("no client writes them, the owner included (an approval is a callable, not a write)", async () => {
    const alice = env.authenticatedContext("alice").firestore();
    for (const path of OWNED) {
      await assertFails(setDoc(doc(alice, `users/alice/${path}`), { name: "mine" }));
      await assertFails(updateDoc(doc(alice, `users/alice/${path}`), { status: "done" }));
    }
    await assertFails(setDoc(doc(alice, "users/alice/rules/new"), { name: "new" }));
  });
});
