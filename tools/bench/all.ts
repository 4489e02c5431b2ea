// `npm run bench`: every benchmark phase. First "local": the local models'
// throughput on one core (tools/bench/local.ts), with no emulator running, so
// nothing else shares the machine. Then each stack phase on a local stack of
// its own (tools/stack.ts) because the project's Gemini quota is a deploy-time
// param of the analysis queues: the main phase runs a project at 600 requests
// per minute, "concurrent" at 60, "low-rpm" at a free tier's 30, "load" at
// 3,000 with the offline provider. Prints one JSON document on stdout (the
// phases' results side by side); each phase's table goes to stderr.
import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

interface Phase {
  name: string;
  params: Record<string, string>;
  provider: "gemini" | "local";
}

const PHASES: Phase[] = [
  { name: "main", params: { AI_REQUESTS_PER_MINUTE: "600" }, provider: "gemini" },
  { name: "concurrent", params: { AI_REQUESTS_PER_MINUTE: "60" }, provider: "gemini" },
  { name: "low-rpm", params: { AI_REQUESTS_PER_MINUTE: "30" }, provider: "gemini" },
  { name: "load", params: { AI_REQUESTS_PER_MINUTE: "3000" }, provider: "local" },
];

/** Runs a tool script to its end and parses the JSON of its last stdout line. */
function runJson(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "tools", script), ...args], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`bench phase ${name} exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}") as Record<string, unknown>);
      } catch {
        reject(new Error(`bench phase ${name} printed no JSON`));
      }
    });
  });
}

function runPhase(phase: Phase): Promise<Record<string, unknown>> {
  return runJson(phase.name, "stack.ts", ["bench"], {
    ...process.env,
    BENCH_PHASE: phase.name,
    LENTLY_AI_PROVIDER: phase.provider,
    LENTLY_PARAMS: JSON.stringify({ ...phase.params, ...(phase.provider === "gemini" ? { ANALYSIS_TASK_MIN_BACKOFF_SECONDS: "5" } : {}) }),
  });
}

async function main(): Promise<void> {
  const only = process.env.BENCH_PHASES?.split(",");
  const report: Record<string, unknown> = {};
  const scale: unknown[] = [];
  if (!only || only.includes("local")) {
    process.stderr.write("\nbench: phase local (the local models on one core, no emulator running)\n");
    const local = await runJson("local", "bench/local.ts", [], process.env);
    report.localModels = local;
    if (typeof local.analysisCommentsPerSecond === "number") {
      process.stderr.write(`local provider: ${local.analysisCommentsPerSecond} comments/s (median of 5 over ${String(local.comments)} corpus comments)\n`);
    }
  }
  for (const phase of PHASES) {
    if (only && !only.includes(phase.name)) continue;
    process.stderr.write(`\nbench: phase ${phase.name} (${JSON.stringify(phase.params)})\n`);
    const result = await runPhase(phase);
    const { scale: phaseScale, phase: _phase, ...rest } = result as { scale?: unknown[]; phase?: string };
    if (phaseScale) scale.push(...phaseScale);
    Object.assign(report, rest);
  }
  report.scale = scale;
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
