// Ask AI streaming as the web app uses it: `httpsCallable(...).stream()` from
// the web SDK against the Functions emulator yields the answer's text in
// several chunks, then the same final result a plain call returns.
import { expect } from "chai";
import { httpsCallable } from "firebase/functions";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { watchJob } from "../../../tools/watchJob";
import { askQuestionChunk, askQuestionResponse, type AskStreamChunk } from "../../src/contracts/ask";
import { signUp, type WebClient } from "../support/client";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";

describe("e2e: Ask AI streams its answer through httpsCallable(...).stream()", function () {
  this.timeout(120_000);
  let creator: WebClient;
  let analysisId: string;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    creator = await signUp();
    await creator.call("getMe");
    const { jobId } = await creator.call<{ jobId: string }>("startAnalysis", { videoUrlOrId: FIXTURE_IDS.demo, maxComments: 100 });
    const last = (await watchJob(creator.firestore, jobId)).at(-1)!;
    expect(last.status, JSON.stringify(last.error)).to.equal("completed");
    analysisId = last.analysisId!;
  });
  after(() => creator.close());

  it("yields several chunks whose concatenation is the final answer, which has verified sources", async () => {
    const ask = httpsCallable<unknown, unknown, AskStreamChunk>(creator.functions, "askQuestion");
    const { stream, data } = await ask.stream({ analysisId, question: "What do viewers want me to improve?", contextFilter: "all" });
    const chunks: AskStreamChunk[] = [];
    for await (const chunk of stream) chunks.push(askQuestionChunk.parse(chunk));
    const result = askQuestionResponse.parse(await data);
    expect(chunks.length).to.be.greaterThan(2);
    expect(chunks.some((c) => c.type === "restart")).to.equal(false);
    expect(chunks.map((c) => (c.type === "delta" ? c.text : "")).join("")).to.equal(result.answer);
    expect(result.sources.length).to.be.greaterThan(0);
    for (const s of result.sources) expect(s.text.length).to.be.greaterThan(0);
  });

  it("a plain call returns the same shape, and the streamed exchange was stored like any other", async () => {
    const plain = askQuestionResponse.parse(await creator.call("askQuestion", { analysisId, question: "What do viewers want me to improve?" }));
    expect(plain.answer.length).to.be.greaterThan(0);
    expect(plain.questionsRemaining).to.equal(0);
    const { conversations } = await creator.call<{ conversations: Array<{ questionCount: number }> }>("getConversations", {});
    expect(conversations).to.have.length(2);
  });
});
