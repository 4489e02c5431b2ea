// The main job through the web SDK: a creator starts an analysis (callable, or
// a direct job write) and watches the job document until it completes.
import { expect } from "chai";
import type { FunctionsError } from "firebase/functions";
import { addDoc, collection, doc, getDoc, serverTimestamp } from "firebase/firestore";
import { FIXTURE_IDS } from "../../../tools/standins/fixtures";
import { analysisSchema } from "../support/analysisSchema";
import { signUp, type WebClient } from "../support/client";
import { resetFirestore, STACK_PROJECT } from "../support/emulators";
import { watchJob as follow, type JobSnapshot } from "../../../tools/watchJob";

const watchJob = (client: WebClient, jobId: string) => follow(client.firestore, jobId);

function expectMonotonic(snapshots: JobSnapshot[]): void {
  const progress = snapshots.map((s) => s.progress ?? 0);
  for (let i = 1; i < progress.length; i += 1) expect(progress[i], `progress ${progress.join(" → ")}`).to.be.at.least(progress[i - 1]);
}

describe("e2e: analysis through httpsCallable and the Firestore trigger", function () {
  this.timeout(120_000);
  let creator: WebClient;
  let other: WebClient;

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    creator = await signUp();
    other = await signUp();
    await creator.call("getMe");
  });
  after(async () => {
    await creator.close();
    await other.close();
  });

  it("YouTube errors reach the client with a clear code and message", async () => {
    const disabled = (await creator.call("startAnalysis", { videoUrlOrId: FIXTURE_IDS.commentsDisabled }).catch((e: unknown) => e)) as FunctionsError;
    expect(disabled.code).to.equal("functions/failed-precondition");
    expect(disabled.message).to.match(/comments/i);
    const missing = (await creator.call("startAnalysis", { videoUrlOrId: FIXTURE_IDS.notFound }).catch((e: unknown) => e)) as FunctionsError;
    expect(missing.code).to.equal("functions/not-found");
    const bad = (await creator.call("startAnalysis", { videoUrlOrId: "not a video" }).catch((e: unknown) => e)) as FunctionsError;
    expect(bad.code).to.equal("functions/invalid-argument");
    expect(bad.message).to.match(/^videoUrlOrId: /);
  });

  it("startAnalysis → job completed, progress never decreasing, analysis matches its schema", async () => {
    const { jobId } = await creator.call<{ jobId: string }>("startAnalysis", {
      videoUrlOrId: `https://youtu.be/${FIXTURE_IDS.demo}?si=share`,
      maxComments: 100,
    });
    const snapshots = await watchJob(creator, jobId);
    const last = snapshots.at(-1)!;
    expect(last.status, JSON.stringify(last.error)).to.equal("completed");
    expect(last.progress).to.equal(1);
    expectMonotonic(snapshots);

    const analysis = await getDoc(doc(creator.firestore, "analyses", last.analysisId!));
    const parsed = analysisSchema.parse(analysis.data());
    expect(parsed.userId).to.equal(creator.user.uid);
    const fromCallable = await creator.call<{ analysis: { id: string } }>("getAnalysis", { analysisId: last.analysisId });
    expect(fromCallable.analysis.id).to.equal(last.analysisId);

    // Someone else can read neither the analysis nor its job.
    const denied = (await getDoc(doc(other.firestore, "analyses", last.analysisId!)).catch((e: unknown) => e)) as { code: string };
    expect(denied.code).to.equal("permission-denied");
    const deniedCall = (await other.call("getAnalysis", { analysisId: last.analysisId }).catch((e: unknown) => e)) as FunctionsError;
    expect(deniedCall.code).to.equal("functions/not-found");
  });

  it("a job written directly to Firestore by the web app takes the same path; the free plan's quota then stops the next", async () => {
    await other.call("getMe");
    const ref = await addDoc(collection(other.firestore, "analysis_jobs"), {
      userId: other.user.uid,
      input: { videoUrlOrId: FIXTURE_IDS.demo, include: { sentiment: true, classification: true, insights: true, summary: true } },
      status: "pending",
      createdAt: serverTimestamp(),
    });
    const snapshots = await watchJob(other, ref.id);
    expect(snapshots.at(-1)!.status).to.equal("completed");
    expectMonotonic(snapshots);

    // Free plan: one video a month. The callable refuses up front with the quota details…
    const refused = (await other.call("startAnalysis", { videoUrlOrId: FIXTURE_IDS.demo }).catch((e: unknown) => e)) as FunctionsError;
    expect(refused.code).to.equal("functions/resource-exhausted");
    expect(refused.details).to.deep.include({ error: "quota_exceeded", usage_type: "videos", limit: 1, remaining: 0 });
    // …and a direct write fails in the trigger with the same details.
    const again = await addDoc(collection(other.firestore, "analysis_jobs"), {
      userId: other.user.uid,
      input: { videoUrlOrId: FIXTURE_IDS.demo },
      status: "pending",
      createdAt: serverTimestamp(),
    });
    const failed = (await watchJob(other, again.id)).at(-1)!;
    expect(failed.status).to.equal("failed");
    expect(failed.error!.code).to.equal("resource-exhausted");
  });



  it("a video commented in many languages: the analysis (Gemini) reports its language mix and reads every comment", async () => {
    const viewer = await signUp();
    await viewer.call("getMe");
    const { jobId } = await viewer.call<{ jobId: string }>("startAnalysis", { videoUrlOrId: FIXTURE_IDS.mixedLanguages, maxComments: 100 });
    const last = (await watchJob(viewer, jobId)).at(-1)!;
    expect(last.status, JSON.stringify(last.error)).to.equal("completed");
    const { analysis } = await viewer.call<{ analysis: { provider: string; results: { languages?: { unread: number; languages: Array<{ code: string; share: number; sentiment: unknown }> } } } }>(
      "getAnalysis",
      { analysisId: last.analysisId },
    );
    expect(analysis.provider).to.equal("gemini");
    const mix = analysis.results.languages!;
    expect(mix.unread).to.equal(0);
    expect(mix.languages.map((l) => l.code)).to.include.members(["en", "es", "pt", "de", "ja", "ar", "hi"]);
    expect(mix.languages[0].code).to.equal("en");
    // Gemini reads Japanese and Arabic: their sentiment is part of the mix when they rank among the top.
    expect(mix.languages.slice(0, 3).every((l) => l.sentiment !== null)).to.equal(true);
    await viewer.close();
  });
});
