// The demo creator subscribes to Pro as in production: Paddle sends a signed
// `subscription.activated` webhook, which paddleWebhook verifies and applies.
import { LOCAL_PRICES, signedDelivery, subscriptionEvent } from "../paddle/events";

export async function sendDemoSubscription(userId: string): Promise<void> {
  const project = process.env.LENTLY_PROJECT_ID ?? "demo-lently";
  const port = process.env.LENTLY_FUNCTIONS_PORT ?? "5001";
  const { body, signature } = signedDelivery(subscriptionEvent("subscription.activated", { userId, priceId: LOCAL_PRICES.pro }));
  const res = await fetch(`http://127.0.0.1:${port}/${project}/us-central1/paddleWebhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "paddle-signature": signature },
    body,
  });
  if (!res.ok) throw new Error(`paddleWebhook answered HTTP ${res.status}`);
}
