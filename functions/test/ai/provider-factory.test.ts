import { expect } from "chai";
import { AiUnavailableError } from "../../src/ai/errors";
import { createAiProvider, resolveProviderName } from "../../src/ai/provider";
import { standIn, standInUrl, TEST_KEY } from "../support/gemini";

const base = { model: "gemini-2.5-flash", baseUrl: "" };

describe("ai/provider factory", () => {
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
});
