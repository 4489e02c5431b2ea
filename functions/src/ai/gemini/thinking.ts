// How much a Gemini model may think for each task, and the output budget that
// leaves room for the answer. Thinking models count their thoughts against
// `maxOutputTokens`; with structured output a budget the thoughts eat ends in
// finishReason MAX_TOKENS and empty or cut-off JSON. So every request to a
// thinking model names a thinking budget (never "dynamic", which is unbounded)
// and asks for that budget on top of the answer's own allowance.
//
// Model families differ (Gemini API "Thinking" guide): 2.5 Pro cannot turn
// thinking off (budget 128..32768, 0 is a 400); 2.5 Flash can (0..24576);
// 2.5 Flash-Lite does not think unless asked (0 or 512..24576); 2.0 and older
// do not think and refuse a thinkingConfig. Newer families (3.x, later 2.x
// tiers) are treated like Pro: thinking always on, a small minimum, which is
// valid on every model that thinks.
import type { AiTask } from "../prompts/schema";

export interface ThinkingFamily {
  /** The model accepts a thinkingConfig at all. */
  thinks: boolean;
  /** thinkingBudget 0 is accepted (thinking off). */
  canTurnOff: boolean;
  /** Smallest positive budget the model accepts. */
  minBudget: number;
  maxBudget: number;
}

const NO_THINKING: ThinkingFamily = { thinks: false, canTurnOff: true, minBudget: 0, maxBudget: 0 };
const ALWAYS_THINKS: ThinkingFamily = { thinks: true, canTurnOff: false, minBudget: 128, maxBudget: 32_768 };

/** Keyed by `<major.minor>-<tier>`; a tier missing for a version falls back to `*-<tier>` of its generation. */
export const THINKING_FAMILIES: Record<string, ThinkingFamily> = {
  "2.5-pro": { thinks: true, canTurnOff: false, minBudget: 128, maxBudget: 32_768 },
  "2.5-flash": { thinks: true, canTurnOff: true, minBudget: 1, maxBudget: 24_576 },
  "2.5-flash-lite": { thinks: true, canTurnOff: true, minBudget: 512, maxBudget: 24_576 },
  "2.0-flash": NO_THINKING,
  "2.0-flash-lite": NO_THINKING,
  "2.0-pro": NO_THINKING,
  "1.5-flash": NO_THINKING,
  "1.5-pro": NO_THINKING,
};

/** Google's moving aliases, resolved to the family they point at today. */
export const MODEL_ALIASES: Record<string, string> = {
  "gemini-flash-latest": "2.5-flash",
  "gemini-flash-lite-latest": "2.5-flash-lite",
  "gemini-pro-latest": "2.5-pro",
};

/** What each task wants to spend on thinking: labelling and reply drafts need none; synthesis some. */
export const TASK_THINKING_BUDGET: Record<AiTask, number> = {
  analysis: 0,
  replies: 0,
  ask: 512,
  summary: 512,
  insights: 1_024,
};

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

/** The family's thinking rules; an unknown or newer model gets the always-thinking default. */
export function thinkingFamily(model: string): ThinkingFamily {
  const key = familyKey(model);
  if (!key) return ALWAYS_THINKS;
  const known = THINKING_FAMILIES[key];
  if (known) return known;
  const major = Number(key.split("-")[0]);
  // Before 2.5 no model thought; anything after is assumed to think always.
  return major < 2.5 ? NO_THINKING : ALWAYS_THINKS;
}

export interface OutputBudget {
  /** Sent as maxOutputTokens: the answer's allowance plus the thinking budget. */
  maxOutputTokens: number;
  /** Sent as thinkingConfig.thinkingBudget; undefined for models that do not think. */
  thinkingBudget?: number;
}

/** The task's wish clamped to what the model accepts. */
export function thinkingBudgetFor(model: string, task: AiTask): number | undefined {
  const family = thinkingFamily(model);
  if (!family.thinks) return undefined;
  const wanted = TASK_THINKING_BUDGET[task];
  if (wanted === 0 && family.canTurnOff) return 0;
  return Math.min(family.maxBudget, Math.max(family.minBudget, wanted));
}

/**
 * The output budget for one attempt. `answerTokens` is the prompt's own
 * allowance; `scale` grows it on the retry after a MAX_TOKENS answer.
 */
export function outputBudget(model: string, task: AiTask, answerTokens: number, scale = 1): OutputBudget {
  const thinkingBudget = thinkingBudgetFor(model, task);
  const answer = Math.ceil(answerTokens * scale);
  return thinkingBudget === undefined ? { maxOutputTokens: answer } : { maxOutputTokens: answer + thinkingBudget, thinkingBudget };
}
