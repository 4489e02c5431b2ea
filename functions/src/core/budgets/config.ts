// Params of the project-wide budgets (see docs/budgets.md). Shares are
// whole percentages: firebase-functions params have no float type.
import { defineInt } from "firebase-functions/params";

export const YOUTUBE_DAILY_UNITS = defineInt("YOUTUBE_DAILY_UNITS", {
  default: 10_000,
  description: "The project's YouTube Data API units per Pacific day",
});

export const YOUTUBE_ANALYSIS_RESERVE_PERCENT = defineInt("YOUTUBE_ANALYSIS_RESERVE_PERCENT", {
  default: 20,
  description: "Share of the daily YouTube units only paid analyses may spend (look-ups are refused before it)",
});

export const YOUTUBE_LOOKUPS_PER_MINUTE = defineInt("YOUTUBE_LOOKUPS_PER_MINUTE", {
  default: 30,
  description: "getVideo, validateVideo, fetchComments and startAnalysis calls allowed per user per minute",
});

/** Requests per minute the project's Gemini quota allows; batches are paced to stay under it. */
export const AI_REQUESTS_PER_MINUTE = defineInt("AI_REQUESTS_PER_MINUTE", {
  default: 60,
  description: "Gemini requests per minute allowed for this project",
});

export const AI_TOKENS_PER_MINUTE = defineInt("AI_TOKENS_PER_MINUTE", {
  default: 0,
  description: "Gemini tokens per minute allowed for this project (0: not limited)",
});

export const AI_INTERACTIVE_PERCENT = defineInt("AI_INTERACTIVE_PERCENT", {
  default: 20,
  description: "Share of the Gemini RPM/TPM reserved for interactive calls (Ask AI, replies)",
});

export const AI_FINALIZE_PERCENT = defineInt("AI_FINALIZE_PERCENT", {
  default: 10,
  description: "Share of the Gemini RPM/TPM for the analyses' finalize calls (insights, summary)",
});

export const AI_BUDGET_MAX_WAIT_SECONDS = defineInt("AI_BUDGET_MAX_WAIT_SECONDS", {
  default: 10,
  description: "How long an interactive AI call may wait for the shared budget before resource-exhausted",
});
