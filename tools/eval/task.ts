// What one `npm run eval` task is: the CLI (tools/eval.ts) runs it with these arguments.
import type { Labeler } from "./provider";

export interface EvalArgs {
  data: string;
  json: boolean;
  split: string;
  /** Who labels the comments: the local models (default) or Gemini with the production prompt. */
  labeler: Labeler;
}

export interface EvalTask {
  /** Default data folder, relative to ../shared/datasets. */
  dataset: string;
  run(args: EvalArgs): Promise<{ overall: Record<string, unknown>; [key: string]: unknown }>;
  /** Human-readable table for the terminal. */
  print(result: { overall: Record<string, unknown>; [key: string]: unknown }): void;
}
