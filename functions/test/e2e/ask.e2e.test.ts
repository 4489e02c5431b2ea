// Ask AI as the web app uses it: an analysis made by the Firestore trigger,
// questions through httpsCallable (the stack's local provider), conversations
// read back through the callables and directly under the security rules.
import { expect } from "chai";
import type { FunctionsError } from "firebase/functions";
import { collection, doc, getDoc, getDocs, query, where } from "firebase/firestore";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { askDemoQuestion } from "../../../tools/demo/ask";
import { watchJob } from "../../../tools/watchJob";
import { signUp, type WebClient } from "../support/client";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";

interface Answer {
  answer: string;
  sources: Array<{ commentId: string; author: string; text: string; relevance: number }>;
  conversationId: string;
  messageId: string;
  questionsRemaining: number | null;
}

describe("e2e: Ask AI through httpsCallable", function () {
  this.timeout(120_000);
  let creator: WebClient;
  let other: WebClient;
  let analysisId: string;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    creator = await signUp();
    other = await signUp();
    await creator.call("getMe");
    const { jobId } = await creator.call<{ jobId: string }>("startAnalysis", { videoUrlOrId: FIXTURE_IDS.demo, maxComments: 100 });
    const last = (await watchJob(creator.firestore, jobId)).at(-1)!;
    expect(last.status, JSON.stringify(last.error)).to.equal("completed");
    analysisId = last.analysisId!;
  });
  after(async () => {
    await creator.close();
    await other.close();
  });

  it("the demo step asks a suggested question and prints the answer with cited comments", async () => {
    const suggested = await creator.call<{ questions: Array<{ question: string }> }>("getSuggestedQuestions", { analysisId });
    expect(suggested.questions.length).to.be.within(4, 6);
    const block = await askDemoQuestion(creator, analysisId);
    const asked = /Q: (.*)/.exec(block)![1];
    expect(suggested.questions.some((q) => q.question.startsWith(asked.replace(/\s+\[\w+ comments\]$/, "")))).to.equal(true);
    expect(block).to.match(/A: \S/);
    expect(block).to.include("Sources:");
    expect(block).to.match(/\[1\] \S+: “/);
    expect(block).to.include("1 question left this month");
  });

  it("a follow-up in the same conversation, then the free plan's quota: resource-exhausted with details", async () => {
    const { conversations } = await creator.call<{ conversations: Array<{ id: string; questionCount: number; lastMessageAt: string }> }>("getConversations", {});
    expect(conversations).to.have.length(1);
    const conversationId = conversations[0].id;
    const second = await creator.call<Answer>("askQuestion", { analysisId, question: "And what do the negative comments say?", contextFilter: "negative", conversationId });
    expect(second.conversationId).to.equal(conversationId);
    expect(second.questionsRemaining).to.equal(0);
    expect(second.sources.length).to.be.greaterThan(0);

    const refused = (await creator.call("askQuestion", { analysisId, question: "One more?" }).catch((e: unknown) => e)) as FunctionsError;
    expect(refused.code).to.equal("functions/resource-exhausted");
    expect(refused.details).to.deep.include({ error: "quota_exceeded", usage_type: "ai_questions", current: 2, limit: 2, remaining: 0 });
    const quota = await creator.call<{ used: number; remaining: number; periodEnd: string }>("getAskQuota");
    expect(quota).to.deep.include({ used: 2, remaining: 0 });

    const { conversation, messages } = await creator.call<{ conversation: { questionCount: number }; messages: Array<{ id: string; createdAt: string; contextFilter: string }> }>(
      "getConversation",
      { conversationId },
    );
    expect(conversation.questionCount).to.equal(2);
    expect(messages.map((m) => m.contextFilter)).to.deep.equal([messages[0].contextFilter, "negative"]);
    expect(messages[1].id).to.equal(second.messageId);
    expect(Number.isNaN(Date.parse(messages[0].createdAt))).to.equal(false);

    // The owner reads them directly too (rules), as the web app may.
    const own = await getDocs(query(collection(creator.firestore, "conversations"), where("userId", "==", creator.user.uid)));
    expect(own.docs.map((d) => d.id)).to.deep.equal([conversationId]);
    const ownMessages = await getDocs(collection(creator.firestore, "conversations", conversationId, "messages"));
    expect(ownMessages.size).to.equal(2);
  });

  it("another user can read none of it, directly or through the callables", async () => {
    const { conversations } = await creator.call<{ conversations: Array<{ id: string }> }>("getConversations", {});
    const conversationId = conversations[0].id;
    const direct = (await getDoc(doc(other.firestore, "conversations", conversationId)).catch((e: unknown) => e)) as { code: string };
    expect(direct.code).to.equal("permission-denied");
    const messages = (await getDocs(collection(other.firestore, "conversations", conversationId, "messages")).catch((e: unknown) => e)) as { code: string };
    expect(messages.code).to.equal("permission-denied");
    const listed = await other.call<{ conversations: unknown[] }>("getConversations", {});
    expect(listed.conversations).to.deep.equal([]);
    for (const [fn, data] of [
      ["getConversation", { conversationId }],
      ["askQuestion", { analysisId, question: "What do they say?" }],
      ["getSuggestedQuestions", { analysisId }],
    ] as const) {
      const err = (await other.call(fn, data).catch((e: unknown) => e)) as FunctionsError;
      expect(err.code, fn).to.equal("functions/not-found");
    }
  });
});
