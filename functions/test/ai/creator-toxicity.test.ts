// Creator-domain toxicity, written for these tests: the local provider's
// `toxic` flag on YouTube comments from outside its training topic.
import { expect } from "chai";
import { analyzeComment } from "../../src/ai/local/analyze";
import { CREATOR_TOXICITY } from "./creator-toxicity";

describe("creator-domain toxicity (local provider)", () => {
  for (const [text, toxic] of CREATOR_TOXICITY) {
    it(`${toxic ? "toxic" : "not toxic"}: ${text}`, () => {
      expect(analyzeComment({ id: "c0", text }).toxic).to.equal(toxic);
    });
  }
});
