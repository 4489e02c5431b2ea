// The demo creator subscribes to Pro as in production: the web app asks
// getCheckoutCustomer for its Paddle customer (created through the Paddle API
// stand-in; the account's email must be verified, done here as Firebase
// Auth's email link would), Paddle.js checks out as that customer, and Paddle
// sends a signed `subscription.activated` webhook, which paddleWebhook
// verifies and applies.
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { LOCAL_PRICES, signedDelivery, subscriptionEvent } from "../paddle/events";
import type { WebClient } from "../webClient";

export async function sendDemoSubscription(client: WebClient): Promise<void> {
  const project = process.env.LENTLY_PROJECT_ID ?? "demo-lently";
  const port = process.env.LENTLY_FUNCTIONS_PORT ?? "5001";
  const admin = initializeApp({ projectId: project }, `demo-verify-${Date.now()}`);
  try {
    await getAuth(admin).updateUser(client.user.uid, { emailVerified: true });
  } finally {
    await deleteApp(admin);
  }
  await client.user.getIdToken(true);
  const { customer } = await client.call<{ customer: { id: string } }>("getCheckoutCustomer");
  const { body, signature } = signedDelivery(subscriptionEvent("subscription.activated", { customerId: customer.id, priceId: LOCAL_PRICES.pro }));
  const res = await fetch(`http://127.0.0.1:${port}/${project}/us-central1/paddleWebhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "paddle-signature": signature },
    body,
  });
  if (!res.ok) throw new Error(`paddleWebhook answered HTTP ${res.status}`);
}
