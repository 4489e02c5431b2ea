// Which Gemini model serves which task. Three classes, each its own param
// (ai/config.ts): the per-comment pass (almost all of the tokens: the
// cheapest tier that keeps the labels), synthesis (insights and the summary:
// few calls that read the whole analysis' labels) and interactive (Ask AI and
// reply drafts: a person is waiting).
import type { AiTask } from "./prompts/schema";

export type ModelClass = "batch" | "synthesis" | "interactive";

export type ModelRoutes = Record<ModelClass, string>;

export const TASK_CLASS: Record<AiTask, ModelClass> = {
  analysis: "batch",
  insights: "synthesis",
  summary: "synthesis",
  ask: "interactive",
  replies: "interactive",
};

/** The defaults of the three params: current 3.x models (prices in ai/prices.ts). */
export const DEFAULT_MODELS: ModelRoutes = {
  batch: "gemini-3.1-flash-lite",
  synthesis: "gemini-3.6-flash",
  interactive: "gemini-3.6-flash",
};

export function modelFor(routes: ModelRoutes, task: AiTask): string {
  return routes[TASK_CLASS[task]];
}

/** One model for every task (the setup before routes; the bench measures it beside the defaults). */
export function singleModel(model: string): ModelRoutes {
  return { batch: model, synthesis: model, interactive: model };
}
