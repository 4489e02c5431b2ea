// Rules in-process against the emulators: saving, ordering and deleting them
// through the callables, the errors that name the field, and the tester on the
// demo analysis (matches with reasons, no YouTube unit spent).
import { expect } from "chai";
import { db } from "../../src/core/firebase";
import { deleteRule, getRules, reorderRules, saveRule, setAutomation, testRule } from "../../src/index";
import { call, callError } from "../support/functions";
import { resetFirestore } from "../support/emulators";
import { ownerStats, resetOwner } from "../support/oauth";
import { createJob, pipelineDeps, runAnalysisJob, seedUser } from "../support/pipeline";
import { FIXTURE_IDS } from "../support/youtube";

const DEMO = FIXTURE_IDS.demo;
const uid = "rules-creator";
const caller = { uid };

const toxicHold = {
  name: "Hold toxic",
  condition: { match: "all", clauses: [{ type: "label", label: "toxic", minConfidence: 0.8 }] },
  action: { type: "hold" },
  mode: "auto",
};
const questionReply = {
  name: "Answer mic questions",
  condition: { match: "all", clauses: [{ type: "label", label: "category", value: "question" }] },
  action: { type: "reply_template", template: "Thanks {author}! The parts list for {videoTitle} is pinned." },
  mode: "approve",
};

describe("rules (in-process): saving, ordering, the tester", function () {
  this.timeout(60_000);
  let analysisId: string;

  before(async () => {
    await resetFirestore();
    await resetOwner();
    await seedUser(uid, "pro");
    const jobId = await createJob(uid, { videoUrlOrId: DEMO, maxComments: 100 });
    const outcome = await runAnalysisJob(await pipelineDeps(), jobId);
    if (outcome.status !== "completed") throw new Error(`analysis ${outcome.status}`);
    analysisId = outcome.analysisId;
  });

  it("saves rules in order, reorders them (every rule once), deletes one; the kill switch sits on the profile", async () => {
    const a = await call(saveRule, { rule: toxicHold }, caller);
    const b = await call(saveRule, { rule: questionReply }, caller);
    expect([a.created, b.created, a.rule.order, b.rule.order]).to.deep.equal([true, true, 0, 1]);
    const renamed = await call(saveRule, { rule: { ...toxicHold, id: a.rule.id, name: "Hold toxic comments" } }, caller);
    expect(renamed).to.deep.include({ created: false });
    expect(renamed.rule).to.include({ id: a.rule.id, name: "Hold toxic comments", order: 0 });

    const reordered = await call(reorderRules, { ids: [b.rule.id, a.rule.id] }, caller);
    expect(reordered.rules.map((r) => r.id)).to.deep.equal([b.rule.id, a.rule.id]);
    const partial = await callError(call(reorderRules, { ids: [b.rule.id] }, caller));
    expect(partial.message).to.equal("ids: must name all 2 of your rules");

    await call(setAutomation, { paused: true }, caller);
    expect((await call(getRules, {}, caller)).automationPaused).to.equal(true);
    expect((await db().doc(`users/${uid}`).get()).get("automationPaused")).to.equal(true);
    await call(setAutomation, { paused: false }, caller);

    expect(await call(deleteRule, { id: b.rule.id }, caller)).to.deep.equal({ deleted: true });
    expect(await call(deleteRule, { id: b.rule.id }, caller)).to.deep.equal({ deleted: false });
    expect((await call(getRules, {}, caller)).rules.map((r) => r.id)).to.deep.equal([a.rule.id]);
  });

  it("bad rules are invalid-argument naming the field: a regex that does not compile, an unknown label, a template with an unknown variable, an unknown field", async () => {
    const regex = await callError(call(saveRule, { rule: { ...toxicHold, condition: { match: "all", clauses: [{ type: "text", op: "regex", values: ["(unclosed"] }] } } }, caller));
    expect(regex.code).to.equal("invalid-argument");
    expect(regex.message).to.match(/^rule\.condition\.clauses\.0\.values\.0: is not a valid pattern/);
    const label = await callError(call(saveRule, { rule: { ...toxicHold, condition: { match: "all", clauses: [{ type: "label", label: "mood" }] } } }, caller));
    expect(label.message).to.match(/^rule\.condition\.clauses\.0\.label: must be one of category, sentiment, toxic, spam, language/);
    const variable = await callError(call(saveRule, { rule: { ...questionReply, action: { type: "reply_template", template: "Hi {viewer}" } } }, caller));
    expect(variable.message).to.equal("rule.action.template: has an unknown variable {viewer} (known: {author}, {videoTitle})");
    const unknown = await callError(call(saveRule, { rule: { ...toxicHold, priority: 1 } }, caller));
    expect(unknown.message).to.match(/^rule: unknown field\(s\) priority/);
  });

  it("testRule on the demo analysis lists the matches with why and what it would post, and spends no YouTube unit", async () => {
    const unitsBefore = (await ownerStats()).units;
    const ledgerBefore = JSON.stringify((await db().collection(`users/${uid}/youtube_units`).get()).docs.map((d) => d.data()));
    const tested = await call(testRule, { rule: questionReply, analysisId }, caller);
    expect(tested.checked).to.be.greaterThan(50);
    expect(tested.matches.length).to.be.greaterThan(5);
    for (const m of tested.matches) {
      expect(m.reasons).to.deep.equal(["labelled question"]);
      expect(m.wouldDo).to.match(/^reply: Thanks @?.+! The parts list for .+ is pinned\.$/);
    }
    // Questions the owner already answered match but would be skipped.
    expect(tested.matches.some((m) => m.skip === "thread already answered")).to.equal(true);
    expect(tested).to.deep.include({ youtubeUnits: 0, aiDrafts: 0 });
    expect((await ownerStats()).units).to.equal(unitsBefore);
    expect(JSON.stringify((await db().collection(`users/${uid}/youtube_units`).get()).docs.map((d) => d.data()))).to.equal(ledgerBefore);

    const sample = await call(testRule, {
      rule: { name: "lures", condition: { match: "all", clauses: [{ type: "link", to: "messaging" }, { type: "author", list: "none" }] }, action: { type: "reject", banAuthor: true }, mode: "auto" },
      sample: [{ text: "dm me on https://wa.me/14155550142 for a prize", authorChannelId: "UCbbbbbbbbbbbbbbbbbbbbbb" }, { text: "thanks!" }],
    }, caller);
    expect(sample.matches).to.have.length(1);
    expect(sample.matches[0]).to.deep.include({ reasons: ["links to a messaging app (wa.me)", "author is on none of your lists"], wouldDo: "reject and ban the author" });
  });

  it("an AI reply rule drafts replies for its first few matches only", async () => {
    const tested = await call(testRule, { rule: { ...questionReply, action: { type: "reply_ai", tone: "friendly" } }, analysisId }, caller);
    expect(tested.aiDrafts).to.equal(3);
    expect(tested.matches.filter((m) => m.wouldDo.startsWith("reply: "))).to.have.length(3);
  });
});
