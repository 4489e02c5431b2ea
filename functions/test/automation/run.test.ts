// Running rules in-process over a stored analysis: approvals claimed once,
// expiry, caps, and a failing rule pausing itself with a notification.
import { expect } from "chai";
import { db } from "../../src/core/firebase";
import { connectChannel } from "../../src/channel/service";
import type { RuleInput } from "../../src/contracts/rules";
import { getRuleLog } from "../../src/rules/auditLog";
import type { RulesDeps } from "../../src/rules/deps";
import { approveActions, expirePendingActions, getPendingActions, rejectActions } from "../../src/rules/pending";
import { replayRules } from "../../src/rules/replay";
import { listRules, saveRule } from "../../src/rules/store";
import { testChannelDeps } from "../support/channel";
import { resetFirestore } from "../support/emulators";
import { consent, exhaustOwnerQuota, ownerStats, resetOwner } from "../support/oauth";
import { createJob, pipelineDeps, runAnalysisJob, seedUser } from "../support/pipeline";
import { FIXTURE_IDS } from "../support/youtube";

const uid = "rules-runner";
let clockMs = Date.now();
const deps = (limits: Partial<RulesDeps["limits"]> = {}): RulesDeps => ({
  db: db(),
  channel: testChannelDeps(db()),
  draftReply: (_uid, request) => Promise.resolve(`Thanks ${request.comment.author ?? ""}! (${request.tone})`),
  limits: { pendingExpiryHours: 1, pauseAfterFailures: 2, maxActionsPerRun: 25, maxActionsPerDay: 200, ...limits },
  now: () => new Date(clockMs),
});
const questions: RuleInput = {
  name: "Questions",
  condition: { match: "all", clauses: [{ type: "label", label: "category", value: "question" }] },
  action: { type: "reply_template", template: "Thanks {author}!" },
  mode: "approve",
};
// Before the questions rule: first match wins.
const requests: RuleInput = { name: "Hold requests", condition: { match: "all", clauses: [{ type: "label", label: "category", value: "request" }] }, action: { type: "hold" }, mode: "auto" };

describe("rules (in-process): running, approvals, rails", function () {
  this.timeout(90_000);
  let analysisId: string;

  before(async () => {
    await resetFirestore();
    await resetOwner();
    await seedUser(uid, "business");
    await connectChannel(testChannelDeps(db()), uid, await consent());
    const jobId = await createJob(uid, { videoUrlOrId: FIXTURE_IDS.demo, maxComments: 100 });
    const outcome = await runAnalysisJob(await pipelineDeps(), jobId);
    if (outcome.status !== "completed") throw new Error(outcome.status);
    analysisId = outcome.analysisId;
  });

  it("queues approve-mode actions; an approval posts once, a second one nothing; reject and expiry close the rest", async () => {
    await saveRule(db(), uid, questions);
    const run = await replayRules(deps(), uid, { analysisId });
    expect(run.pending).to.be.at.least(4);
    const { actions } = await getPendingActions(db(), uid, {});
    expect(actions).to.have.length(run.pending);
    const before = (await ownerStats()).posted.length;
    const [a, b, c, ...rest] = actions;
    const first = await approveActions(deps(), uid, { ids: [a.id, a.id, b.id], edits: { [a.id]: "Edited!" } });
    expect(first.results.map((r) => r.outcome)).to.deep.equal(["done", "done"]);
    const again = await Promise.all([approveActions(deps(), uid, { ids: [a.id, b.id] }), approveActions(deps(), uid, { ids: [a.id, b.id] })]);
    expect(again.flatMap((r) => r.results.map((x) => x.outcome))).to.deep.equal(["not_pending", "not_pending", "not_pending", "not_pending"]);
    const posted = (await ownerStats()).posted.slice(before);
    expect(posted.map((p) => p.text).sort()).to.deep.equal(["Edited!", `Thanks ${b.author}!`].sort());

    expect(await rejectActions(deps(), uid, { ids: [c.id, a.id] })).to.deep.equal({ rejected: 1, notPending: 1 });
    clockMs += 2 * 3_600_000;
    expect(await expirePendingActions(db(), new Date(clockMs))).to.equal(rest.length);
    expect((await approveActions(deps(), uid, { ids: [rest[0].id] })).results[0].outcome).to.equal("not_pending");
    const log = await getRuleLog(db(), uid, { limit: 500 });
    const outcomes = log.entries.filter((e) => e.runId === run.runId).map((e) => e.outcome);
    expect(outcomes.filter((o) => o === "done")).to.have.length(2);
    expect(outcomes.filter((o) => o === "rejected")).to.have.length(1);
    expect(outcomes.filter((o) => o === "expired")).to.have.length(rest.length);
  });

  it("the cap per run stops automatic actions past it, each logged as a skip", async () => {
    await saveRule(db(), uid, requests);
    const run = await replayRules(deps({ maxActionsPerRun: 1 }), uid, { analysisId });
    expect(run.done).to.equal(1);
    const capped = (await getRuleLog(db(), uid, { limit: 500 })).entries.filter((e) => e.runId === run.runId && e.reason.startsWith("cap: 1 automatic actions per run"));
    expect(capped.length).to.be.greaterThan(0);
  });

  it("a rule whose actions keep failing pauses itself and notifies the creator", async () => {
    await exhaustOwnerQuota(true);
    try {
      const run = await replayRules(deps(), uid, { analysisId });
      expect(run.failed).to.equal(2);
    } finally {
      await exhaustOwnerQuota(false);
    }
    const rule = (await listRules(db(), uid)).find((r) => r.name === "Hold requests")!;
    expect(rule.paused?.reason).to.match(/^2 failed actions in a row/);
    const notes = await db().collection(`users/${uid}/notifications`).where("type", "==", "rule_paused").get();
    expect(notes.docs.map((d) => d.data())).to.have.length(1);
    expect(notes.docs[0].data()).to.include({ source: "rules", ruleId: rule.id, ruleName: "Hold requests", read: false });
    // Paused: the next run does not use it.
    expect((await replayRules(deps(), uid, { analysisId })).failed).to.equal(0);
  });
});
