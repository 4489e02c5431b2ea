import { defineSecret, defineString } from "firebase-functions/params";

/** Paddle notification destination secret (pdl_ntfset_…), used to verify webhook signatures. */
export const PADDLE_WEBHOOK_SECRET = defineSecret("PADDLE_WEBHOOK_SECRET");

export const PADDLE_API_KEY = defineSecret("PADDLE_API_KEY");

export const PADDLE_ENVIRONMENT = defineString("PADDLE_ENVIRONMENT", {
  default: "sandbox",
  description: "Paddle environment: sandbox or production",
});
