// Whole threads at a price the project can afford: the finalize stage reads
// only the threads that can reach the creator's inbox, most liked first, a
// few at a time, within the page cap, on the shared YouTube budget, and what
// it did not read is counted as unchecked, never as unanswered. In-process
// against the Firestore emulator and, through the real YouTube client, the
// YouTube stand-in (which counts comments.list calls and the most in flight).
import { expect } from "chai";
import { attentionKinds } from "../../src/ai/needsAnswer";
import { storedComments } from "../../src/analysis/ownedAnalysis";
import { readOwnerReplies } from "../../src/analysis/fanout/ownerReplies";
import type { JobDoc } from "../../src/analysis/jobDoc";
import type { StoredComment } from "../../src/analysis/commentRecords";
import { pacificDay } from "../../src/core/budgets/pacificDay";
import { youtubeBudget } from "../../src/core/budgets/youtubeBudget";
import { db } from "../../src/core/firebase";
import { getInbox } from "../../src/inbox/getInbox";
import { createYouTubeLists } from "../../src/youtube/client";
import { UnitMeter } from "../../src/core/budgets/unitMeter";
import { YouTubeService } from "../../src/youtube/service";
import { resolveOwnerReplies, type ThreadToResolve } from "../../src/youtube/threads";
import { renderReport } from "../../../tools/demo/report";
import { findFixture, type FixtureComment } from "../../../tools/standins/fixtures";
import { checkResponse } from "../support/contracts";
import { resetFirestore } from "../support/emulators";
import { ownerStats, resetOwner, setRepliesLatency } from "../support/oauth";
import { createJob, pipelineDeps, runAnalysisJob, seedUser, standInYouTube } from "../support/pipeline";
import { FIXTURE_IDS, resetStandIn, standInStats } from "../support/youtube";

const VIDEO = FIXTURE_IDS.longThreads;
const video = findFixture(VIDEO)!;
const fixture = new Map(video.comments().map((c) => [c.id, c]));
const ownerPlace = (c: FixtureComment) => c.replies?.find((r) => r.authorChannelId === video.channelId)?.position;
/** comments.list pages (100 replies each) to reach the owner's reply, or the end of the thread. */
const pagesOf = (c: FixtureComment) => {
  const at = ownerPlace(c);
  return at === undefined ? Math.ceil(c.replyCount / 100) : Math.floor(at / 100) + 1;
};
const byLikes = (a: { id: string; likeCount: number }, b: { id: string; likeCount: number }) => b.likeCount - a.likeCount || (a.id < b.id ? -1 : 1);
const ledger = async () => (await db().doc(`budgets/youtube_${pacificDay(new Date()).day}`).get()).data() as { units: number; byPurpose: Record<string, number> } | undefined;

interface Analysis {
  ownerReplies: { needed: number; read: number; unchecked: number; pages: number; youtubeUnits: number; stoppedBy: string | null };
  results: {
    classification: {
      unanswered: { question: number; request: number; criticism: number; total: number };
      unchecked: { question: number; request: number; criticism: number; total: number };
      unansweredQuestions: Array<{ commentId: string }>;
      counts: Record<string, number>;
    };
    summary: { priorityActions: Array<{ action: string; reason: string; commentIds: string[] }> };
  };
  cost: { youtubeUnits: number };
}

async function analyse(uid: string, overrides: Parameters<typeof pipelineDeps>[0] = {}): Promise<{ jobId: string; analysis: Analysis; stored: StoredComment[] }> {
  const jobId = await createJob(uid, { videoUrlOrId: VIDEO, maxComments: 100 });
  const outcome = await runAnalysisJob(await pipelineDeps(overrides), jobId);
  if (outcome.status !== "completed") throw new Error(`analysis ${outcome.status}: ${JSON.stringify(outcome)}`);
  const analysis = (await db().doc(`analyses/${outcome.analysisId}`).get()).data() as Analysis;
  return { jobId, analysis, stored: await storedComments(db(), outcome.analysisId) };
}

async function listedThreads(): Promise<ThreadToResolve[]> {
  const page = await (await standInYouTube()).fetchCommentThreads(VIDEO, { limit: 100 });
  return page.comments.map((c) => ({ id: c.id, likeCount: c.likeCount }));
}

describe("owner replies: only the threads that matter, most liked first, bounded", function () {
  this.timeout(120_000);

  beforeEach(async () => {
    await resetFirestore();
    await resetOwner();
    await resetStandIn();
  });

  it("an analysis reads the threads of questions, requests, criticism and toxic comments only, and charges them to the budget", async () => {
    await seedUser("creator", "pro");
    const { jobId, analysis, stored } = await analyse("creator");
    expect(stored).to.have.length(video.comments().length);
    const attention = stored.filter((c) => attentionKinds(c).length > 0);
    const others = stored.filter((c) => attentionKinds(c).length === 0);
    // The fixture mixes thanks and chat in: a reader of every long thread would read them too.
    expect(attention.length).to.be.greaterThan(5);
    expect(others.length).to.be.greaterThan(5);

    const expected = attention.reduce((sum, c) => sum + pagesOf(fixture.get(c.id)!), 0);
    const everyThread = stored.reduce((sum, c) => sum + pagesOf(fixture.get(c.id)!), 0);
    const calls = await ownerStats();
    expect(calls.requests["comments.list"]).to.equal(expected);
    expect(expected).to.be.lessThan(everyThread);
    expect(new Set(calls.replyParents)).to.deep.equal(new Set(attention.map((c) => c.id)));
    expect(analysis.ownerReplies).to.deep.equal({ needed: attention.length, read: attention.length, unchecked: 0, pages: expected, youtubeUnits: expected, stoppedBy: null });

    // Every thread that matters is known, answered or not, as the fixture has it (the owner's reply on page 1 or 2).
    for (const c of attention) {
      expect(c.repliesUnchecked, c.text).to.equal(undefined);
      expect(c.answeredByOwner, c.text).to.equal(ownerPlace(fixture.get(c.id)!) !== undefined);
    }
    expect(attention.some((c) => c.answeredByOwner && (ownerPlace(fixture.get(c.id)!) ?? 0) >= 100)).to.equal(true);
    // The others were not read: unknown, and said so.
    for (const c of others) expect({ unchecked: c.repliesUnchecked, answered: c.answeredByOwner }).to.deep.equal({ unchecked: true, answered: false });

    // The analysis' units: the video, one page of threads, the reply pages; the reply pages on the owner's budget as `analysis`.
    const listed = (await standInStats()).units;
    expect(analysis.cost.youtubeUnits).to.equal(listed + expected);
    expect((await ledger())?.byPurpose.analysis).to.equal(expected);

    // A redelivered finalize reads nothing twice: the job keeps what was read.
    const job = (await db().doc(`analysis_jobs/${jobId}`).get()).data() as JobDoc;
    const again = await readOwnerReplies({ db: db(), youtube: standInYouTube }, jobId, job, stored.map((c) => ({ ...c, repliesUnchecked: true })));
    expect(again.pages).to.equal(expected);
    expect((await ownerStats()).requests["comments.list"]).to.equal(expected);
  });

  it("reads the most liked threads first and stops at the page cap, leaving the rest unchecked", async () => {
    const threads = await listedThreads();
    const meter = youtubeBudget.meter(db(), { userId: "creator", plan: "pro", purpose: "analysis" });
    const result = await resolveOwnerReplies(await standInYouTube(), threads, { ownerChannelId: video.channelId, videoId: VIDEO, meter, maxPages: 10, concurrency: 1 });

    // Ten pages, in order of likes: a thread answered on page 2 takes two of them.
    const order = [...threads].sort(byLikes);
    const expectedParents: string[] = [];
    for (const t of order) {
      const need = pagesOf(fixture.get(t.id)!);
      for (let p = 0; p < need && expectedParents.length < 10; p += 1) expectedParents.push(t.id);
    }
    const calls = await ownerStats();
    expect(calls.replyParents).to.deep.equal(expectedParents);
    expect(result.pages).to.equal(10);
    expect(result.stoppedBy).to.equal("cap");
    expect(meter.units).to.equal(10);
    expect((await ledger())?.units).to.equal(10);
    const read = [...result.states.keys()];
    expect(read.length + result.unchecked.length).to.equal(threads.length);
    // What was read is the most liked; nothing unread is in the states (neither answered nor unanswered).
    expect(new Set(read)).to.deep.equal(new Set(order.slice(0, read.length).map((t) => t.id)));
    for (const id of result.unchecked) expect(result.states.has(id)).to.equal(false);
  });

  it("keeps a few calls in flight, never more, and never passes the cap with calls in flight", async () => {
    await setRepliesLatency(40);
    const threads = await listedThreads();
    const youtube = await standInYouTube();
    const all = await resolveOwnerReplies(youtube, threads, { ownerChannelId: video.channelId, videoId: VIDEO, meter: new UnitMeter(), maxPages: 200, concurrency: 3 });
    let calls = await ownerStats();
    expect(calls.repliesMaxInFlight).to.equal(3);
    expect(all.unchecked).to.deep.equal([]);
    expect(all.pages).to.equal(threads.reduce((sum, t) => sum + pagesOf(fixture.get(t.id)!), 0));
    for (const t of threads) expect(all.states.get(t.id)?.answeredByOwner).to.equal(ownerPlace(fixture.get(t.id)!) !== undefined);

    await resetOwner();
    await setRepliesLatency(40);
    const capped = await resolveOwnerReplies(youtube, threads, { ownerChannelId: video.channelId, videoId: VIDEO, meter: new UnitMeter(), maxPages: 7, concurrency: 5 });
    calls = await ownerStats();
    expect(calls.requests["comments.list"]).to.equal(7);
    expect(calls.repliesMaxInFlight).to.be.at.most(5);
    expect(capped.pages).to.equal(7);
  });

  it("claims nothing unanswered that it did not read: report, summary and inbox count those apart", async () => {
    await seedUser("creator", "pro");
    const { analysis, stored, jobId } = await analyse("creator", { ownerReplies: { maxPages: 4 } });
    expect(analysis.ownerReplies.stoppedBy).to.equal("cap");
    expect(analysis.ownerReplies.pages).to.equal(4);
    const attention = stored.filter((c) => attentionKinds(c).some((k) => k !== "toxic"));
    const unread = attention.filter((c) => c.repliesUnchecked);
    const open = attention.filter((c) => !c.repliesUnchecked && !c.answeredByOwner);
    expect(unread.length).to.be.greaterThan(0);
    expect(open.length).to.be.greaterThan(0);
    // Unread threads are not answered in the fixture's eyes alone: some of them have the owner's reply.
    expect(unread.some((c) => ownerPlace(fixture.get(c.id)!) !== undefined)).to.equal(true);

    const { classification } = analysis.results;
    const count = (list: StoredComment[], kind: string) => list.filter((c) => c.category === kind).length;
    expect(classification.unanswered).to.deep.equal({ question: count(open, "question"), request: count(open, "request"), criticism: count(open, "criticism"), total: open.length });
    expect(classification.unchecked).to.deep.equal({ question: count(unread, "question"), request: count(unread, "request"), criticism: count(unread, "criticism"), total: unread.length });
    for (const q of classification.unansweredQuestions) expect(unread.map((c) => c.id)).to.not.include(q.commentId);

    // The summary's "Answer the N unanswered questions" counts only threads read whole, and cites none unread.
    const ask = analysis.results.summary.priorityActions.find((a) => /question/.test(a.action));
    if (classification.unanswered.question > 0) {
      expect(ask?.action).to.match(new RegExp(`^Answer the ${classification.unanswered.question} (open|unanswered) questions?$`));
      for (const c of unread) expect(ask!.commentIds).to.not.include(c.id);
      if (classification.unchecked.question > 0) expect(ask!.reason).to.include("did not read whole");
    }

    // The inbox: unanswered lists what was read and found unanswered; unchecked lists the rest, marked so.
    const uid = "creator";
    const analysisId = jobId;
    const kinds = ["question", "request", "criticism"] as const;
    const unanswered = await getInbox(db(), uid, { analysisId, kinds: [...kinds], limit: 100 });
    checkResponse("getInbox", unanswered);
    expect(unanswered.items.map((i) => i.commentId).sort()).to.deep.equal(open.map((c) => c.id).sort());
    expect(unanswered.counts.unanswered).to.deep.include({ question: classification.unanswered.question, request: classification.unanswered.request, criticism: classification.unanswered.criticism });
    expect(unanswered.counts.unchecked).to.deep.include({ question: classification.unchecked.question, request: classification.unchecked.request, criticism: classification.unchecked.criticism });
    const unchecked = await getInbox(db(), uid, { analysisId, kinds: [...kinds], status: "unchecked", limit: 100 });
    checkResponse("getInbox", unchecked);
    expect(unchecked.items.map((i) => i.commentId).sort()).to.deep.equal(unread.map((c) => c.id).sort());
    expect(unchecked.items.every((i) => !i.checked && !i.answered)).to.equal(true);
    const everything = await getInbox(db(), uid, { analysisId, kinds: [...kinds], status: "all", limit: 100 });
    expect(everything.total).to.equal(attention.length);

    // The report says how many it could not check, apart from the unanswered ones.
    const report = renderReport(analysis as unknown as Record<string, unknown>);
    expect(report).to.include(`${unread.length} more in long threads Lently did not read whole`);
  });

  it("a refusal of the shared budget stops the reading, never the analysis: the rest is unchecked", async () => {
    const threads = await listedThreads();
    const meter = youtubeBudget.meter(db(), { userId: "creator", plan: "pro", purpose: "analysis" }, { config: { dailyUnits: 6, analysisReserveShare: 0 } });
    const result = await resolveOwnerReplies(await standInYouTube(), threads, { ownerChannelId: video.channelId, videoId: VIDEO, meter, maxPages: 200, concurrency: 2 });
    expect(result.stoppedBy).to.equal("budget");
    expect(result.pages).to.equal(6);
    expect((await ownerStats()).requests["comments.list"]).to.equal(6);
    expect((await ledger())?.units).to.equal(6);
    expect(result.states.size + result.unchecked.length).to.equal(threads.length);
    // Six pages read at most six threads (one may need two).
    expect(result.states.size).to.be.at.most(6);
    expect(result.unchecked.length).to.be.at.least(threads.length - 6);
  });

  it("a reply page YouTube never saw (the network failed) gives its units back to the budget", async () => {
    // The real client on a port nobody listens on: every attempt fails before YouTube.
    const api = await createYouTubeLists({ apiKey: process.env.YOUTUBE_API_KEY ?? "", rootUrl: "http://127.0.0.1:9/" });
    const youtube = new YouTubeService(api, { sleep: () => Promise.resolve() });
    const meter = youtubeBudget.meter(db(), { userId: "creator", plan: "pro", purpose: "analysis" });
    const threads = (await listedThreads()).slice(0, 3);
    const result = await resolveOwnerReplies(youtube, threads, { ownerChannelId: video.channelId, videoId: VIDEO, meter, maxPages: 200, concurrency: 1 });
    expect(result.stoppedBy).to.equal("youtube");
    expect(result.unchecked).to.have.length(3);
    expect(result.pages).to.equal(0);
    expect(meter.units).to.equal(0);
    expect(meter.charged).to.equal(0);
    expect((await ledger())?.units ?? 0).to.equal(0);
  });
});
