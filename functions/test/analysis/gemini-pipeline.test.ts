// A whole analysis and an Ask AI question through @google/genai against the
// Gemini stand-in (AI_PROVIDER=gemini's provider, thinking on), with the
// failures the real API produces scripted mid-run; each ends the way a creator
// would expect. Scenarios run through support/geminiScenario.ts, which owns the
// pipeline's shape.
import { expect } from "chai";
import { askQuestion } from "../../src/ask/service";
import { resetFirestore } from "../support/emulators";
import { callError } from "../support/functions";
import { standIn, standInTotals } from "../support/gemini";
import { analyseDemoVideo, askDeps, clearRateLimit, questionsUsed } from "../support/ask";
import { runAnalysis, scenarioGemini } from "../support/geminiScenario";

const outcomesOf = (requests: Array<{ outcome: string }>) => requests.map((r) => r.outcome);

describe("analysis and Ask AI through Gemini (stand-in, @google/genai)", function () {
  this.timeout(120_000);
  before(() => resetFirestore());

  it("thinking on: completes; analysis calls think 0, insights and summary within their budgets; thinking tokens in the cost", async () => {
    const run = await runAnalysis("g-think");
    expect(run.status).to.equal("completed");
    const analysis = run.analysis!;
    expect(analysis.results).to.have.keys(["sentiment", "classification", "insights", "summary", "toxicity", "languages"]);
    const byTask = (task: string) => run.requests.filter((r) => r.task === task);
    expect(byTask("analysis").length).to.be.greaterThan(2);
    for (const r of byTask("analysis")) expect(r.generationConfig.thinkingConfig).to.deep.equal({ thinkingBudget: 0 });
    expect(byTask("insights")[0].thoughtsTokens).to.equal(1_024);
    expect(byTask("summary")[0].thoughtsTokens).to.equal(512);
    expect(run.requests.every((r) => r.finishReason === "STOP")).to.equal(true);
    const totals = await standInTotals();
    expect(analysis.cost).to.include({ aiCalls: run.requests.length, inputTokens: totals.inputTokens, outputTokens: totals.outputTokens, thinkingTokens: 1_536 });
    expect(run.videosUsed).to.equal(1);
  });

  it("a MAX_TOKENS answer (insights cut off) is asked again with a larger allowance; the analysis completes with insights", async () => {
    const run = await runAnalysis("g-maxtokens", { rules: [{ whenTask: "insights", times: 1, reply: { maxTokens: true } }] });
    expect(run.status).to.equal("completed");
    const insights = run.requests.filter((r) => r.task === "insights");
    expect(insights.map((r) => r.finishReason)).to.deep.equal(["MAX_TOKENS", "STOP"]);
    expect(insights[1].generationConfig.maxOutputTokens).to.be.greaterThan(insights[0].generationConfig.maxOutputTokens as number);
    expect((run.analysis!.results.insights as { themes: unknown[] }).themes.length).to.be.greaterThan(0);
  });

  it("a summary cut off twice fails the job with a clear message and gives the video back", async () => {
    const run = await runAnalysis("g-cutoff", { rules: [{ whenTask: "summary", reply: { maxTokens: "empty" } }] });
    expect(run.status).to.equal("failed");
    expect(run.error).to.deep.include({ code: "unavailable", details: { error: "ai_output_limit" } });
    expect(run.error!.message).to.match(/too long and got cut off/);
    expect(run.requests.filter((r) => r.task === "summary")).to.have.length(2);
    expect(run.videosUsed).to.equal(0);
  });

  it("a per-minute 429 mid-run is waited out (RetryInfo) and the analysis completes", async () => {
    const run = await runAnalysis("g-rpm", { rules: [{ whenTask: "analysis", skip: 1, times: 2, reply: { status: 429, quota: "per_minute", retryDelaySeconds: 0.05 } }] });
    expect(run.status).to.equal("completed");
    expect(outcomesOf(run.requests).filter((o) => o === "429")).to.have.length(2);
    expect(run.analysis!.counts.analysed).to.be.greaterThan(100);
  });

  it("a per-day 429 mid-run fails the job at once with the daily-limit message, without retrying, and gives the video back", async () => {
    const run = await runAnalysis("g-rpd", { rules: [{ whenTask: "analysis", skip: 1, reply: { status: 429, quota: "per_day", retryDelaySeconds: 3_600 } }] });
    expect(run.status).to.equal("failed");
    expect(run.error).to.deep.include({ code: "resource-exhausted" });
    expect(run.error!.details).to.deep.include({ error: "ai_daily_quota", quota: "per_day" });
    expect(run.error!.message).to.match(/daily limit/);
    // Each batch in flight met the 429 once; none was retried.
    const limited = outcomesOf(run.requests).filter((o) => o === "429").length;
    expect(limited).to.be.within(1, 2);
    expect(run.requests.filter((r) => r.task === "insights")).to.have.length(0);
    expect(run.videosUsed).to.equal(0);
    expect(run.analysis).to.equal(undefined);
  });

  it("a burst of 503s is retried with backoff and the analysis completes", async () => {
    const run = await runAnalysis("g-503", { responses: [{ status: 503 }, { status: 503 }, { status: 503 }] });
    expect(run.status).to.equal("completed");
    expect(outcomesOf(run.requests).filter((o) => o === "503")).to.have.length(3);
  });

  it("a safety block and a recitation on single comments: those comments are kept as blocked, the rest analysed", async () => {
    const run = await runAnalysis("g-safety", {
      rules: [
        { whenContains: "Does the Scarlett Solo work on Linux", reply: { blockReason: "SAFETY" } },
        { whenContains: "What softbox is that?", reply: { finishReason: "RECITATION" } },
      ],
    });
    expect(run.status).to.equal("completed");
    expect(run.analysis!.counts.blocked).to.equal(2);
    expect(outcomesOf(run.requests)).to.include.members(["block:SAFETY", "finish:RECITATION"]);
  });

  it("malformed JSON mid-run is asked again and the analysis completes", async () => {
    const run = await runAnalysis("g-malformed", { rules: [{ whenTask: "analysis", skip: 2, times: 1, reply: { text: '{"r": [{"i": 1, "s": "po' } }] });
    expect(run.status).to.equal("completed");
    expect(outcomesOf(run.requests)).to.include("text");
  });

  describe("Ask AI", () => {
    let analysisId: string;
    const ask = (question: string) =>
      askQuestion(askDeps(() => Promise.resolve(scenarioGemini())), "g-asker", { analysisId, question, contextFilter: "all" });

    before(async () => {
      analysisId = await analyseDemoVideo("g-asker", "pro");
    });
    beforeEach(async () => {
      await standIn.reset();
      await clearRateLimit("g-asker");
    });

    it("answers with thinking on, within the ask budget", async () => {
      const answer = await ask("What do viewers ask about the microphone?");
      expect(answer.answer).to.be.a("string").and.not.empty;
      const [request] = await standIn.requests();
      expect(request.generationConfig.thinkingConfig).to.deep.equal({ thinkingBudget: 512 });
      expect(request.thoughtsTokens).to.equal(512);
    });

    it("a MAX_TOKENS answer is asked again once and the question is answered", async () => {
      await standIn.script({ responses: [{ maxTokens: "empty" }] });
      const answer = await ask("Any complaints about the audio?");
      expect(answer.answer).to.be.a("string").and.not.empty;
      expect((await standIn.requests()).map((r) => r.finishReason)).to.deep.equal(["MAX_TOKENS", "STOP"]);
    });

    it("a per-minute 429 is waited out and answered", async () => {
      await standIn.script({ responses: [{ status: 429, quota: "per_minute", retryDelaySeconds: 0.05 }] });
      const answer = await ask("What should my next video be?");
      expect(answer.answer).to.be.a("string").and.not.empty;
      expect(outcomesOf(await standIn.requests())).to.deep.equal(["429", "smart"]);
    });

    it("a per-day 429: resource-exhausted with the daily-limit message at once, and the question is given back", async () => {
      const before = await questionsUsed("g-asker");
      await standIn.script({ responses: [{ status: 429, quota: "per_day", retryDelaySeconds: 3_600 }] });
      const err = await callError(ask("Is the lighting good?"));
      expect(err.code).to.equal("resource-exhausted");
      expect(err.details).to.deep.include({ error: "ai_daily_quota", quota: "per_day" });
      expect(outcomesOf(await standIn.requests())).to.deep.equal(["429"]);
      expect(await questionsUsed("g-asker")).to.equal(before);
    });
  });
});
