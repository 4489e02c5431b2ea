// The YouTube cache is server-only: no client, signed in or not, reads or writes it.
import { assertFails, initializeTestEnvironment, type RulesTestEnvironment } from "@firebase/rules-unit-testing";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc, setLogLevel } from "firebase/firestore";
import { firestoreHost, STACK_PROJECT } from "../support/emulators";

describe("firestore.rules: cache/ (YouTube responses) is server only", () => {
  let env: RulesTestEnvironment;

  before(async () => {
    setLogLevel("silent");
    const [host, port] = firestoreHost().split(":");
    env = await initializeTestEnvironment({
      projectId: `${STACK_PROJECT}-rules-cache`,
      firestore: { rules: readFileSync(join(__dirname, "..", "..", "..", "firestore.rules"), "utf8"), host, port: Number(port) },
    });
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (ctx) => {
      const db = ctx.firestore();
      await setDoc(doc(db, "cache/yt_video_lentlyDemo1"), { type: "youtube_video", videoId: "lentlyDemo1", video: { title: "t" } });
      await setDoc(doc(db, "cache/yt_comments_relevance_lentlyDemo1"), { type: "youtube_comments", videoId: "lentlyDemo1", userId: "alice" });
      await setDoc(doc(db, "cache/yt_comments_relevance_lentlyDemo1_abc_0"), { type: "youtube_comments_chunk", comments: [] });
    });
  });

  after(() => env.cleanup());

  for (const [who, firestore] of [
    ["a signed-in user", () => env.authenticatedContext("alice").firestore()],
    ["an anonymous client", () => env.unauthenticatedContext().firestore()],
  ] as const) {
    it(`${who} cannot read, list, create, update or delete cache documents`, async () => {
      const db = firestore();
      await assertFails(getDoc(doc(db, "cache/yt_video_lentlyDemo1")));
      // Even a document that happens to carry the caller's userId stays server-only.
      await assertFails(getDoc(doc(db, "cache/yt_comments_relevance_lentlyDemo1")));
      await assertFails(getDocs(collection(db, "cache")));
      await assertFails(setDoc(doc(db, "cache/yt_video_forged00001"), { type: "youtube_video", video: { title: "forged" } }));
      await assertFails(setDoc(doc(db, "cache/yt_video_lentlyDemo1"), { video: { title: "poisoned" } }));
      await assertFails(deleteDoc(doc(db, "cache/yt_comments_relevance_lentlyDemo1_abc_0")));
    });
  }
});
