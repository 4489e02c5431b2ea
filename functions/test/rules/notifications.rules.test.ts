// users/{uid}/notifications: the owner reads and lists them (the web app listens);
// nobody else reads them, and no client writes them (read state goes through markNotifications).
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collection, deleteDoc, doc, getDoc, getDocs, orderBy, query, setDoc, setLogLevel, updateDoc, where } from "firebase/firestore";
import { firestoreHost, STACK_PROJECT } from "../support/emulators";

describe("firestore.rules: notifications are the owner's to read, nobody's to write", () => {
  let env: RulesTestEnvironment;

  before(async () => {
    setLogLevel("silent");
    const [host, port] = firestoreHost().split(":");
    env = await initializeTestEnvironment({
      projectId: `${STACK_PROJECT}-rules-notifications`,
      firestore: { rules: readFileSync(join(__dirname, "..", "..", "..", "firestore.rules"), "utf8"), host, port: Number(port) },
    });
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      const db = ctx.firestore();
      const shape = { type: "rule_paused", source: "rules", title: "t", body: "b", read: false, createdAt: new Date(), delivery: null };
      await setDoc(doc(db, "users/alice/notifications/n1"), shape);
      await setDoc(doc(db, "users/bob/notifications/n1"), shape);
    });
  });

  after(() => env.cleanup());

  const alice = () => env.authenticatedContext("alice").firestore();

  it("the owner gets, lists and queries their own (unread, newest first)", async () => {
    await assertSucceeds(getDoc(doc(alice(), "users/alice/notifications/n1")));
    await assertSucceeds(getDocs(collection(alice(), "users/alice/notifications")));
    await assertSucceeds(getDocs(query(collection(alice(), "users/alice/notifications"), where("read", "==", false), orderBy("createdAt", "desc"))));
  });

  it("another user or a signed-out client reads none of them", async () => {
    await assertFails(getDoc(doc(alice(), "users/bob/notifications/n1")));
    await assertFails(getDocs(collection(alice(), "users/bob/notifications")));
    await assertFails(getDoc(doc(env.unauthenticatedContext().firestore(), "users/alice/notifications/n1")));
  });

  it("not even the owner writes one: no create, no read flag flip, no delete", async () => {
    await assertFails(setDoc(doc(alice(), "users/alice/notifications/n2"), { type: "x", source: "x", title: "t", body: "b", read: false }));
    await assertFails(updateDoc(doc(alice(), "users/alice/notifications/n1"), { read: true }));
    await assertFails(deleteDoc(doc(alice(), "users/alice/notifications/n1")));
  });
});
