// e2e: Paddle deliveries over HTTP to the Functions emulator's paddleWebhook
// (secret and price ids from the stack), then the web app's view of the result
// through the client SDK, under the security rules.
import { expect } from "chai";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { doc, getDoc } from "firebase/firestore";
import { functionsPort, resetFirestore, STACK_PROJECT } from "../support/emulators";
import { signUp, type WebClient } from "../support/client";
import { LOCAL_PRICES, LOCAL_WEBHOOK_SECRET, paddleId, signPaddle, subscriptionEvent } from "../../../tools/paddle/events";

const url = () => `http://127.0.0.1:${functionsPort()}/${STACK_PROJECT}/us-central1/paddleWebhook`;

async function post(body: string, signature?: string, method = "POST") {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature) headers["paddle-signature"] = signature;
  const res = await fetch(url(), { method, headers, body: method === "GET" ? undefined : body });
  return { status: res.status, body: (await res.json().catch(() => null)) as { status?: string; error?: string } | null };
}

/**
 * Like Paddle: each attempt is signed when it is sent, and a non-2xx answer is
 * retried. The emulator runs a function's requests mostly one after another,
 * so of 20 sent at once the last wait longer than the 5 s signature window
 * and are refused as stale; Paddle's retry (a fresh signature) is the answer
 * to that in production too (e.g. behind a cold start).
 */
async function deliverLikePaddle(event: object, attempts = 10) {
  const body = JSON.stringify(event);
  let last = await post(body, signPaddle(body, LOCAL_WEBHOOK_SECRET));
  for (let i = 1; i < attempts && last.status !== 200; i += 1) last = await post(body, signPaddle(body, LOCAL_WEBHOOK_SECRET));
  return last;
}

describe("e2e: Paddle webhook through the Functions emulator", function () {
  this.timeout(120_000);
  let client: WebClient;
  const adminApp = initializeApp({ projectId: STACK_PROJECT }, "billing-e2e-admin");
  const adminDb = getFirestore(adminApp);

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    client = await signUp();
    await client.call("getMe");
    await post("", undefined, "GET"); // wakes the function's worker
  });
  after(async () => {
    await client?.close();
    await deleteApp(adminApp);
  });

  it("refuses what Paddle did not sign: 405, 401 (missing, forged, stale, tampered), 400 (not an event)", async () => {
    const event = subscriptionEvent("subscription.created", { userId: client.user.uid });
    const body = JSON.stringify(event);
    expect((await post(body, undefined, "GET")).status).to.equal(405);
    expect((await post(body)).status).to.equal(401);
    expect((await post(body, signPaddle(body, "pdl_ntfset_attacker"))).status).to.equal(401);
    expect((await post(body, signPaddle(body, LOCAL_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 300))).status).to.equal(401);
    expect((await post(body.replace("pri_local_pro", "pri_local_business"), signPaddle(body))).status).to.equal(401);
    const notAnEvent = '{"hello":"world"}';
    expect((await post(notAnEvent, signPaddle(notAnEvent))).status).to.equal(400);
    expect((await adminDb.doc(`paddle_events/${event.event_id}`).get()).exists).to.equal(false);
    const me = await client.call<{ profile: { plan: string } }>("getMe");
    expect(me.profile.plan).to.equal("free");
  });

  it("a signed subscription.created upgrades the user; the web app sees plan, limits and subscription", async () => {
    const uid = client.user.uid;
    const res = await deliverLikePaddle(subscriptionEvent("subscription.created", { userId: uid, priceId: LOCAL_PRICES.pro }));
    expect(res).to.deep.equal({ status: 200, body: { received: true, status: "applied" } });
    const sub = await getDoc(doc(client.firestore, "users", uid, "billing", "subscription"));
    expect(sub.get("plan")).to.equal("pro");
    expect(sub.get("status")).to.equal("active");
    const info = await client.call<{ plan: string; usage: { videos: { limit: number } }; subscription: { status: string } }>("getBillingInfo");
    expect(info.plan).to.equal("pro");
    expect(info.usage.videos.limit).to.equal(20);
    expect(info.subscription.status).to.equal("active");
  });

  it("20 concurrent deliveries of one event: all acknowledged, applied once", async () => {
    const uid = client.user.uid;
    const event = subscriptionEvent("subscription.updated", { userId: uid, priceId: LOCAL_PRICES.business, subscriptionId: paddleId("sub") });
    const results = await Promise.all(Array.from({ length: 20 }, () => deliverLikePaddle(event)));
    expect(results.map((r) => r.status)).to.deep.equal(Array(20).fill(200));
    expect(results.filter((r) => r.body?.status === "applied")).to.have.length(1);
    const records = await adminDb.collection("paddle_events").where("userId", "==", uid).get();
    expect(records.size).to.equal(2);
    expect((await adminDb.doc(`users/${uid}`).get()).get("plan")).to.equal("business");
    // Clients never read the event log.
    const denied = await getDoc(doc(client.firestore, "paddle_events", event.event_id)).catch((e: { code?: string }) => e);
    expect((denied as { code?: string }).code).to.equal("permission-denied");
  });
});
