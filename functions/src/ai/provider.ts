// Which AI provider serves a request. AI_PROVIDER=auto picks Gemini when a
// GEMINI_API_KEY is configured and the offline local provider otherwise.
// Both implementations are loaded on first use, so functions that never ask
// for AI (and every cold start of lib/index.js) pay nothing for them.
import { logger } from "firebase-functions/logger";
import { AI_PROVIDER, GEMINI_API_KEY, GEMINI_BASE_URL, GEMINI_MODEL } from "./config";
import { AiUnavailableError } from "./errors";
import type { CallGate } from "../core/budgets/callGate";
import type { RetryPolicy } from "./gemini/retry";
import type { AiProvider } from "./types";

export type ProviderName = AiProvider["name"];

export interface ProviderSettings {
  provider: string;
  apiKey: string;
  model: string;
  baseUrl: string;
  /** Paces Gemini calls: the shared budget (core/budgets/aiBucket.ts); default unpaced. */
  gate?: CallGate;
  /** Tests shorten the backoff; production keeps the defaults. */
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

/** The settings from the deployed params and secret (read at call time, as params require). */
export function settingsFromParams(): ProviderSettings {
  return {
    provider: AI_PROVIDER.value(),
    apiKey: GEMINI_API_KEY.value(),
    model: GEMINI_MODEL.value(),
    baseUrl: GEMINI_BASE_URL.value(),
  };
}

export function resolveProviderName(setting: string, apiKey: string): ProviderName {
  if (setting === "gemini" || setting === "local") return setting;
  if (setting !== "auto") logger.warn("unknown AI_PROVIDER, using auto", { setting });
  return apiKey ? "gemini" : "local";
}

export async function createAiProvider(settings: ProviderSettings = settingsFromParams()): Promise<AiProvider> {
  const name = resolveProviderName(settings.provider, settings.apiKey);
  if (name === "local") {
    const { LocalProvider } = await import("./local/provider");
    return new LocalProvider();
  }
  if (!settings.apiKey) {
    logger.error("AI_PROVIDER is gemini but GEMINI_API_KEY is empty");
    throw new AiUnavailableError("rejected");
  }
  const { GeminiProvider } = await import("./gemini/provider");
  return new GeminiProvider({
    apiKey: settings.apiKey,
    model: settings.model,
    baseUrl: settings.baseUrl || undefined,
    gate: settings.gate,
    retry: settings.retry,
    timeoutMs: settings.timeoutMs,
  });
}
