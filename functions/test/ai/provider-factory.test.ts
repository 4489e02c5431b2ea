import { expect } from "chai";
import { analyzeInBatches, toBatches } from "../../src/ai/batching";
import { AiUnavailableError } from "../../src/ai/errors";
import { createAiProvider, resolveProviderName } from "../../src/ai/provider";
import { standIn, standInUrl, TEST_KEY, totalsOnly } from "../support/gemini";

const base = { model: "gemini-2.5-flash", baseUrl: "", requestsPerMinute: 0 };

describe("ai/provider factory and batching", () => {
  beforeEach(() => standIn.reset());

  it("auto picks gemini only when a key is set; explicit settings win", () => {
    expect(resolveProviderName("auto", "")).to.equal("local");
    expect(resolveProviderName("auto", "k")).to.equal("gemini");
    expect(resolveProviderName("local", "k")).to.equal("local");
    expect(resolveProviderName("gemini", "k")).to.equal("gemini");
    expect(resolveProviderName("something-else", "")).to.equal("local");
  });

  it("creates each provider; gemini without a key is a clear error", async () => {
    expect((await createAiProvider({ ...base, provider: "auto", apiKey: "" })).name).to.equal("local");
    expect((await createAiProvider({ ...base, provider: "auto", apiKey: TEST_KEY })).name).to.equal("gemini");
    try {
      await createAiProvider({ ...base, provider: "gemini", apiKey: "" });
      expect.fail("expected an error");
    } catch (err) {
      expect(err).to.be.instanceOf(AiUnavailableError);
    }
  });

  it("reads the stack's params: AI_PROVIDER=local by default, GEMINI_BASE_URL pointing at the stand-in", async () => {
    expect(process.env.GEMINI_BASE_URL).to.equal(standInUrl());
    expect((await createAiProvider()).name).to.equal("local");
  });

  it("analyses in batches: one call per batch, input order kept, usage summed", async () => {
    const gemini = await createAiProvider({ ...base, provider: "gemini", apiKey: TEST_KEY, baseUrl: standInUrl(), retry: { baseDelayMs: 1 } });
    const comments = Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, text: i % 2 ? "Thanks, great video!" : "How do I do this?" }));
    const progress: number[] = [];
    const { value, usage } = await analyzeInBatches(gemini, comments, { id: "v", title: "t" }, { batchSize: 3, concurrency: 2, onProgress: (done) => void progress.push(done) });
    expect(value.map((a) => a.id)).to.deep.equal(comments.map((c) => c.id));
    expect(toBatches(comments, 3).map((b) => b.length)).to.deep.equal([3, 3, 3, 1]);
    const stats = await standIn.stats();
    expect(stats.requests).to.equal(4);
    expect(totalsOnly(usage)).to.deep.equal({ calls: 4, inputTokens: stats.inputTokens, outputTokens: stats.outputTokens });
    expect(progress[progress.length - 1]).to.equal(10);
  });
});
