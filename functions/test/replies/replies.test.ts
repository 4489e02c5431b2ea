// generateReplies in-process against the Firestore emulator (and the Gemini stand-in for the gemini path).
import { expect } from "chai";
import { db } from "../../src/core/firebase";
import { rateLimitRef, takeHit } from "../../src/core/rateLimit";
import { usageRef } from "../../src/core/planUsage";
import { aiUsageRef, generateReplies as repliesService } from "../../src/replies/service";
import { newUsage } from "../../src/core/planUsage";
import { getUsage } from "../../src/users/functions";
import { getUsageAnalytics } from "../../src/billing/functions";
import { AiUnavailableError } from "../../src/ai/errors";
import { HttpsError } from "firebase-functions/v2/https";
import { generateReplies } from "../../src/replies/functions";
import { REPLY_TONES } from "../../src/ai/types";
import { resetFirestore } from "../support/emulators";
import { call, callError, rejectionOf } from "../support/functions";
import { standIn, TEST_KEY } from "../support/gemini";

const comment = { text: "How do you get such clean audio? What mic is that?", author: "@Priya" };

describe("generateReplies (in-process)", () => {
  before(() => resetFirestore());

  it("drafts 1..5 distinct replies in every tone with the local provider", async () => {
    const user = { uid: "tones-user" };
    for (const tone of REPLY_TONES) {
      for (const count of [1, 5]) {
        const result = await call(generateReplies, { comment, tone, count }, user);
        expect(result.provider).to.equal("local");
        expect(result.tone).to.equal(tone);
        expect(result.replies).to.have.length(count);
        expect(new Set(result.replies.map((r) => r.text)).size).to.equal(count);
        expect(result.replies.every((r) => r.tone === tone && r.text.includes("Priya"))).to.equal(true);
      }
    }
  });

  it("defaults to three replies and counts every call in billing/ai_usage", async () => {
    const user = { uid: "usage-user" };
    const first = await call(generateReplies, { comment: { text: "Great video!" }, tone: "grateful" }, user);
    expect(first.replies).to.have.length(3);
    await call(generateReplies, { comment: { text: "Great video!" }, tone: "friendly", count: 2, video: { title: "My vlog" } }, user);
    const stored = (await aiUsageRef(db(), "usage-user").get()).data();
    expect(stored?.counters).to.deep.equal({ replies: 2, reply_drafts: 5 });
    expect(stored?.tokens).to.deep.equal({ input: 0, output: 0 });
    const usage = (await usageRef(db(), "usage-user").get()).data();
    expect(usage?.counters).to.deep.equal({ videos: 0, ai_questions: 0, replies: 2 });
    expect(stored?.period_start.toMillis()).to.equal(usage?.period_start.toMillis());
  });

  it("a monthly plan quota: the free plan's 10 requests, then resource-exhausted with the details; getUsage and analytics show it", async () => {
    const user = { uid: "quota-replies" };
    await usageRef(db(), "quota-replies").set({ ...newUsage("free", new Date()), counters: { videos: 0, ai_questions: 0, replies: 9 } });
    await call(generateReplies, { comment, tone: "friendly", count: 1 }, user);
    const err = await callError(call(generateReplies, { comment, tone: "friendly", count: 1 }, user));
    expect(err.code).to.equal("resource-exhausted");
    expect(err.details).to.deep.include({ error: "quota_exceeded", usage_type: "replies", current: 10, limit: 10, remaining: 0 });
    const usage = await call(getUsage, {}, user);
    expect(usage.replies).to.deep.equal({ used: 10, limit: 10, remaining: 0, unlimited: false });
    const analytics = await call(getUsageAnalytics, {}, user);
    expect(analytics.metrics.replies).to.include({ used: 10, limit: 10, percentUsed: 100 });
    expect(analytics.warnings.some((w) => w.type === "replies" && w.basis === "used" && w.threshold === 100)).to.equal(true);
  });

  it("a failed AI call gives the reply request back", async () => {
    const user = { uid: "replies-refund" };
    await usageRef(db(), "replies-refund").set({ ...newUsage("free", new Date()), counters: { videos: 0, ai_questions: 0, replies: 4 } });
    const failing = { db: db(), perMinute: 100, provider: () => Promise.reject(new AiUnavailableError("server_error")) };
    const err = await rejectionOf(repliesService(failing, user.uid, { comment, tone: "friendly", count: 1 }), HttpsError);
    expect(err.code).to.equal("unavailable");
    expect((await usageRef(db(), "replies-refund").get()).data()!.counters.replies).to.equal(4);
  });

  it("rejects bad input naming the field", async () => {
    const user = { uid: "bad-input-user" };
    const tone = await callError(call(generateReplies, { comment, tone: "sarcastic" }, user));
    expect(tone.code).to.equal("invalid-argument");
    expect(tone.message).to.match(/^tone: must be one of friendly, professional, humorous, grateful, informative/);
    expect((tone.details as { field: string }).field).to.equal("tone");
    for (const count of [0, 6, 2.5]) {
      const err = await callError(call(generateReplies, { comment, tone: "friendly", count }, user));
      expect(err.message).to.match(/^count: /);
    }
    const empty = await callError(call(generateReplies, { comment: { text: "   " }, tone: "friendly" }, user));
    expect(empty.message).to.match(/^comment\.text: must not be empty/);
    const long = await callError(call(generateReplies, { comment: { text: "x".repeat(10_001) }, tone: "friendly" }, user));
    expect(long.message).to.match(/^comment\.text: must be at most 10000/);
    const both = await callError(call(generateReplies, { comment, tone: "friendly", video: { title: "t" }, analysisId: "abc" }, user));
    expect(both.message).to.match(/^analysisId: /);
    const extra = await callError(call(generateReplies, { comment: { ...comment, likes: 3 }, tone: "friendly" }, user));
    expect(extra.message).to.match(/unknown field\(s\) likes/);
  });

  it("uses the video of the caller's own analysis, and treats someone else's as not found", async () => {
    await db().doc("analyses/own-analysis").set({ userId: "owner", video: { id: "vid", title: "Mic review", channelTitle: "AudioLab" } });
    const ok = await call(generateReplies, { comment, tone: "professional", analysisId: "own-analysis" }, { uid: "owner" });
    expect(ok.replies).to.have.length(3);
    const other = await callError(call(generateReplies, { comment, tone: "professional", analysisId: "own-analysis" }, { uid: "intruder" }));
    expect(other.code).to.equal("not-found");
  });

  it("rate-limits each user: over the limit → resource-exhausted with retryAfterSeconds", async () => {
    const now = Date.now();
    await rateLimitRef(db(), "busy-user", "generateReplies").set({ hits: Array.from({ length: 20 }, (_, i) => now - 30_000 + i), updated_at: new Date() as never });
    const err = await callError(call(generateReplies, { comment, tone: "friendly" }, { uid: "busy-user" }));
    expect(err.code).to.equal("resource-exhausted");
    const details = err.details as { error: string; retryAfterSeconds: number };
    expect(details.error).to.equal("rate_limited");
    expect(details.retryAfterSeconds).to.be.within(1, 60);
    // Another user is unaffected.
    expect((await call(generateReplies, { comment, tone: "friendly" }, { uid: "calm-user" })).replies).to.have.length(3);
  });

  it("the sliding window frees a slot once the oldest hit is a minute old", () => {
    const limit = { key: "k", limit: 2, windowMs: 60_000 };
    expect(takeHit([1_000, 2_000], 30_000, limit)).to.deep.equal({ retryAfterMs: 31_000 });
    expect(takeHit([1_000, 2_000], 61_500, limit)).to.deep.equal({ hits: [2_000, 61_500] });
  });

  // The key path in-process (the deployed functions of the test stack run on Vertex AI: test/e2e/vertex.e2e.test.ts).
  describe("with AI_PROVIDER=gemini (the stand-in, AI_BACKEND=api-key)", () => {
    const saved = { provider: process.env.AI_PROVIDER, backend: process.env.AI_BACKEND, key: process.env.GEMINI_API_KEY };
    before(() => {
      process.env.AI_PROVIDER = "gemini";
      process.env.AI_BACKEND = "api-key";
      process.env.GEMINI_API_KEY = TEST_KEY;
    });
    after(() => {
      process.env.AI_PROVIDER = saved.provider;
      if (saved.backend === undefined) delete process.env.AI_BACKEND;
      else process.env.AI_BACKEND = saved.backend;
      if (saved.key === undefined) delete process.env.GEMINI_API_KEY;
      else process.env.GEMINI_API_KEY = saved.key;
    });
    beforeEach(() => standIn.reset());

    it("drafts through Gemini and records its tokens", async () => {
      const result = await call(generateReplies, { comment, tone: "humorous", count: 4 }, { uid: "gemini-user" });
      expect(result.provider).to.equal("gemini");
      expect(new Set(result.replies.map((r) => r.text)).size).to.equal(4);
      const [request] = await standIn.requests();
      expect(request.task).to.equal("replies");
      expect(request.system).to.include("tone: humorous");
      const stats = await standIn.stats();
      const stored = (await aiUsageRef(db(), "gemini-user").get()).data();
      expect(stored?.tokens).to.deep.equal({ input: stats.inputTokens, output: stats.outputTokens });
    });

    it("a safety block is failed-precondition, not internal", async () => {
      await standIn.script({ responses: [{ blockReason: "SAFETY" }] });
      const err = await callError(call(generateReplies, { comment, tone: "friendly" }, { uid: "gemini-user" }));
      expect(err.code).to.equal("failed-precondition");
      expect(err.details).to.deep.equal({ error: "ai_safety_block" });
    });
  });
});
