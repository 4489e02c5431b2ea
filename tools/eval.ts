// `npm run eval -- <task> [--data DIR] [--json] [--split NAME|all]`
// Scores Lently's local models on the human-labelled datasets in
// ../shared/datasets (never copied into this repo). Without the data folder
// it says so and exits 0.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export interface EvalArgs {
  data: string;
  json: boolean;
  split: string;
}

export interface EvalTask {
  /** Default data folder, relative to ../shared/datasets. */
  dataset: string;
  run(args: EvalArgs): Promise<{ overall: Record<string, unknown>; [key: string]: unknown }>;
  /** Human-readable table for the terminal. */
  print(result: { overall: Record<string, unknown>; [key: string]: unknown }): void;
}

const tasks: Record<string, () => Promise<EvalTask>> = {
  spam: async () => (await import("./eval/spam")).spamTask,
  sentiment: async () => (await import("./eval/sentiment")).sentimentTask,
  concerns: async () => (await import("./eval/concerns")).concernsTask,
  toxicity: async () => (await import("./eval/toxicity")).toxicityTask,
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const name = argv[0];
  if (!name || !(name in tasks)) {
    console.error(`usage: npm run eval -- ${Object.keys(tasks).join("|")} [--data DIR] [--json] [--split test|all]`);
    process.exit(2);
  }
  const task = await tasks[name]();
  const flag = (key: string): string | undefined => {
    const i = argv.indexOf(key);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const data = resolve(flag("--data") ?? join(__dirname, "..", "..", "shared", "datasets", task.dataset));
  const args: EvalArgs = { data, json: argv.includes("--json"), split: flag("--split") ?? "test" };
  if (!existsSync(data)) {
    const message = `eval ${name}: no data at ${data}; nothing to score (the shared datasets are not on this machine).`;
    if (args.json) console.log(JSON.stringify({ task: name, skipped: true, reason: message }));
    else console.log(message);
    return;
  }
  const result = await task.run(args);
  if (args.json) console.log(JSON.stringify({ task: name, ...result }));
  else task.print(result);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
