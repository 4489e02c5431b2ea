// Creator-domain needs attention, written for these tests: a question put to
// the creator about the video's topic stays a question through the learned
// check (trained on coding-tutorial comments without punctuation), and
// chatter shaped like a question does not become one.
import { expect } from "chai";
import { analyzeComment } from "../../src/ai/local/analyze";
import { explainCategory, needsAttention } from "../../src/ai/local/category";
import { CONCERN_DENSE_FEATURES, concernDense } from "../../src/ai/local/concernFeatures";
import { scoreSentiment } from "../../src/ai/local/sentiment";
import { flatten } from "../../src/ai/local/tokenize";
import { CREATOR_QUESTIONS } from "./creator-questions";

describe("creator-domain needs attention (local provider)", () => {
  for (const [text, expected] of CREATOR_QUESTIONS) {
    it(`${expected}: ${text}`, () => {
      expect(analyzeComment({ id: "c0", text }).category).to.equal(expected);
    });
  }

  it("covers questions and non-questions, actionable and not", () => {
    const questions = CREATOR_QUESTIONS.filter(([, c]) => c === "question").length;
    const calm = CREATOR_QUESTIONS.filter(([, c]) => !needsAttention(c)).length;
    expect(questions).to.be.at.least(30);
    expect(calm).to.be.at.least(10);
  });

  it("gives a question with \"?\" the features of the phrase rules' questions (the model was trained without punctuation)", () => {
    const question = CONCERN_DENSE_FEATURES.indexOf("question");
    const dense = (text: string): number[] => concernDense(explainCategory(text, scoreSentiment(text)), true, flatten(text));
    expect(explainCategory("Is the 50mm worth it?", scoreSentiment("Is the 50mm worth it?")).rule).to.equal("question-mark");
    expect(dense("Is the 50mm worth it?")[question]).to.equal(1);
    expect(dense("is the 50mm worth it")[question]).to.equal(1);
  });

  it("does not take a \"?\" put to the other viewers for a question to the creator, unless another sentence asks one", () => {
    const rule = (text: string): string => explainCategory(text, scoreSentiment(text)).rule;
    expect(rule("Anyone else here after the livestream?")).to.not.equal("question-mark");
    expect(rule("Anyone else here after the livestream? What lens is that?")).to.equal("question-mark");
  });
});
