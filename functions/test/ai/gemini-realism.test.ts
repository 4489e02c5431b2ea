// What the real Gemini API does that a kind stand-in would hide: thinking that
// eats maxOutputTokens, MAX_TOKENS with cut-off JSON, 429s naming their quota
// (RetryInfo + QuotaFailure), and 400s for bad keys, schemas and thinking
// budgets. The stand-in does each; these tests drive Lently's provider (and,
// for the raw API shapes, @google/genai itself) through it.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect } from "chai";
import { GoogleGenAI, ThinkingLevel } from "@google/genai";
import { AiError, AiOutputLimitError, AiUnavailableError, aiErrorToHttps } from "../../src/ai/errors";
import { familyKey, generationSettings, outputBudget, takesSampling, thinkingBudgetFor, thinkingFamily, thinkingLevelFor } from "../../src/ai/gemini/thinking";
import { parseRateLimitBody } from "../../src/ai/gemini/retry";
import { DEFAULT_MODELS } from "../../src/ai/models";
import { usdOf } from "../../src/ai/prices";
import { addUsage } from "../../src/ai/tokenUsage";
import type { AnalysedComment, SummaryInput } from "../../src/ai/types";
import { summarizeClassification, summarizeSentiment } from "../../src/ai/summaries";
import { conformToSchema } from "../../../tools/standins/gemini-smart";
import { quotaError } from "../../../tools/standins/gemini";
import { standIn, standInTotals, standInUrl, TEST_KEY, testGemini, totalsOnly } from "../support/gemini";
import { rejectionOf } from "../support/functions";

const video = { id: "vid1", title: "Editing 101" };
const batch = [
  { id: "k1", text: "This was so helpful, thank you!" },
  { id: "k2", text: "How do you export in 4K?" },
  { id: "k3", text: "The audio is too quiet in the second half." },
];

function summaryInput(): SummaryInput {
  const comments: AnalysedComment[] = Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    text: i % 3 === 0 ? `How do you set up the mic number ${i}?` : `Great editing tips, part ${i}, thank you so much for this video`,
    likeCount: 40 - i,
    sentiment: i % 3 === 0 ? "neutral" : "positive",
    score: i % 3 === 0 ? 0 : 0.7,
    emotions: [],
    category: i % 3 === 0 ? "question" : "appreciation",
  }));
  const base = { video, comments, sentiment: summarizeSentiment(comments), classification: summarizeClassification(comments) };
  return { ...base, insights: { themes: [{ name: "Mic setup", description: "", sentiment: "neutral", commentIds: ["c0"], mentions: 1 }], contentIdeas: [], audience: { summary: "Beginners", interests: [] } } };
}

const sdk = (apiKey = TEST_KEY) => new GoogleGenAI({ apiKey, httpOptions: { baseUrl: standInUrl() } });
const failure = (promise: Promise<unknown>) => rejectionOf(promise, AiError);

/** The 400 the stand-in answers through the real SDK: status and the error body it carried. */
async function sdkRejection(request: Parameters<GoogleGenAI["models"]["generateContent"]>[0], apiKey?: string) {
  const err = await rejectionOf(sdk(apiKey).models.generateContent(request), Error);
  const body = JSON.parse(err.message) as { error: { code: number; status: string; message: string; details?: Array<Record<string, unknown>> } };
  return { status: (err as Error & { status?: number }).status, error: body.error };
}

describe("ai/gemini thinking table", () => {
  it("resolves model names, aliases and newer families to a family", () => {
    expect(familyKey("gemini-2.5-flash")).to.equal("2.5-flash");
    expect(familyKey("models/gemini-2.5-flash-preview-09-2025")).to.equal("2.5-flash");
    expect(familyKey("gemini-2.5-flash-lite")).to.equal("2.5-flash-lite");
    expect(familyKey("gemini-3.5-flash-lite")).to.equal("3.5-flash-lite");
    expect(familyKey("gemini-flash-latest")).to.equal("3.6-flash");
    expect(familyKey("gemini-3-pro-preview")).to.equal("3.0-pro");
    expect(thinkingFamily("gemini-2.0-flash").kind).to.equal("none");
    expect(thinkingFamily("gemini-2.5-pro")).to.include({ kind: "budget", canTurnOff: false });
    expect(thinkingFamily("gemini-3.6-flash")).to.deep.equal({ kind: "level", levels: ["minimal", "low", "medium", "high"] });
    expect(thinkingFamily("gemini-3-pro-preview")).to.deep.equal({ kind: "level", levels: ["low", "medium", "high"] });
    expect(thinkingFamily("some-future-model").kind).to.equal("level");
  });

  it("3.x gets a thinking level and no sampling; 2.5 a budget and its temperature; never both thinking fields", () => {
    expect(outputBudget("gemini-3.5-flash-lite", "analysis", 1_000)).to.deep.equal({ maxOutputTokens: 1_256, thinkingLevel: "minimal" });
    expect(outputBudget("gemini-3.6-flash", "insights", 4_096)).to.deep.equal({ maxOutputTokens: 5_120, thinkingLevel: "low" });
    // A Pro tier without "minimal" gets its lowest level above the wish.
    expect(thinkingLevelFor("gemini-3.1-pro", "analysis")).to.equal("low");
    expect(thinkingBudgetFor("gemini-3.6-flash", "analysis")).to.equal(undefined);
    const three = generationSettings("gemini-3.6-flash", outputBudget("gemini-3.6-flash", "summary", 2_048), 0.4);
    expect(three).to.deep.equal({ maxOutputTokens: 3_072, thinkingConfig: { thinkingLevel: "LOW" } });
    const two = generationSettings("gemini-2.5-flash", outputBudget("gemini-2.5-flash", "summary", 2_048), 0.4);
    expect(two).to.deep.equal({ maxOutputTokens: 2_560, temperature: 0.4, thinkingConfig: { thinkingBudget: 512 } });
    expect(generationSettings("gemini-2.0-flash", outputBudget("gemini-2.0-flash", "ask", 100), 0.3)).to.deep.equal({ maxOutputTokens: 100, temperature: 0.3 });
    expect(takesSampling("gemini-3.5-flash-lite")).to.equal(false);
    expect(takesSampling("gemini-2.5-flash-lite")).to.equal(true);
  });

  it("picks a budget per task and family: off where allowed, the minimum where thinking cannot be turned off", () => {
    expect(thinkingBudgetFor("gemini-2.5-flash", "analysis")).to.equal(0);
    expect(thinkingBudgetFor("gemini-2.5-flash-lite", "analysis")).to.equal(0);
    expect(thinkingBudgetFor("gemini-2.5-pro", "analysis")).to.equal(128);
    expect(thinkingBudgetFor("gemini-2.5-flash", "insights")).to.equal(1_024);
    expect(thinkingBudgetFor("gemini-2.5-flash-lite", "ask")).to.equal(512);
    expect(thinkingBudgetFor("gemini-2.0-flash", "insights")).to.equal(undefined);
    expect(outputBudget("gemini-2.5-flash", "insights", 4_096)).to.deep.equal({ maxOutputTokens: 5_120, thinkingBudget: 1_024 });
    expect(outputBudget("gemini-2.5-flash", "insights", 4_096, 2)).to.deep.equal({ maxOutputTokens: 9_216, thinkingBudget: 1_024 });
    expect(outputBudget("gemini-2.0-flash", "ask", 2_048)).to.deep.equal({ maxOutputTokens: 2_048 });
  });

  it("reads the quota and delay from a real-shaped 429 body; per-day wins over per-minute", () => {
    const perDay = JSON.stringify(quotaError("gemini-2.5-flash", "per_day", 250, 37).body);
    expect(parseRateLimitBody(perDay)).to.deep.equal({ retryAfterMs: 37_000, quota: "per_day" });
    const tpm = JSON.stringify(quotaError("gemini-2.5-flash", "tokens_per_minute", 1000, 12).body);
    expect(parseRateLimitBody(tpm)).to.deep.equal({ retryAfterMs: 12_000, quota: "tokens_per_minute" });
    const both = { error: { details: [{ violations: [{ quotaId: "GenerateRequestsPerMinutePerProjectPerModel" }, { quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier" }] }] } };
    expect(parseRateLimitBody(JSON.stringify(both))).to.deep.equal({ quota: "per_day" });
    expect(parseRateLimitBody("not json")).to.deep.equal({});
  });
});

describe("ai/gemini against a realistic stand-in", function () {
  this.timeout(30_000);
  beforeEach(() => standIn.reset());

  it("sends each task's thinking budget on top of its answer allowance; thinking tokens are counted in the usage", async () => {
    const gemini = testGemini();
    const analysis = await gemini.analyzeComments(batch, video);
    const summary = await gemini.summarize(summaryInput());
    const [first, second] = await standIn.requests();
    expect(first.generationConfig.thinkingConfig).to.deep.equal({ thinkingBudget: 0 });
    expect(first.thoughtsTokens).to.equal(0);
    expect(analysis.usage.thinkingTokens).to.equal(undefined);
    expect(second.generationConfig.thinkingConfig).to.deep.equal({ thinkingBudget: 512 });
    expect(second.generationConfig.maxOutputTokens).to.equal(2_048 + 512);
    expect(second.thoughtsTokens).to.equal(512);
    expect(summary.usage.thinkingTokens).to.equal(512);
    expect(summary.usage.outputTokens).to.be.greaterThan(512);
    const totals = await standInTotals();
    expect(analysis.usage.outputTokens + summary.usage.outputTokens).to.equal(totals.outputTokens);
    expect(totals.thinkingTokens).to.equal(512);
  });

  it("the default routes: each task to its class's 3.x model, with a thinking level, no budget and no sampling parameter", async () => {
    const gemini = testGemini({ model: undefined });
    const analysis = await gemini.analyzeComments(batch, video);
    const summary = await gemini.summarize(summaryInput());
    await gemini.draftReplies({ comment: { text: "Love this!" }, tone: "friendly", count: 2 });
    const [first, second, third] = await standIn.requests();
    expect(first.model).to.equal(DEFAULT_MODELS.batch);
    expect(second.model).to.equal(DEFAULT_MODELS.synthesis);
    expect(third.model).to.equal(DEFAULT_MODELS.interactive);
    expect(first.generationConfig.thinkingConfig).to.deep.equal({ thinkingLevel: "MINIMAL" });
    expect(second.generationConfig.thinkingConfig).to.deep.equal({ thinkingLevel: "LOW" });
    expect(third.generationConfig.thinkingConfig).to.deep.equal({ thinkingLevel: "MINIMAL" });
    for (const request of [first, second, third]) {
      expect(request.outcome).to.equal("smart");
      for (const field of ["temperature", "topP", "topK"]) expect(request.generationConfig, `${request.task} ${field}`).not.to.have.property(field);
    }
    // Which model did what travels with the usage, priced at list price.
    expect(analysis.usage.models?.map((m) => [m.model, m.tasks])).to.deep.equal([[DEFAULT_MODELS.batch, ["analysis"]]]);
    expect(summary.usage.models?.[0]).to.include({ model: DEFAULT_MODELS.synthesis, calls: 1, inputTokens: summary.usage.inputTokens });
    expect(usdOf(addUsage(analysis.usage, summary.usage))).to.be.greaterThan(0);
  });

  it("a 2.5 model gets a thinking budget and no level, and keeps its temperature", async () => {
    await testGemini({ model: "gemini-2.5-flash-lite" }).summarize(summaryInput());
    const [request] = await standIn.requests();
    expect(request.generationConfig.thinkingConfig).to.deep.equal({ thinkingBudget: 512 });
    expect(request.generationConfig.temperature).to.equal(0.4);
    expect(request.outcome).to.equal("smart");
  });

  it("a model that cannot turn thinking off gets its minimum budget, not 0 (which it refuses)", async () => {
    const { value } = await testGemini({ model: "gemini-2.5-pro" }).analyzeComments(batch, video);
    expect(value).to.have.length(3);
    const [request] = await standIn.requests();
    expect(request.generationConfig.thinkingConfig).to.deep.equal({ thinkingBudget: 128 });
    expect(request.outcome).to.equal("smart");
  });

  it("the raw API: dynamic thinking on a large prompt eats a small maxOutputTokens and ends in MAX_TOKENS", async () => {
    const response = await sdk().models.generateContent({
      model: "gemini-2.5-flash",
      contents: [{ role: "user", parts: [{ text: `<comments>\n${JSON.stringify(batch.map((c, i) => [i + 1, c.text]))}\n</comments>` }] }],
      config: { responseMimeType: "application/json", maxOutputTokens: 600 },
    });
    expect(response.candidates?.[0].finishReason).to.equal("MAX_TOKENS");
    expect(response.usageMetadata?.thoughtsTokenCount).to.equal(600);
    expect(response.text ?? "").to.equal("");
  });

  it("an answer cut off at MAX_TOKENS is asked again once with a doubled allowance, then succeeds", async () => {
    await standIn.script({ responses: [{ maxTokens: true }] });
    const { value, usage } = await testGemini().summarize(summaryInput());
    expect(value.headline).to.be.a("string").and.not.empty;
    const requests = await standIn.requests();
    expect(requests.map((r) => [r.finishReason, r.generationConfig.maxOutputTokens])).to.deep.equal([
      ["MAX_TOKENS", 2_048 + 512],
      ["STOP", 4_096 + 512],
    ]);
    expect(totalsOnly(usage)).to.deep.equal({ calls: 2, ...(await standInTotals()) });
  });

  it("cut off twice: a clear typed error after two billed calls, not three with the same settings", async () => {
    await standIn.script({ responses: [{ maxTokens: true }, { maxTokens: "empty" }] });
    const err = await failure(testGemini().generateInsights(summaryInput()));
    expect(err).to.be.instanceOf(AiOutputLimitError);
    expect(err.message).to.match(/cut off at its output limit \(9216 tokens, thinking included\)/);
    expect(err.usage.calls).to.equal(2);
    expect(aiErrorToHttps(err).details).to.deep.equal({ error: "ai_output_limit" });
    expect((await standIn.requests()).length).to.equal(2);
  });

  it("a per-minute 429 is retried after its RetryInfo delay; when retries run out the error names the quota and delay", async () => {
    await standIn.script({ responses: [{ status: 429, quota: "per_minute", retryDelaySeconds: 0.01 }] });
    const ok = await testGemini().analyzeComments(batch, video);
    expect(ok.value).to.have.length(3);
    expect((await standIn.requests()).map((r) => r.outcome)).to.deep.equal(["429", "smart"]);

    await standIn.reset();
    await standIn.script({ responses: [{ status: 429, retryDelaySeconds: 0.02 }, { status: 429, retryDelaySeconds: 0.02 }] });
    const err = await failure(testGemini({ retry: { attempts: 2 } }).analyzeComments(batch, video));
    expect(err).to.be.instanceOf(AiUnavailableError);
    expect(err).to.include({ reason: "rate_limited", status: 429, retryAfterMs: 20, quota: "per_minute" });
  });

  it("a per-day 429 is not retried: one request, a clear error with quota per_day, resource-exhausted for clients", async () => {
    await standIn.script({ responses: [{ status: 429, quota: "per_day", retryDelaySeconds: 5 }, { status: 429, quota: "per_day" }] });
    const err = await failure(testGemini().answerQuestion({ question: "Any questions?", video, comments: summaryInput().comments, history: [] }));
    expect(err).to.be.instanceOf(AiUnavailableError);
    expect(err).to.include({ reason: "rate_limited", status: 429, retryAfterMs: 5_000, quota: "per_day" });
    expect(err.message).to.match(/daily request quota/);
    expect((await standIn.requests()).length).to.equal(1);
    const https = aiErrorToHttps(err);
    expect(https.code).to.equal("resource-exhausted");
    expect(https.details).to.deep.include({ error: "ai_daily_quota", quota: "per_day" });
  });

  it("the stand-in's own limits: tokens per minute and requests per minute answer 429 naming that quota", async () => {
    await standIn.config({ tokensPerMinute: 300 });
    const gemini = testGemini({ retry: { attempts: 3, maxRetryAfterMs: 100 } });
    await gemini.analyzeComments(batch, video);
    const tpm = await failure(gemini.analyzeComments(batch, video));
    expect(tpm).to.include({ status: 429, quota: "tokens_per_minute" });
    expect((tpm as AiUnavailableError).retryAfterMs).to.be.within(1_000, 60_000);

    await standIn.reset();
    await standIn.config({ requestsPerMinute: 1 });
    await gemini.analyzeComments(batch, video);
    const rpm = await failure(gemini.analyzeComments(batch, video));
    expect(rpm).to.include({ status: 429, quota: "per_minute" });
    // Longer than the provider waits: reported at once, not slept on.
    expect((await standIn.requests()).map((r) => r.outcome)).to.deep.equal(["smart", "rate_limited:per_minute"]);
  });

  it("a bad key is 400 API_KEY_INVALID with Google's body; the provider reports it as rejected, not retried", async () => {
    const raw = await sdkRejection({ model: "gemini-2.5-flash", contents: "hi" }, "not-a-real-key");
    expect(raw.status).to.equal(400);
    expect(raw.error).to.include({ code: 400, status: "INVALID_ARGUMENT", message: "API key not valid. Please pass a valid API key." });
    expect(raw.error.details?.[0]).to.deep.include({ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com" });

    await standIn.reset();
    const err = await failure(testGemini({ apiKey: "AIza-too-short" }).analyzeComments(batch, video));
    expect(err).to.include({ reason: "rejected", status: 400 });
    expect((await standIn.requests()).map((r) => r.outcome)).to.deep.equal(["bad_key"]);
  });

  it("refuses what the API refuses: budget 0 on a thinking-only model, unknown config fields, unusable schemas", async () => {
    const contents = "label these";
    const pro = await sdkRejection({ model: "gemini-2.5-pro", contents, config: { thinkingConfig: { thinkingBudget: 0 } } });
    expect(pro.error.message).to.equal("Budget 0 is invalid. This model only works in thinking mode.");
    const both = await sdkRejection({ model: "gemini-3.6-flash", contents, config: { thinkingConfig: { thinkingBudget: 512, thinkingLevel: ThinkingLevel.LOW } } });
    expect(both.error.message).to.match(/only one of thinking budget and thinking level/);
    const levelOn25 = await sdkRejection({ model: "gemini-2.5-flash", contents, config: { thinkingConfig: { thinkingLevel: ThinkingLevel.LOW } } });
    expect(levelOn25.error.message).to.match(/use thinking budget/);
    const minimalOnPro = await sdkRejection({ model: "gemini-3.1-pro", contents, config: { thinkingConfig: { thinkingLevel: ThinkingLevel.MINIMAL } } });
    expect(minimalOnPro.error.message).to.match(/not supported by models\/gemini-3.1-pro/);
    const range = await sdkRejection({ model: "gemini-2.5-flash", contents, config: { thinkingConfig: { thinkingBudget: 50_000 } } });
    expect(range.error.message).to.match(/between 1 and 24576/);
    const noMime = await sdkRejection({ model: "gemini-2.5-flash", contents, config: { responseSchema: { type: "OBJECT", properties: { a: { type: "STRING" } } } } });
    expect(noMime.error.message).to.match(/response_mime_type/);
    const emptyObject = await sdkRejection({ model: "gemini-2.5-flash", contents, config: { responseMimeType: "application/json", responseSchema: { type: "OBJECT", properties: {} } } });
    expect(emptyObject.error.message).to.match(/non-empty for OBJECT/);
    const badRequired = await sdkRejection({
      model: "gemini-2.5-flash",
      contents,
      config: { responseMimeType: "application/json", responseSchema: { type: "OBJECT", properties: { a: { type: "STRING" } }, required: ["b"] } },
    });
    expect(badRequired.error.message).to.match(/required\[b\]/);
    const arrayNoItems = await sdkRejection({ model: "gemini-2.5-flash", contents, config: { responseMimeType: "application/json", responseSchema: { type: "ARRAY" } } });
    expect(arrayNoItems.error.message).to.match(/items: missing/);
    const temperature = await sdkRejection({ model: "gemini-2.5-flash", contents, config: { temperature: 3 } });
    expect(temperature.error.message).to.match(/temperature/);
    // Lently's own requests pass the same checks (every task, above and in gemini.test.ts).
    expect((await standIn.requests()).every((r) => r.outcome === "invalid")).to.equal(true);
    // An unknown or retired model is a 404, as on the real service.
    for (const model of ["gemini-2.0-flash", "gemini-1.5-pro", "gemini-9-ultra"]) {
      const gone = await sdkRejection({ model, contents });
      expect(gone.status, model).to.equal(404);
      expect(gone.error.status).to.equal("NOT_FOUND");
    }
  });

  it("answers whatever fields the request's schema asks for, so a new field (toxic) keeps working", async () => {
    const schema = {
      type: "OBJECT",
      properties: {
        r: {
          type: "ARRAY",
          items: {
            type: "OBJECT",
            properties: { i: { type: "INTEGER" }, s: { type: "STRING", enum: ["pos", "neg", "neu", "mix"] }, toxic: { type: "BOOLEAN" }, note: { type: "STRING" } },
            required: ["i", "s", "toxic"],
          },
        },
      },
      required: ["r"],
    };
    const response = await sdk().models.generateContent({
      model: "gemini-2.5-flash",
      contents: `<comments>\n${JSON.stringify([[1, "I love this, thank you!"], [2, "You are an idiot"]])}\n</comments>`,
      config: { responseMimeType: "application/json", responseSchema: schema, thinkingConfig: { thinkingBudget: 0 } },
    });
    const answer = JSON.parse(response.text ?? "{}") as { r: Array<Record<string, unknown>> };
    expect(answer.r).to.have.length(2);
    for (const item of answer.r) {
      expect(Object.keys(item).sort()).to.deep.equal(["i", "note", "s", "toxic"]);
      expect(item.toxic).to.be.a("boolean");
    }
    expect(answer.r[0]).to.include({ i: 1, s: "pos" });
    // A field the local models do have is taken from them by name.
    expect(conformToSchema({ type: "OBJECT", properties: { toxic: { type: "BOOLEAN" }, x: { type: "NUMBER" } } }, { toxic: true, x: "no" })).to.deep.equal({ toxic: true, x: 0 });
  });

  it("the stand-in reads requests with code of its own: no import of Lently's prompt builders or token estimates", () => {
    const dir = join(__dirname, "../../../tools/standins");
    const files = readdirSync(dir).filter((f) => f.startsWith("gemini") && f.endsWith(".ts"));
    expect(files.length).to.be.greaterThan(2);
    for (const file of files) {
      const source = readFileSync(join(dir, file), "utf8");
      expect(source, file).to.not.match(/from\s+["'][^"']*functions\/src\/ai\/(prompts|tokens)/);
    }
  });
});
