import { defineInt, defineSecret, defineString } from "firebase-functions/params";

/** "auto": Gemini when GEMINI_API_KEY is set, else the offline local provider. */
export const AI_PROVIDER = defineString("AI_PROVIDER", {
  default: "auto",
  description: "AI provider: auto, gemini or local",
});

export const GEMINI_API_KEY = defineSecret("GEMINI_API_KEY");

export const GEMINI_MODEL = defineString("GEMINI_MODEL", {
  default: "gemini-2.5-flash",
  description: "Gemini model used for analysis, Ask AI and replies",
});

/** Empty: the SDK's default endpoint. Tests and the demo point it at the local stand-in. */
export const GEMINI_BASE_URL = defineString("GEMINI_BASE_URL", {
  default: "",
  description: "Base URL of the Gemini API (empty for Google's endpoint)",
});

export const AI_BATCH_CONCURRENCY = defineInt("AI_BATCH_CONCURRENCY", {
  default: 4,
  description: "How many comment batches are analysed at once",
});
