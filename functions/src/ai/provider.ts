// Which AI provider serves a request. AI_PROVIDER=auto picks Gemini when it
// can be reached (Vertex AI needs no key; the api-key backend needs one) and
// the offline local provider otherwise. Both implementations are loaded on
// first use, so functions that never ask for AI (and every cold start of
// lib/index.js) pay nothing for them.
import { logger } from "firebase-functions/logger";
import { projectID } from "firebase-functions/params";
import {
  AI_BACKEND,
  AI_PROVIDER,
  GEMINI_API_KEY,
  GEMINI_BASE_URL,
  GEMINI_LOCATION,
  GEMINI_MODEL_BATCH,
  GEMINI_MODEL_INTERACTIVE,
  GEMINI_MODEL_SYNTHESIS,
} from "./config";
import { AiUnavailableError } from "./errors";
import type { CallGate } from "../core/budgets/callGate";
import type { RetryPolicy } from "./gemini/retry";
import type { AiBackend } from "./gemini/transport";
import type { ModelRoutes } from "./models";
import type { AiProvider } from "./types";

export type ProviderName = AiProvider["name"];

export interface ProviderSettings {
  provider: string;
  /** `vertex` or `api-key` (the default when unset: callers that pass only a key keep working). */
  backend?: string;
  apiKey: string;
  /** Vertex AI: project (default: the runtime's) and location. */
  project?: string;
  location?: string;
  /** One model for every task; `models` names each class's. */
  model?: string;
  models?: Partial<ModelRoutes>;
  baseUrl: string;
  /** Paces Gemini calls: the shared budget (core/budgets/aiBucket.ts); default unpaced. */
  gate?: CallGate;
  /** Tests shorten the backoff; production keeps the defaults. */
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

/** The backend a setting names: unset is api-key, anything unknown a warning and Vertex (the production default). */
export function resolveBackend(setting: string | undefined): AiBackend {
  if (setting === undefined || setting === "api-key") return "api-key";
  if (setting !== "vertex") logger.warn("unknown AI_BACKEND, using vertex", { setting });
  return "vertex";
}

/** The settings from the deployed params (read at call time, as params require); the key only on the api-key backend. */
export function settingsFromParams(): ProviderSettings {
  const backend = AI_BACKEND.value();
  return {
    provider: AI_PROVIDER.value(),
    backend,
    apiKey: backend === "api-key" ? GEMINI_API_KEY.value() : "",
    project: projectID.value(),
    location: GEMINI_LOCATION.value(),
    models: { batch: GEMINI_MODEL_BATCH.value(), synthesis: GEMINI_MODEL_SYNTHESIS.value(), interactive: GEMINI_MODEL_INTERACTIVE.value() },
    baseUrl: GEMINI_BASE_URL.value(),
  };
}

export function resolveProviderName(setting: string, apiKey: string, backend: AiBackend = "api-key"): ProviderName {
  if (setting === "gemini" || setting === "local") return setting;
  if (setting !== "auto") logger.warn("unknown AI_PROVIDER, using auto", { setting });
  return backend === "vertex" || apiKey ? "gemini" : "local";
}

export async function createAiProvider(settings: ProviderSettings = settingsFromParams()): Promise<AiProvider> {
  const backend = resolveBackend(settings.backend);
  const name = resolveProviderName(settings.provider, settings.apiKey, backend);
  if (name === "local") {
    const { LocalProvider } = await import("./local/provider");
    return new LocalProvider();
  }
  if (backend === "api-key" && !settings.apiKey) {
    logger.error("AI_BACKEND is api-key but GEMINI_API_KEY is empty");
    throw new AiUnavailableError("rejected");
  }
  const { GeminiProvider } = await import("./gemini/provider");
  return new GeminiProvider({
    backend,
    apiKey: backend === "api-key" ? settings.apiKey : undefined,
    project: settings.project || process.env.GCLOUD_PROJECT,
    location: settings.location || "global",
    model: settings.model,
    models: settings.models,
    baseUrl: settings.baseUrl || undefined,
    gate: settings.gate,
    retry: settings.retry,
    timeoutMs: settings.timeoutMs,
  });
}
