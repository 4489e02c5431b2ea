// GET /health: liveness and which providers are configured — never their values.
import { onRequest } from "firebase-functions/v2/https";
import { AI_BACKEND, AI_PROVIDER, AI_SECRETS, GEMINI_API_KEY, GEMINI_MODEL_BATCH, GEMINI_MODEL_INTERACTIVE, GEMINI_MODEL_SYNTHESIS } from "../ai/config";
import { PADDLE_API_KEY, PADDLE_WEBHOOK_SECRET } from "../billing/config";
import { allowedOrigins } from "../core/config";
import { YOUTUBE_API_KEY } from "../youtube/config";

const startedAt = new Date().toISOString();

export const health = onRequest(
  { secrets: [YOUTUBE_API_KEY, ...AI_SECRETS, PADDLE_WEBHOOK_SECRET, PADDLE_API_KEY] },
  (req, res) => {
    const origin = req.get("origin");
    if (origin && allowedOrigins().includes(origin)) {
      res.set("Access-Control-Allow-Origin", origin);
      res.set("Vary", "Origin");
      res.set("Access-Control-Allow-Methods", "GET, OPTIONS");
    }
    if (req.method === "OPTIONS") {
      res.status(204).send("");
      return;
    }
    if (req.method !== "GET") {
      res.status(405).set("Allow", "GET, OPTIONS").json({ error: "method_not_allowed" });
      return;
    }
    const has = (secret: { value(): string }) => secret.value().length > 0;
    const aiSetting = AI_PROVIDER.value();
    const backend = AI_BACKEND.value() === "api-key" ? "api-key" : "vertex";
    const keyConfigured = backend === "api-key" && has(GEMINI_API_KEY);
    const aiProvider = aiSetting === "auto" ? (backend === "vertex" || keyConfigured ? "gemini" : "local") : aiSetting;
    // Which model does what: the per-comment pass, insights and summary, Ask AI and replies.
    const models = { batch: GEMINI_MODEL_BATCH.value(), synthesis: GEMINI_MODEL_SYNTHESIS.value(), interactive: GEMINI_MODEL_INTERACTIVE.value() };
    res.set("Cache-Control", "no-store").json({
      status: "ok",
      environment: process.env.FUNCTIONS_EMULATOR === "true" ? "emulator" : "production",
      project: process.env.GCLOUD_PROJECT ?? null,
      instanceStartedAt: startedAt,
      features: {
        youtube: { configured: has(YOUTUBE_API_KEY) },
        ai: { provider: aiProvider, backend, models: aiProvider === "gemini" ? models : null, keyConfigured },
        paddle: { webhookSecretConfigured: has(PADDLE_WEBHOOK_SECRET), apiKeyConfigured: has(PADDLE_API_KEY) },
      },
    });
  },
);
