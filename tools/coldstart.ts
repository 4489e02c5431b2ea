// `npm run bench:coldstart`: what a cold start costs. Cloud Functions loads the
// whole lib/index.js in every instance of every function, so that load is
// paid by all of them; heavy clients are loaded lazily by the functions that
// need them. Measured in fresh Node processes, median of RUNS:
//   indexMs              — require("lib/index.js")
//   firebaseFunctionsMs  — require("firebase-functions/v2/https") alone, for scale
//   functions[name]      — extra time, after index.js, to load the modules that
//                          function's first call imports lazily
// JSON on stdout; a table on stderr.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const RUNS = Number(process.env.COLDSTART_RUNS ?? "7");
const lib = join(__dirname, "..", "functions", "lib");

/**
 * The modules each function's first call loads beyond index.js (its lazy
 * imports). Functions not listed load nothing more. Keep in step with the
 * `await import(...)` calls in functions/src.
 */
export const LAZY_MODULES: Record<string, string[]> = {
  getVideo: ["@googleapis/youtube"],
  fetchComments: ["@googleapis/youtube", "./lib/youtube/quality/spam-model.generated.js"],
  validateVideo: ["@googleapis/youtube"],
  startAnalysis: ["@googleapis/youtube"],
  // The local provider (its models and generated weights) and, at the insights step, the noun-phrase tagger.
  onAnalysisJobCreated: ["@googleapis/youtube", "@google/genai", "./lib/youtube/quality/spam-model.generated.js", "./lib/ai/local/provider.js", "compromise"],
  askQuestion: ["@google/genai"],
  getSuggestedQuestions: [],
  generateReplies: ["@google/genai"],
  paddleWebhook: ["@paddle/paddle-node-sdk"],
};

function timeInFreshProcess(setup: string[], measured: string[]): number {
  const script = `
    const { performance } = require("node:perf_hooks");
    for (const m of ${JSON.stringify(setup)}) require(m);
    const t0 = performance.now();
    for (const m of ${JSON.stringify(measured)}) require(m);
    process.stdout.write(String(performance.now() - t0));
  `;
  const out = execFileSync(process.execPath, ["-e", script], {
    cwd: join(__dirname, "..", "functions"),
    env: { ...process.env, GCLOUD_PROJECT: "demo-lently", FUNCTIONS_CONTROL_API: "true" },
    encoding: "utf8",
  });
  return Number(out);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

function measure(setup: string[], measured: string[]): number {
  return round(median(Array.from({ length: RUNS }, () => timeInFreshProcess(setup, measured))));
}

function main(): void {
  const index = join(lib, "index.js");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = Object.keys(require(index) as Record<string, unknown>);
  const indexMs = measure([], [index]);
  const firebaseFunctionsMs = measure([], ["firebase-functions/v2/https"]);
  const functions: Record<string, number> = {};
  for (const name of exported) {
    const modules = LAZY_MODULES[name] ?? [];
    functions[name] = modules.length ? measure([index], modules) : 0;
  }
  // What the local models add to the analysis function's first run, each on its own.
  const localModels = {
    spamModel: measure([index], ["./lib/youtube/quality/spam-model.generated.js"]),
    provider: measure([index], ["./lib/ai/local/provider.js"]),
    nounPhraseTagger: measure([index], ["compromise"]),
  };
  const result = { runs: RUNS, indexMs, firebaseFunctionsMs, functions, localModels };
  console.log(JSON.stringify(result));
  console.error(`cold start (median of ${RUNS} fresh processes)`);
  console.error(`  lib/index.js                    ${indexMs.toFixed(1)} ms`);
  console.error(`  firebase-functions/v2/https     ${firebaseFunctionsMs.toFixed(1)} ms`);
  for (const [name, ms] of Object.entries(functions)) console.error(`  + ${name.padEnd(30)} ${ms.toFixed(1)} ms`);
  console.error(
    `  of which: spam model ${localModels.spamModel.toFixed(1)} ms, local provider ${localModels.provider.toFixed(1)} ms, noun-phrase tagger (compromise) ${localModels.nounPhraseTagger.toFixed(1)} ms`,
  );
}

main();
