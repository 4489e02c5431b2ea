// `npm run demo`: Lently's main job, end to end, as the web app does it.
// Runs inside tools/stack.ts (emulators + stand-ins): signs a creator up,
// starts an analysis with httpsCallable, shows live progress from the job
// document, prints the report, and asks Ask AI one question.
//
//   npm run demo                 the sample video on the local YouTube stand-in, offline AI
//   npm run demo -- <url|id>     another video (with YOUTUBE_API_KEY set: a real one)
import { FIXTURE_IDS } from "./standins/fixtures";
import { renderProgress, renderReport } from "./demo/report";
import { watchJob } from "./watchJob";
import { signUp, type WebClient } from "./webClient";

const tty = Boolean(process.stdout.isTTY);

function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

async function upgradeToPro(client: WebClient): Promise<boolean> {
  // The demo creator subscribes to Pro the way production does: a signed
  // Paddle webhook, verified and applied by paddleWebhook.
  try {
    const { sendDemoSubscription } = await import("./demo/subscribe");
    await sendDemoSubscription(client);
    return true;
  } catch (err) {
    say(`  (could not upgrade the demo account: ${err instanceof Error ? err.message : String(err)}; continuing on the free plan)`);
    return false;
  }
}

async function main(): Promise<void> {
  const video = process.argv[2] ?? process.env.DEMO_VIDEO ?? FIXTURE_IDS.demo;
  say("Lently demo — YouTube comment intelligence on the local Firebase stack");
  const client = await signUp(`creator-${Date.now()}@lently.demo`);
  try {
    const me = await client.call<{ profile: { email: string } }>("getMe");
    say(`Signed in as ${me.profile.email} (Auth emulator).`);
    if (await upgradeToPro(client)) {
      const usage = await client.call<{ plan: string; commentsPerVideo: { limit: number } }>("getUsage");
      say(`Subscribed to ${usage.plan} through a signed Paddle webhook: up to ${usage.commentsPerVideo.limit} comments per video.`);
    }

    const check = await client.call<{ video: { title: string } | null; commentCount: number; willTruncate: boolean; commentLimit: number }>(
      "validateVideo",
      { videoUrlOrId: video },
    );
    say(`Video: ${check.video?.title ?? video} — ${check.commentCount} comments${check.willTruncate ? ` (the plan analyses ${check.commentLimit})` : ""}.`);

    const { jobId } = await client.call<{ jobId: string }>("startAnalysis", { videoUrlOrId: video, maxComments: 500 });
    say(`Analysis job ${jobId} started; following it with onSnapshot…`);
    let lastStep = "";
    const snapshots = await watchJob(client.firestore, jobId, (job) => {
      const step = job.currentStep ?? job.status;
      if (tty) process.stdout.write(renderProgress(job.progress ?? 0, step, true));
      else if (step !== lastStep) say(renderProgress(job.progress ?? 0, step, false));
      lastStep = step;
    });
    if (tty) say();
    const job = snapshots.at(-1)!;
    if (job.status !== "completed") {
      say(`The analysis ${job.status}: ${job.error?.message ?? "no reason given"}`);
      process.exitCode = 1;
      return;
    }

    const { analysis } = await client.call<{ analysis: Record<string, unknown> }>("getAnalysis", { analysisId: job.analysisId });
    say(renderReport(analysis));

    const { askDemoQuestion } = await import("./demo/ask");
    say("");
    say(await askDemoQuestion(client, job.analysisId!));
    say("");
    say("Done. Everything ran on the local emulators and stand-ins; nothing left running.");
  } finally {
    await client.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
