// `npm run demo`: Lently's main job, end to end, as the web app does it.
// Runs inside tools/stack.ts (emulators + stand-ins): signs a creator up,
// starts an analysis with httpsCallable, shows live progress from the job
// document, prints the report, and asks Ask AI one question.
//
//   npm run demo                    the sample video on the local YouTube stand-in, offline AI
//   npm run demo -- <url|id>        another video (with YOUTUBE_API_KEY set: a real one;
//                                   with GEMINI_API_KEY set: analysed by Gemini)
//   npm run demo -- --json FILE     also writes the analysis document to FILE
//
// Its output is the progress and the report only: tools/stack.ts sends the
// emulator and function logs to a file and prints that file's path at the end.
import { writeFileSync } from "node:fs";
import { parseDemoArgs } from "./demo/args";
import { openDemoConsole } from "./demo/console";
import { renderProgress, renderReport } from "./demo/report";
import { watchJob } from "./watchJob";
import { signUp, type WebClient } from "./webClient";

const out = openDemoConsole();
const tty = out.tty;

function say(line = ""): void {
  out.write(`${line}\n`);
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
  const { video, jsonFile } = parseDemoArgs(process.argv.slice(2));
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
    if (jsonFile) {
      writeFileSync(jsonFile, `${JSON.stringify(analysis, null, 2)}\n`);
      say(`\nThe analysis is in ${jsonFile}.`);
    }

    const { askDemoQuestion } = await import("./demo/ask");
    say("");
    say(await askDemoQuestion(client, job.analysisId!));
    say("");
    const local = (url: string | undefined) => Boolean(url?.startsWith("http://127.0.0.1"));
    const live = [
      local(process.env.YOUTUBE_API_ROOT_URL) ? "" : "YouTube",
      process.env.AI_PROVIDER === "gemini" && !local(process.env.GEMINI_BASE_URL) ? "Gemini" : "",
    ].filter(Boolean);
    say(`Done. Everything ran on the local emulators${live.length ? ` and the real ${live.join(" and ")}` : " and stand-ins"}; nothing left running.`);
  } finally {
    await client.close();
  }
}

main()
  .catch((err: unknown) => {
    // The message to the user; the stack trace to the log file (this process's stderr).
    say(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
    process.stderr.write(`demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => out.close());
