// Deployment-wide params. Feature params live beside their feature (youtube/config.ts, ai/config.ts, billing/config.ts).
import { defineString } from "firebase-functions/params";

/** Comma-separated origins of the web app allowed to call onRequest endpoints from a browser. */
export const CORS_ORIGINS = defineString("CORS_ORIGINS", {
  default: "http://localhost:5173",
  description: "Comma-separated web app origins allowed by CORS on HTTP endpoints",
});

export function allowedOrigins(): string[] {
  return CORS_ORIGINS.value()
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
}
