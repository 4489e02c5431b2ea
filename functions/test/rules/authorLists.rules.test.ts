// The author lists: their owner reads them; nobody writes them from a client
// (the server records who added an entry and why).
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, setLogLevel } from "firebase/firestore";
import { firestoreHost, STACK_PROJECT } from "../support/emulators";

describe("firestore.rules: author lists are owner read-only", () => {
  let env: RulesTestEnvironment;
  const entry = "users/alice/author_lists/spammers/authors/UCbot";

  before(async () => {
    setLogLevel("silent");
    const [host, port] = firestoreHost().split(":");
    env = await initializeTestEnvironment({
      projectId: `${STACK_PROJECT}-rules-authorlists`,
      firestore: { rules: readFileSync(join(__dirname, "..", "..", "..", "firestore.rules"), "utf8"), host, port: Number(port) },
    });
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      await setDoc(doc(ctx.firestore(), entry), { authorChannelId: "UCbot", displayName: "Bot", reason: "impersonates the channel", addedBy: "lently" });
    });
  });

  after(() => env.cleanup());

  it("the owner reads and lists each list", async () => {
    const alice = env.authenticatedContext("alice").firestore();
    await assertSucceeds(getDoc(doc(alice, entry)));
    await assertSucceeds(getDocs(collection(alice, "users/alice/author_lists/vip/authors")));
  });

  it("the owner cannot add, change or clear an entry; nobody else reads one", async () => {
    const alice = env.authenticatedContext("alice").firestore();
    await assertFails(setDoc(doc(alice, "users/alice/author_lists/vip/authors/UCfan"), { authorChannelId: "UCfan", reason: "x", addedBy: "creator" }));
    await assertFails(setDoc(doc(alice, entry), { authorChannelId: "UCbot", reason: "forged", addedBy: "creator" }));
    await assertFails(deleteDoc(doc(alice, entry)));
    for (const other of [env.authenticatedContext("mallory").firestore(), env.unauthenticatedContext().firestore()]) {
      await assertFails(getDoc(doc(other, entry)));
      await assertFails(getDocs(collection(other, "users/alice/author_lists/spammers/authors")));
    }
  });
});
