// GET /health: liveness and the running version, for anyone. Nothing about the
// project, its model or its secrets: what is configured is `deploy:check`'s
// job before a deploy (docs/deploy.md), not a public endpoint's.
import { onRequest } from "firebase-functions/v2/https";
import { allowedOrigins } from "../core/config";

export const health = onRequest((req, res) => {
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
  // K_REVISION: the Cloud Run revision of this deploy (functions 2nd gen); absent locally.
  res.set("Cache-Control", "no-store").json({ status: "ok", version: process.env.K_REVISION ?? "local" });
});
