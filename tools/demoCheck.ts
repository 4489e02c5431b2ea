// `npm run demo:check`: runs `npm run demo -- --json FILE` as on a fresh clone
// (the build output and every file the stack generates removed first) with
// stdout captured, and fails unless stdout is the progress and the whole
// report with no emulator log line, the log file it names holds the
// emulator's lines and no Secret Manager warning, and FILE holds the analysis.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logPathOf, logProblems, stdoutProblems } from "./demo/outputCheck";

const root = join(__dirname, "..");

function main(): void {
  // What a fresh clone lacks (all git-ignored): the build, the generated env and secrets, the stack's cache.
  const cleaned = spawnSync(
    "git",
    ["clean", "-fdqX", "--", "functions/lib", "functions/.env.*", "functions/.secret.local", ".cache", "firebase.port-*.json"],
    { cwd: root, encoding: "utf8" },
  );
  if (cleaned.status !== 0) throw new Error(`git clean failed: ${cleaned.stderr}`);
  const jsonFile = join(mkdtempSync(join(tmpdir(), "lently-demo-")), "analysis.json");
  const run = spawnSync("npm", ["run", "demo", "--", "--json", jsonFile], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, INIT_CWD: root },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60_000,
  });
  const stdout = run.stdout ?? "";
  const problems = run.status === 0 ? [] : [`npm run demo exited with ${run.status ?? run.signal}: ${(run.stderr ?? "").slice(-2_000)}`];
  problems.push(...stdoutProblems(stdout));
  const logPath = logPathOf(stdout);
  if (logPath && existsSync(logPath)) problems.push(...logProblems(readFileSync(logPath, "utf8")));
  else if (logPath) problems.push(`the log file ${logPath} does not exist`);
  if (!existsSync(jsonFile)) problems.push(`--json ${jsonFile} was not written`);
  else {
    const analysis = JSON.parse(readFileSync(jsonFile, "utf8")) as { results?: { summary?: unknown }; counts?: { analysed?: number } };
    if (!analysis.results?.summary || !analysis.counts?.analysed) problems.push("--json file does not hold a finished analysis");
    rmSync(jsonFile, { force: true });
  }
  const lines = stdout.split("\n").length;
  if (problems.length) {
    process.stderr.write(`demo:check FAILED (${problems.length} problem(s)):\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    process.stderr.write(`--- demo stdout ---\n${stdout}\n`);
    process.exit(1);
  }
  process.stdout.write(`demo:check passed: ${lines} stdout lines, no emulator log line, progress and all report sections present; logs in ${logPath}\n`);
}

main();
