import { defineInt, defineSecret, defineString } from "firebase-functions/params";
import { DEFAULT_MODELS } from "./models";

/** "auto": Gemini on Vertex AI (AI_BACKEND=vertex), or with the key when one is set; else the offline local provider. */
export const AI_PROVIDER = defineString("AI_PROVIDER", {
  default: "auto",
  description: "AI provider: auto, gemini or local",
});

/** How Gemini is reached: Vertex AI as the function's own service account (no key), or the Gemini API with GEMINI_API_KEY. */
export const AI_BACKEND = defineString("AI_BACKEND", {
  default: "vertex",
  description: "Gemini backend: vertex (the runtime's service account, no secret) or api-key (GEMINI_API_KEY)",
});

export const GEMINI_API_KEY = defineSecret("GEMINI_API_KEY");

/**
 * The secrets an AI-calling function declares: GEMINI_API_KEY only when the
 * deploy chooses AI_BACKEND=api-key. Params are in the environment when the
 * CLI reads the functions (functions/.env.<project>) and when they run, so a
 * Vertex deploy declares no secret and needs none in Secret Manager.
 */
export const AI_SECRETS = process.env.AI_BACKEND === "api-key" ? [GEMINI_API_KEY] : [];

export const GEMINI_MODEL_BATCH = defineString("GEMINI_MODEL_BATCH", {
  default: DEFAULT_MODELS.batch,
  description: "Gemini model of the per-comment pass (sentiment, emotions, category, toxicity)",
});

export const GEMINI_MODEL_SYNTHESIS = defineString("GEMINI_MODEL_SYNTHESIS", {
  default: DEFAULT_MODELS.synthesis,
  description: "Gemini model of an analysis' insights and summary",
});

export const GEMINI_MODEL_INTERACTIVE = defineString("GEMINI_MODEL_INTERACTIVE", {
  default: DEFAULT_MODELS.interactive,
  description: "Gemini model of Ask AI and reply drafts",
});

/** Vertex AI location; "global" serves every current Gemini model. */
export const GEMINI_LOCATION = defineString("GEMINI_LOCATION", {
  default: "global",
  description: "Vertex AI location of the Gemini models (AI_BACKEND=vertex)",
});

/** Empty: the SDK's default endpoint. Tests and the demo point it at the local stand-in. */
export const GEMINI_BASE_URL = defineString("GEMINI_BASE_URL", {
  default: "",
  description: "Base URL of the Gemini API or Vertex AI (empty for Google's endpoint)",
});

export const AI_BATCH_CONCURRENCY = defineInt("AI_BATCH_CONCURRENCY", {
  default: 4,
  description: "How many comment batches are analysed at once",
});
