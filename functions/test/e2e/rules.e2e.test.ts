// Rules through the web SDK against the emulators and the YouTube + Google
// OAuth stand-ins, with a connected channel. The channel sync is not on main
// yet, so each "sync" here is replayRules over a fresh analysis of the demo
// video: 30 new comments, then the kill switch stops a later run.
import { expect } from "chai";
import { deleteApp, initializeApp, type App } from "firebase-admin/app";
import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { watchJob } from "../../../tools/watchJob";
import { newUsage, usageRef } from "../../src/core/planUsage";
import { signUp, type WebClient } from "../support/client";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";
import { consent, ownerStats, resetOwner } from "../support/oauth";
import { FIXTURE_IDS } from "../support/youtube";

const DEMO = FIXTURE_IDS.demo;

interface Summary {
  runId: string;
  checked: number;
  matched: number;
  done: number;
  pending: number;
  skipped: number;
  failed: number;
  youtubeUnits: number;
}
interface Pending {
  actions: Array<{ id: string; commentId: string; reply: string | null; ruleName: string }>;
}
interface Log {
  entries: Array<{ ruleName: string; commentId: string; outcome: string; reason: string; approvedBy: string | null; runId: string | null; youtubeUnits: number }>;
}

const rules = [
  {
    name: "Hold toxic",
    condition: { match: "all", clauses: [{ type: "label", label: "toxic", minConfidence: 0.8 }] },
    action: { type: "hold" },
    mode: "auto",
  },
  {
    name: "Answer build questions",
    condition: {
      match: "all",
      clauses: [
        { type: "label", label: "category", value: "question" },
        { type: "text", op: "contains", values: ["mic", "panel", "light", "camera", "cable", "wire", "foam", "desk", "price", "cost", "buy", "use", "how"] },
      ],
    },
    action: { type: "reply_ai", tone: "friendly" },
    mode: "approve",
  },
  {
    name: "Messaging-app lures",
    condition: { match: "all", clauses: [{ type: "link", to: "messaging" }, { type: "author", list: "none" }] },
    action: { type: "reject", banAuthor: true },
    mode: "auto",
  },
];

describe("e2e: rules on a connected channel through httpsCallable", function () {
  this.timeout(180_000);
  let creator: WebClient;
  let admin: App;
  let adminDb: Firestore;
  const runs: Summary[] = [];

  async function analyse(maxComments: number): Promise<string> {
    const { jobId } = await creator.call<{ jobId: string }>("startAnalysis", { videoUrlOrId: DEMO, maxComments });
    const last = (await watchJob(creator.firestore, jobId)).at(-1)!;
    expect(last.status, JSON.stringify(last.error)).to.equal("completed");
    return last.analysisId!;
  }

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    await resetOwner();
    admin = initializeApp({ projectId: STACK_PROJECT }, "rules-e2e-admin");
    adminDb = getFirestore(admin);
    creator = await signUp();
    await creator.call("getMe");
    await adminDb.doc(`users/${creator.user.uid}`).update({ plan: "business" });
    await usageRef(adminDb, creator.user.uid).set(newUsage("business", new Date()));
    await creator.call("connectYouTubeChannel", await consent());
    for (const rule of rules) await creator.call("saveRule", { rule });
  });
  after(async () => {
    await creator.close();
    await deleteApp(admin);
  });

  it("30 new comments: the toxic ones are held on YouTube, the questions wait as pending AI replies, nothing else is touched", async () => {
    const analysisId = await analyse(30);
    const before = await ownerStats();
    const run = await creator.call<Summary>("replayRules", { analysisId });
    runs.push(run);
    expect(run.checked).to.equal(30);
    // The demo video's stored comments hold no toxic one today: rule 1 holds whatever the analysis labels toxic (none or more).
    expect(run.pending).to.be.at.least(2);
    expect(run.failed).to.equal(0);
    const after = await ownerStats();
    const held = Object.entries(after.moderation).filter(([, s]) => s === "heldForReview").map(([id]) => id);
    expect(held).to.have.length(run.done);
    // Only moderation was automatic: no reply was posted and no author banned.
    expect(after.posted.length).to.equal(before.posted.length);
    expect(after.banned).to.deep.equal([]);
    expect(run.youtubeUnits).to.equal(50 * run.done);
    const pending = await creator.call<Pending>("getPendingActions", {});
    expect(pending.actions).to.have.length(run.pending);
    expect(pending.actions.every((a) => a.ruleName === "Answer build questions" && (a.reply ?? "").length > 0)).to.equal(true);
  });

  it("approving two with one edit posts exactly those two, once; a second approval of the same ids posts nothing", async () => {
    const [first, second] = (await creator.call<Pending>("getPendingActions", {})).actions;
    const postedBefore = (await ownerStats()).posted.length;
    const edited = `${first.reply} (Maya here: the parts list is pinned.)`;
    const approved = await creator.call<{ results: Array<{ id: string; outcome: string }>; youtubeUnits: number }>("approveActions", { ids: [first.id, second.id], edits: { [first.id]: edited } });
    expect(approved.results.map((r) => r.outcome)).to.deep.equal(["done", "done"]);
    expect(approved.youtubeUnits).to.equal(100);
    const posted = (await ownerStats()).posted.slice(postedBefore);
    expect(posted.map((p) => p.parentId).sort()).to.deep.equal([first.commentId, second.commentId].sort());
    expect(posted.find((p) => p.parentId === first.commentId)!.text).to.equal(edited);
    expect(posted.find((p) => p.parentId === second.commentId)!.text).to.equal(second.reply);

    const again = await creator.call<{ results: Array<{ outcome: string }>; youtubeUnits: number }>("approveActions", { ids: [first.id, second.id] });
    expect(again.results.map((r) => r.outcome)).to.deep.equal(["not_pending", "not_pending"]);
    expect(again.youtubeUnits).to.equal(0);
    expect((await ownerStats()).posted.length).to.equal(postedBefore + 2);
  });

  it("a replay of the same comments acts on none twice; the kill switch stops a third run's actions", async () => {
    const unitsBefore = (await ownerStats()).units;
    const analysisId = await analyse(60);
    const unitsAfterAnalysis = (await ownerStats()).units;
    await creator.call("setAutomation", { paused: true });
    const run = await creator.call<Summary>("replayRules", { analysisId });
    runs.push(run);
    expect(run.matched).to.be.greaterThan(0);
    expect(run).to.deep.include({ done: 0, pending: 0, failed: 0, youtubeUnits: 0 });
    expect(run.skipped).to.equal(run.matched);
    expect((await ownerStats()).units).to.equal(unitsAfterAnalysis);
    expect(unitsAfterAnalysis).to.be.at.least(unitsBefore);
    await creator.call("setAutomation", { paused: false });
  });

  it("the audit log lists every action and skip, with the reason, who approved it and the units", async () => {
    const log = await creator.call<Log>("getRuleLog", { limit: 500 });
    for (const run of runs) {
      const entries = log.entries.filter((e) => e.runId === run.runId);
      expect(entries, run.runId).to.have.length(run.done + run.pending + run.skipped + run.failed);
    }
    const approved = log.entries.filter((e) => e.approvedBy === creator.user.uid);
    expect(approved).to.have.length(2);
    expect(approved.every((e) => e.outcome === "done" && e.youtubeUnits === 50)).to.equal(true);
    const held = log.entries.filter((e) => e.ruleName === "Hold toxic" && e.outcome === "done");
    expect(held.length).to.equal(runs[0].done);
    expect(log.entries.filter((e) => e.runId === runs[0].runId && e.outcome === "pending")).to.have.length(runs[0].pending - 2);
    expect(held.every((e) => /labelled toxic \(confidence 1\.00 ≥ 0\.80\)/.test(e.reason))).to.equal(true);
    const third = log.entries.filter((e) => e.runId === runs[1].runId);
    expect(third.every((e) => e.outcome === "skipped")).to.equal(true);
    // Besides the creator's own comments and answered threads, every match was stopped by the kill switch.
    expect(third.filter((e) => e.reason === "automation paused (kill switch)").length).to.be.greaterThan(0);
    expect(third.every((e) => ["automation paused (kill switch)", "thread already answered", "your own comment"].includes(e.reason))).to.equal(true);
  });
});
