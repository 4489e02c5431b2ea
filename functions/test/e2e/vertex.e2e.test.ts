// Keyless production, end to end: the deployed functions of the test stack run
// with AI_BACKEND=vertex and no GEMINI_API_KEY (no function declares it), so
// @google/genai calls Vertex AI's route with the service account's bearer
// token from the metadata server (the Gemini stand-in serves both). An
// analysis, Ask AI streamed and plain, and reply drafts all go that way, each
// task on its class's default 3.x model.
import { expect } from "chai";
import { doc, getDoc } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { watchJob } from "../../../tools/watchJob";
import { askQuestionChunk, askQuestionResponse, type AskStreamChunk } from "../../src/contracts/ask";
import { DEFAULT_MODELS, TASK_CLASS } from "../../src/ai/models";
import { AI_SECRETS } from "../../src/ai/config";
import type { Recorded } from "../../../tools/standins/gemini";
import { signUp, type WebClient } from "../support/client";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";
import { standIn } from "../support/gemini";

/** Every request came by Vertex AI's route with a bearer token and no key, to its task's model, with a thinking level and no sampling parameter. */
function expectKeylessVertex(requests: Recorded[]): void {
  expect(requests.length).to.be.greaterThan(0);
  for (const r of requests) {
    expect(r, `${r.task} request`).to.include({ backend: "vertex", bearer: true, apiKeyHeader: false, outcome: "smart" });
    expect(r.model).to.equal(DEFAULT_MODELS[TASK_CLASS[r.task!]]);
    expect(r.generationConfig.thinkingConfig).to.have.keys(["thinkingLevel"]);
    for (const field of ["temperature", "topP", "topK"]) expect(r.generationConfig).not.to.have.property(field);
  }
}

describe("e2e: Gemini on Vertex AI with no key (pipeline, Ask AI streamed and plain, replies)", function () {
  this.timeout(180_000);
  let creator: WebClient;
  let analysisId: string;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    await standIn.reset();
    creator = await signUp();
    await creator.call("getMe");
  });
  after(() => creator.close());

  it("runs the analysis pipeline: batches on the per-comment model, insights and summary on the synthesis model; cost says which model did what", async () => {
    const { jobId } = await creator.call<{ jobId: string }>("startAnalysis", { videoUrlOrId: FIXTURE_IDS.demo, maxComments: 100 });
    const last = (await watchJob(creator.firestore, jobId)).at(-1)!;
    expect(last.status, JSON.stringify(last.error)).to.equal("completed");
    analysisId = last.analysisId!;
    const requests = await standIn.requests();
    expectKeylessVertex(requests);
    expect(new Set(requests.map((r) => r.task))).to.deep.equal(new Set(["analysis", "insights", "summary"]));
    // In the test process the deploy-time choice is the default too: no function declares the key.
    expect(AI_SECRETS).to.deep.equal([]);
    const cost = (await getDoc(doc(creator.firestore, "analyses", analysisId))).get("cost") as { usd: number; models: Array<{ model: string; tasks: string[]; calls: number }> };
    expect(cost.models.map((m) => [m.model, [...m.tasks].sort()])).to.have.deep.members([
      [DEFAULT_MODELS.batch, ["analysis"]],
      [DEFAULT_MODELS.synthesis, ["insights", "summary"]],
    ]);
    expect(cost.usd).to.be.greaterThan(0);
  });

  it("answers Ask AI streamed and plain, and drafts replies, on the interactive model", async () => {
    await standIn.reset();
    const ask = httpsCallable<unknown, unknown, AskStreamChunk>(creator.functions, "askQuestion");
    const { stream, data } = await ask.stream({ analysisId, question: "What do viewers want me to improve?" });
    const chunks: AskStreamChunk[] = [];
    for await (const chunk of stream) chunks.push(askQuestionChunk.parse(chunk));
    const streamed = askQuestionResponse.parse(await data);
    expect(chunks.map((c) => (c.type === "delta" ? c.text : "")).join("")).to.equal(streamed.answer);
    const plain = askQuestionResponse.parse(await creator.call("askQuestion", { analysisId, question: "What do viewers like most?" }));
    expect(plain.answer.length).to.be.greaterThan(0);
    const replies = await creator.call<{ replies: Array<{ text: string }> }>("generateReplies", { comment: { text: "This helped me a lot, thanks!", author: "Sam" }, tone: "friendly", count: 2 });
    expect(replies.replies).to.have.length(2);
    const requests = await standIn.requests();
    expectKeylessVertex(requests);
    expect(requests.map((r) => r.task)).to.deep.equal(["ask", "ask", "replies"]);
  });
});
