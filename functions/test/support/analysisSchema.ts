// The stored analysis, as a schema the tests check documents against: the
// contract's (functions/src/contracts/analysis.ts), which getAnalysis returns.
export { analysisDocument as analysisSchema, storedComment as storedCommentSchema } from "../../src/contracts/analysis";
