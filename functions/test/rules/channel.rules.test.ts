// The connected channel's token, the reply history and the moderation log are
// server only: no client, not even their owner, reads or writes them.
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collection, deleteDoc, doc, getDoc, getDocs, query, setDoc, setLogLevel, updateDoc, where } from "firebase/firestore";
import { firestoreHost, STACK_PROJECT } from "../support/emulators";

describe("firestore.rules: channel_tokens, reply_history and moderation_actions are server only", () => {
  let env: RulesTestEnvironment;

  before(async () => {
    setLogLevel("silent");
    const [host, port] = firestoreHost().split(":");
    env = await initializeTestEnvironment({
      projectId: `${STACK_PROJECT}-rules-channel`,
      firestore: { rules: readFileSync(join(__dirname, "..", "..", "..", "firestore.rules"), "utf8"), host, port: Number(port) },
    });
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      const db = ctx.firestore();
      await setDoc(doc(db, "channel_tokens/alice"), { userId: "alice", channelId: "UCalice", refreshToken: { alg: "A256GCM", kid: "k1", iv: "x", ciphertext: "y", tag: "z" } });
      await setDoc(doc(db, "reply_history/alice_Ugx1"), { userId: "alice", commentId: "Ugx1", status: "posted", posts: [] });
      await setDoc(doc(db, "moderation_actions/m1"), { userId: "alice", ids: ["Ugx1"], action: "reject" });
      await setDoc(doc(db, "users/alice"), { uid: "alice", youtubeChannel: { id: "UCalice", title: "Alice" } });
    });
  });

  after(() => env.cleanup());

  it("the owner cannot read, list or query their own token, history or moderation log", async () => {
    const db = env.authenticatedContext("alice").firestore();
    await assertFails(getDoc(doc(db, "channel_tokens/alice")));
    await assertFails(getDocs(query(collection(db, "channel_tokens"), where("userId", "==", "alice"))));
    await assertFails(getDoc(doc(db, "reply_history/alice_Ugx1")));
    await assertFails(getDocs(query(collection(db, "reply_history"), where("userId", "==", "alice"))));
    await assertFails(getDoc(doc(db, "moderation_actions/m1")));
    // The profile, with the channel's id and title, stays readable to its owner.
    await assertSucceeds(getDoc(doc(db, "users/alice")));
  });

  it("no client can write a token, forge a reply history or a channel on the profile", async () => {
    const alice = env.authenticatedContext("alice").firestore();
    await assertFails(setDoc(doc(alice, "channel_tokens/alice"), { userId: "alice", channelId: "UCforged" }));
    await assertFails(deleteDoc(doc(alice, "channel_tokens/alice")));
    await assertFails(setDoc(doc(alice, "reply_history/alice_Ugx2"), { userId: "alice", status: "posted" }));
    await assertFails(updateDoc(doc(alice, "users/alice"), { youtubeChannel: { id: "UCforged", title: "x" } }));
    for (const db of [env.authenticatedContext("mallory").firestore(), env.unauthenticatedContext().firestore()]) {
      await assertFails(getDoc(doc(db, "channel_tokens/alice")));
      await assertFails(getDocs(collection(db, "channel_tokens")));
      await assertFails(getDoc(doc(db, "reply_history/alice_Ugx1")));
    }
  });
});
