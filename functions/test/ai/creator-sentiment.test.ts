// Creator-domain sentiment, written for these tests: how a creator reads a
// comment about their video. Problem solved → positive; a plain question or
// factual remark → neutral; negation and contrast as far as a local model can.
import { expect } from "chai";
import { analyzeComment } from "../../src/ai/local/analyze";
import { CREATOR_SENTIMENT } from "./creator-sentiment";

describe("creator-domain sentiment (local provider)", () => {
  for (const [text, expected] of CREATOR_SENTIMENT) {
    it(`${expected}: ${text}`, () => {
      expect(analyzeComment({ id: "c0", text }).sentiment).to.equal(expected);
    });
  }
});
