// `npm run eval -- <task> [--data DIR] [--json] [--split NAME|all] [--provider local|gemini]`
// (`language` scores the language detector on its own labelled set: tools/eval/language.ts)
// Scores Lently's models on the human-labelled datasets in
// ../shared/datasets (never copied into this repo). Without the data folder
// it says so and exits 0; so does `--provider gemini` without GEMINI_API_KEY (or AI_BACKEND=vertex with GOOGLE_CLOUD_PROJECT).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { geminiLabeler, localLabeler, usageReport } from "./eval/provider";
import type { EvalArgs, EvalTask } from "./eval/task";

const tasks: Record<string, () => Promise<EvalTask>> = {
  spam: async () => (await import("./eval/spam")).spamTask,
  sentiment: async () => (await import("./eval/sentiment")).sentimentTask,
  concerns: async () => (await import("./eval/concerns")).concernsTask,
  toxicity: async () => (await import("./eval/toxicity")).toxicityTask,
  language: async () => (await import("./eval/language")).languageTask,
};

const PROVIDERS = ["local", "gemini"] as const;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const name = argv[0];
  if (!name || !(name in tasks)) {
    console.error(`usage: npm run eval -- ${Object.keys(tasks).join("|")} [--data DIR] [--json] [--split test|all] [--provider local|gemini]`);
    process.exit(2);
  }
  const task = await tasks[name]();
  const flag = (key: string): string | undefined => {
    const i = argv.indexOf(key);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const data = resolve(flag("--data") ?? join(__dirname, "..", "..", "shared", "datasets", task.dataset));
  const providerName = flag("--provider") ?? "local";
  if (!(PROVIDERS as readonly string[]).includes(providerName)) {
    console.error(`eval: --provider must be one of ${PROVIDERS.join(", ")}`);
    process.exit(2);
  }
  const json = argv.includes("--json");
  const labeler = providerName === "gemini" ? await geminiLabeler() : localLabeler();
  if (!labeler) {
    const message = `eval ${name} --provider gemini: no GEMINI_API_KEY (or AI_BACKEND=vertex and GOOGLE_CLOUD_PROJECT) in the shell; skipped (nothing was sent).`;
    if (json) console.log(JSON.stringify({ task: name, provider: "gemini", skipped: true, reason: message }));
    else console.log(message);
    return;
  }
  const args: EvalArgs = { data, json, split: flag("--split") ?? "test", labeler };
  // A task with its own labelled set (written for the tests) needs no shared data.
  if (!("builtIn" in task) && !existsSync(data)) {
    const message = `eval ${name}: no data at ${data}; nothing to score (the shared datasets are not on this machine).`;
    if (args.json) console.log(JSON.stringify({ task: name, skipped: true, reason: message }));
    else console.log(message);
    return;
  }
  const result = await task.run(args);
  const usage = usageReport(labeler);
  if (args.json) console.log(JSON.stringify({ task: name, provider: labeler.name, ...result, ...(labeler.name === "gemini" ? { usage } : {}) }));
  else {
    if (!("builtIn" in task)) console.log(`provider: ${labeler.name === "gemini" ? `gemini (${usage.model}, the production analysis prompt)` : "local models"}`);
    task.print(result);
    if (labeler.name === "gemini") {
      const cost = usage.estimatedUsd === undefined ? "no list price known for this model" : `≈ $${usage.estimatedUsd}`;
      console.log(`\nGemini ${usage.model}: ${usage.calls} calls, ${usage.inputTokens} input + ${usage.outputTokens} output tokens, ${cost}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
