// What each request to a Gemini model carries besides the prompt: its
// thinking control, its output budget and, on models that still take them,
// sampling parameters. Families differ (Gemini API "Thinking" and "Gemini 3"
// guides):
//   * 3.x take `thinkingConfig.thinkingLevel` (minimal/low/medium/high, which
//     levels by tier); a request carrying both a level and a budget is a 400.
//     Their sampling parameters (temperature, topP, topK) are deprecated
//     (leave them at the default: low temperatures can loop), so none is sent.
//   * 2.5 take a numeric `thinkingBudget`: 2.5 Pro cannot turn thinking off
//     (128..32768), 2.5 Flash can (0..24576), 2.5 Flash-Lite 0 or 512..24576.
//   * 2.0 and older do not think and refuse any thinkingConfig.
// Thinking counts against `maxOutputTokens`; with structured output a budget
// the thoughts eat ends in MAX_TOKENS and cut-off JSON, so every request to a
// thinking model bounds its thinking and asks for that on top of the answer.
import type { AiTask } from "../prompts/schema";

export type ThinkingLevel = "minimal" | "low" | "medium" | "high";
export const THINKING_LEVELS: readonly ThinkingLevel[] = ["minimal", "low", "medium", "high"];

export type ThinkingFamily =
  | { kind: "none" }
  | { kind: "budget"; canTurnOff: boolean; minBudget: number; maxBudget: number }
  | { kind: "level"; levels: readonly ThinkingLevel[] };

const NO_THINKING: ThinkingFamily = { kind: "none" };
const LEVELS_ALL: ThinkingFamily = { kind: "level", levels: THINKING_LEVELS };
const LEVELS_PRO: ThinkingFamily = { kind: "level", levels: ["low", "medium", "high"] };

/** Keyed by `<major.minor>-<tier>`; a key missing here falls back by generation (thinkingFamily). */
export const THINKING_FAMILIES: Record<string, ThinkingFamily> = {
  "2.5-pro": { kind: "budget", canTurnOff: false, minBudget: 128, maxBudget: 32_768 },
  "2.5-flash": { kind: "budget", canTurnOff: true, minBudget: 1, maxBudget: 24_576 },
  "2.5-flash-lite": { kind: "budget", canTurnOff: true, minBudget: 512, maxBudget: 24_576 },
};

/** Google's moving aliases, resolved to the family they point at today (December 2026). */
export const MODEL_ALIASES: Record<string, string> = {
  "gemini-flash-latest": "3.6-flash",
  "gemini-flash-lite-latest": "3.5-flash-lite",
  "gemini-pro-latest": "3.1-pro",
};

/** What each task wants to spend on thinking, in both vocabularies: labelling and drafts the least, synthesis more. */
export const TASK_THINKING: Record<AiTask, { level: ThinkingLevel; budget: number }> = {
  analysis: { level: "minimal", budget: 0 },
  replies: { level: "minimal", budget: 0 },
  ask: { level: "low", budget: 512 },
  summary: { level: "low", budget: 512 },
  insights: { level: "low", budget: 1_024 },
};

/** Tokens a level may think, reserved on top of the answer's allowance in maxOutputTokens. */
export const LEVEL_ALLOWANCE: Record<ThinkingLevel, number> = { minimal: 256, low: 1_024, medium: 4_096, high: 8_192 };

const TIERS = ["flash-lite", "flash", "pro"] as const;

/** "models/gemini-2.5-flash-preview-09-2025" → "2.5-flash"; undefined for a name outside the gemini-<version>-<tier> scheme. */
export function familyKey(model: string): string | undefined {
  const name = model.replace(/^models\//, "").toLowerCase();
  if (MODEL_ALIASES[name]) return MODEL_ALIASES[name];
  const parts = name.split("-");
  if (parts[0] !== "gemini" || !/^\d+(\.\d+)?$/.test(parts[1] ?? "")) return undefined;
  const version = parts[1].includes(".") ? parts[1] : `${parts[1]}.0`;
  const rest = parts.slice(2).join("-");
  const tier = TIERS.find((t) => rest === t || rest.startsWith(`${t}-`));
  return tier ? `${version}-${tier}` : `${version}-other`;
}

/** The family's thinking control. Before 2.5 nothing thinks; 3 and later think by level; an unknown name is treated as current (levels). */
export function thinkingFamily(model: string): ThinkingFamily {
  const key = familyKey(model);
  if (!key) return LEVELS_ALL;
  const known = THINKING_FAMILIES[key];
  if (known) return known;
  const [version, tier] = [Number(key.split("-")[0]), key.split("-").slice(1).join("-")];
  if (version < 2.5) return NO_THINKING;
  if (version < 3) return { kind: "budget", canTurnOff: false, minBudget: 128, maxBudget: 32_768 };
  return tier === "pro" ? LEVELS_PRO : LEVELS_ALL;
}

/** Sampling parameters were deprecated with Gemini 3: only older families are sent a temperature. */
export function takesSampling(model: string): boolean {
  const key = familyKey(model);
  return key !== undefined && Number(key.split("-")[0]) < 3;
}

/** The lowest level the family offers at or above the task's wish (or its highest). */
export function thinkingLevelFor(model: string, task: AiTask): ThinkingLevel | undefined {
  const family = thinkingFamily(model);
  if (family.kind !== "level") return undefined;
  const wanted = THINKING_LEVELS.indexOf(TASK_THINKING[task].level);
  return family.levels.find((l) => THINKING_LEVELS.indexOf(l) >= wanted) ?? family.levels[family.levels.length - 1];
}

/** The task's budget clamped to what a budget family accepts; undefined for other families. */
export function thinkingBudgetFor(model: string, task: AiTask): number | undefined {
  const family = thinkingFamily(model);
  if (family.kind !== "budget") return undefined;
  const wanted = TASK_THINKING[task].budget;
  if (wanted === 0 && family.canTurnOff) return 0;
  return Math.min(family.maxBudget, Math.max(family.minBudget, wanted));
}

export interface OutputBudget {
  /** Sent as maxOutputTokens: the answer's allowance plus what the thinking may take. */
  maxOutputTokens: number;
  /** Sent as thinkingConfig.thinkingBudget (2.5 families only). */
  thinkingBudget?: number;
  /** Sent as thinkingConfig.thinkingLevel (3.x families only). */
  thinkingLevel?: ThinkingLevel;
}

/**
 * The output budget for one attempt. `answerTokens` is the prompt's own
 * allowance; `scale` grows it on the retry after a MAX_TOKENS answer.
 */
export function outputBudget(model: string, task: AiTask, answerTokens: number, scale = 1): OutputBudget {
  const answer = Math.ceil(answerTokens * scale);
  const thinkingLevel = thinkingLevelFor(model, task);
  if (thinkingLevel) return { maxOutputTokens: answer + LEVEL_ALLOWANCE[thinkingLevel], thinkingLevel };
  const thinkingBudget = thinkingBudgetFor(model, task);
  return thinkingBudget === undefined ? { maxOutputTokens: answer } : { maxOutputTokens: answer + thinkingBudget, thinkingBudget };
}

/** The generation settings of one attempt besides the prompt's own: thinking (one of the two fields, never both) and, where still taken, temperature. */
export function generationSettings(model: string, budget: OutputBudget, temperature: number): Record<string, unknown> {
  const thinkingConfig =
    // The wire and the SDK's ThinkingLevel enum spell levels in capitals.
    budget.thinkingLevel !== undefined ? { thinkingLevel: budget.thinkingLevel.toUpperCase() } : budget.thinkingBudget !== undefined ? { thinkingBudget: budget.thinkingBudget } : undefined;
  return {
    maxOutputTokens: budget.maxOutputTokens,
    ...(takesSampling(model) ? { temperature } : {}),
    ...(thinkingConfig ? { thinkingConfig } : {}),
  };
}
