// The demo report's unanswered line reads as English for any counts.
import { expect } from "chai";
import { renderReport } from "../../../tools/demo/report";

function unansweredLine(unanswered: { question: number; request: number; criticism: number }): string {
  const classification = { total: 10, counts: {}, actionableCount: 0, unanswered, unansweredQuestions: [], answeredByOwner: 2 };
  const report = renderReport({ results: { classification } });
  return report.split("\n").find((l) => l.includes("reply from you")) ?? "";
}

describe("demo report: unanswered comments", () => {
  it("counts in the singular and plural, leaves out zeros, and agrees its verb", () => {
    expect(unansweredLine({ question: 3, request: 0, criticism: 1 })).to.equal(
      "  3 questions and 1 critical comment have no reply from you yet (you replied in 2 threads)",
    );
    expect(unansweredLine({ question: 1, request: 0, criticism: 0 })).to.equal("  1 question has no reply from you yet (you replied in 2 threads)");
    expect(unansweredLine({ question: 2, request: 1, criticism: 4 })).to.equal(
      "  2 questions, 1 request and 4 critical comments have no reply from you yet (you replied in 2 threads)",
    );
    expect(unansweredLine({ question: 0, request: 0, criticism: 0 })).to.equal(
      "  Every question, request and critical comment has a reply from you (you replied in 2 threads)",
    );
  });
});
