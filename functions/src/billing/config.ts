import { defineInt, defineSecret, defineString } from "firebase-functions/params";

/**
 * Paddle notification destination secret (pdl_ntfset_…), used to verify webhook signatures.
 * During a rotation it may hold several secrets separated by commas (new first): a
 * delivery is accepted when any of its h1 signatures matches any of them.
 */
export const PADDLE_WEBHOOK_SECRET = defineSecret("PADDLE_WEBHOOK_SECRET");

/** Paddle API key: checkout customers (getCheckoutCustomer), email matching, cancelling on account deletion. */
export const PADDLE_API_KEY = defineSecret("PADDLE_API_KEY");

/** How old a webhook signature may be (seconds); see signature.ts for why 300. */
export const PADDLE_SIGNATURE_TOLERANCE_SECONDS = defineInt("PADDLE_SIGNATURE_TOLERANCE_SECONDS", {
  default: 300,
  description: "Maximum age in seconds of a Paddle-Signature timestamp; replays are refused by the apply-once record",
});

export const PADDLE_ENVIRONMENT = defineString("PADDLE_ENVIRONMENT", {
  default: "sandbox",
  description: "Paddle environment: sandbox, production, or an API base URL (a local stand-in)",
});

// Price ids are configuration, never code: each plan may have several prices
// (monthly, yearly, regional), comma-separated. Empty: no price maps to that plan.
export const PADDLE_PRICE_STARTER = defineString("PADDLE_PRICE_STARTER", {
  default: "",
  description: "Comma-separated Paddle price ids (pri_…) that grant the Starter plan",
});

export const PADDLE_PRICE_PRO = defineString("PADDLE_PRICE_PRO", {
  default: "",
  description: "Comma-separated Paddle price ids (pri_…) that grant the Pro plan",
});

export const PADDLE_PRICE_BUSINESS = defineString("PADDLE_PRICE_BUSINESS", {
  default: "",
  description: "Comma-separated Paddle price ids (pri_…) that grant the Business plan",
});

/** Time zone of the monthly reset and the daily usage snapshot schedules (IANA name). */
export const RESET_TIME_ZONE = defineString("RESET_TIME_ZONE", {
  default: "UTC",
  description: "IANA time zone for the usage reset and daily snapshot schedules, e.g. UTC or Europe/Berlin",
});
