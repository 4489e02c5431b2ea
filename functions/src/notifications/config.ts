// Params of notification delivery (README: Configuration).
import { defineBoolean, defineInt, defineString } from "firebase-functions/params";

export const MAIL_COLLECTION = defineString("MAIL_COLLECTION", {
  default: "mail",
  description: "The Trigger Email extension's collection (its MAIL_COLLECTION setting)",
});

export const WEBHOOKS_ALLOW_LOOPBACK = defineBoolean("WEBHOOKS_ALLOW_LOOPBACK", {
  default: false,
  description: "Local stack only: webhook URLs may point at 127.0.0.1/::1 (over http). Never in production",
});

export const WEBHOOK_MAX_ATTEMPTS = defineInt("WEBHOOK_MAX_ATTEMPTS", { default: 5, description: "Attempts of one webhook delivery before it is marked failed" });
export const WEBHOOK_MIN_BACKOFF_SECONDS = defineInt("WEBHOOK_MIN_BACKOFF_SECONDS", { default: 30, description: "First retry delay of a webhook delivery (doubles after)" });
