// A video whose audience writes in many languages, analysed in-process with the
// local provider: each comment keeps its language, the analysis reports the mix,
// and the comments the local models cannot read get no verdict and are counted.
import { expect } from "chai";
import { db } from "../../src/core/firebase";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { MIXED_COMMENTS } from "../../../tools/standins/fixtures/mixed-languages";
import { analysisSchema, storedCommentSchema } from "../support/analysisSchema";
import { resetFirestore } from "../support/emulators";
import { createJob, pipelineDeps, runAnalysisJob, seedUser } from "../support/pipeline";

describe("analysis: languages (local provider)", function () {
  this.timeout(60_000);
  before(() => resetFirestore());

  it("stores each comment's language, reports the mix, and leaves Japanese and Arabic comments unread", async () => {
    await seedUser("polyglot", "pro");
    const jobId = await createJob("polyglot", { videoUrlOrId: FIXTURE_IDS.mixedLanguages, maxComments: 100 });
    const outcome = await runAnalysisJob(await pipelineDeps(), jobId);
    expect(outcome.status).to.equal("completed");
    const analysisId = (outcome as { analysisId: string }).analysisId;
    const analysis = analysisSchema.parse((await db().doc(`analyses/${analysisId}`).get()).data());
    const chunks = await db().collection(`analyses/${analysisId}/comments`).get();
    const comments = chunks.docs.flatMap((d) => (d.data() as { comments: unknown[] }).comments).map((c) => storedCommentSchema.parse(c));
    expect(comments).to.have.length(MIXED_COMMENTS.length);

    const byText = new Map(comments.map((c) => [c.text, c]));
    for (const [language, , text] of MIXED_COMMENTS) {
      const stored = byText.get(text)!;
      if (language === "hi-Latn") expect(stored.language, text).to.equal(null);
      else expect(stored.language, text).to.equal(language);
      if (language === "ja" || language === "ar") {
        expect(stored, text).to.include({ sentiment: null, category: null, unread: "language" });
      }
      if (language === "en") expect(stored.sentiment, text).to.be.a("string");
    }

    const mix = analysis.results.languages!;
    const unread = comments.filter((c) => c.unread).length;
    expect(unread).to.equal(MIXED_COMMENTS.filter(([l]) => !["en", "hi-Latn"].includes(l)).length);
    expect(mix.unread).to.equal(unread);
    expect(analysis.counts).to.include({ unread });
    expect(mix.undetermined).to.equal(2);
    expect(mix.languages.map((l) => l.code)).to.include.members(["en", "es", "pt", "de", "fr", "ja", "ar", "hi"]);
    expect(mix.languages[0]).to.include({ code: "en", name: "English", count: 10 });
    expect(mix.languages.reduce((sum, l) => sum + l.share, 0)).to.be.closeTo(100, 0.001);
    // Only what the models read is in the sentiment figures.
    expect(analysis.results.sentiment!.total).to.equal(comments.length - unread);
    // The summary says how many it could not read, and that Gemini reads them.
    const overview = (analysis.results.summary as { overview: string }).overview;
    expect(overview).to.include(`${unread} comments in other languages (`);
    expect(overview).to.match(/Japanese 3/);
    expect(overview).to.match(/Arabic 3/);
    expect(overview).to.match(/with Gemini they are read/);
  });
});
