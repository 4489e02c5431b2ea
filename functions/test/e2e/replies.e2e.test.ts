import { expect } from "chai";
import type { FunctionsError } from "firebase/functions";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";
import { signUp, type WebClient } from "../support/client";

interface Result {
  replies: Array<{ text: string; tone: string }>;
  tone: string;
  provider: string;
}

describe("e2e: generateReplies through httpsCallable", function () {
  this.timeout(60_000);
  let client: WebClient;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    client = await signUp();
  });
  after(() => client.close());

  it("drafts distinct replies in the requested tone through the functions' provider (Gemini via the stand-in)", async () => {
    const result = await client.call<Result>("generateReplies", {
      comment: { text: "Please make a video about colour grading!", author: "Lee" },
      tone: "friendly",
      count: 4,
      video: { title: "Editing basics" },
    });
    expect(result.provider).to.equal("gemini");
    expect(result.tone).to.equal("friendly");
    expect(result.replies).to.have.length(4);
    expect(new Set(result.replies.map((r) => r.text)).size).to.equal(4);
    expect(result.replies[0].text).to.include("Lee");
  });

  it("rejects an unknown tone with invalid-argument naming it", async () => {
    const err = (await client.call("generateReplies", { comment: { text: "hi" }, tone: "snarky" }).catch((e: unknown) => e)) as FunctionsError;
    expect(err.code).to.equal("functions/invalid-argument");
    expect(err.message).to.match(/^tone: /);
  });
});
