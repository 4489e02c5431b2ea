// e2e: Paddle deliveries over HTTP to the Functions emulator's paddleWebhook
// (secret and price ids from the stack), then the web app's view of the result
// through the client SDK, under the security rules.
import { expect } from "chai";
import { deleteApp, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
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

/** One delivery, signed when it is sent, sent once: no retry hides a refusal. */
async function deliverOnce(event: object) {
  const body = JSON.stringify(event);
  return post(body, signPaddle(body, LOCAL_WEBHOOK_SECRET));
}

describe("e2e: Paddle webhook through the Functions emulator", function () {
  this.timeout(120_000);
  let client: WebClient;
  let customerId = "";
  const adminApp = initializeApp({ projectId: STACK_PROJECT }, "billing-e2e-admin");
  const adminDb = getFirestore(adminApp);

  before(async () => {
    await resetFirestore(STACK_PROJECT);
    client = await signUp();
    // The account's email verified (as Firebase Auth's email link would), then a fresh ID token that says so.
    await getAuth(adminApp).updateUser(client.user.uid, { emailVerified: true });
    await client.user.getIdToken(true);
    await client.call("getMe");
    await post("", undefined, "GET"); // wakes the function's worker
  });
  after(async () => {
    await client?.close();
    await deleteApp(adminApp);
  });

  it("refuses what Paddle did not sign: 405, 401 (missing, forged, stale, truncated, tampered), 400 (not an event)", async () => {
    const event = subscriptionEvent("subscription.created", { userId: client.user.uid });
    const body = JSON.stringify(event);
    expect((await post(body, undefined, "GET")).status).to.equal(405);
    expect((await post(body)).status).to.equal(401);
    expect((await post(body, signPaddle(body, "pdl_ntfset_attacker"))).status).to.equal(401);
    expect((await post(body, signPaddle(body, LOCAL_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 301))).status).to.equal(401);
    expect((await post(body.replace("pri_local_pro", "pri_local_business"), signPaddle(body))).status).to.equal(401);
    // A truncated body is refused by the platform's JSON parser (400) or by the signature (401): never applied.
    expect([400, 401]).to.include((await post(body.slice(0, -20), signPaddle(body))).status);
    expect((await post(body, signPaddle(body).slice(0, -8))).status).to.equal(401);
    const notAnEvent = '{"hello":"world"}';
    expect((await post(notAnEvent, signPaddle(notAnEvent))).status).to.equal(400);
    expect((await adminDb.doc(`paddle_events/${event.event_id}`).get()).exists).to.equal(false);
    const me = await client.call<{ profile: { plan: string } }>("getMe");
    expect(me.profile.plan).to.equal("free");
  });

  it("getCheckoutCustomer creates the caller's Paddle customer through the API stand-in, once", async () => {
    const first = await client.call<{ customer: { id: string; email: string }; created: boolean }>("getCheckoutCustomer");
    expect(first.customer.id).to.match(/^ctm_/);
    expect(first.customer.email).to.equal(client.user.email);
    expect(first.created).to.equal(true);
    customerId = first.customer.id;
    const again = await client.call<{ customer: { id: string }; created: boolean }>("getCheckoutCustomer");
    expect(again).to.deep.equal({ customer: { id: customerId, email: client.user.email }, created: false });
    const calls = ((await (await fetch(`${process.env.LENTLY_PADDLE_STANDIN_URL}/__calls`)).json()) as { calls: Array<{ method: string; path: string }> }).calls;
    expect(calls.filter((c) => c.method === "POST" && c.path === "/customers")).to.have.length(1);
    // The mapping is the server's; clients cannot read it.
    expect((await adminDb.doc(`paddle_customers/${customerId}`).get()).get("userId")).to.equal(client.user.uid);
  });

  it("an unverified email gets no Paddle customer", async () => {
    const other = await signUp();
    try {
      const err = (await other.call("getCheckoutCustomer").catch((e: unknown) => e)) as { code: string; message: string };
      expect(err.code).to.equal("functions/failed-precondition");
      expect(err.message).to.match(/Verify your email/);
    } finally {
      await other.close();
    }
  });

  it("a signed subscription.created of that customer upgrades the user; the web app sees plan, limits and subscription", async () => {
    const uid = client.user.uid;
    const subscriptionId = paddleId("sub");
    const res = await deliverOnce(subscriptionEvent("subscription.created", { customerId, subscriptionId, priceId: LOCAL_PRICES.pro }));
    expect(res).to.deep.equal({ status: 200, body: { received: true, status: "applied" } });
    const sub = await getDoc(doc(client.firestore, "users", uid, "subscriptions", subscriptionId));
    expect(sub.get("plan")).to.equal("pro");
    expect(sub.get("status")).to.equal("active");
    const info = await client.call<{ plan: string; usage: { videos: { limit: number } }; subscription: { status: string } }>("getBillingInfo");
    expect(info.plan).to.equal("pro");
    expect(info.usage.videos.limit).to.equal(20);
    expect(info.subscription.status).to.equal("active");
  });

  it("20 deliveries of one genuine event, one signature, each sent once, arriving past 5 s: all answered 2xx, applied once", async function () {
    // The Functions emulator serves each concurrent request with a worker process of its own and gives a new
    // worker 30 s to load; on this shared 2-core machine a dozen starting at once miss that ("Failed to load
    // function") and their requests hang: an emulator limit (a deployed instance serves 80 requests at once).
    // So the twenty go in waves of four; twenty truly concurrent deliveries run in-process (test/billing/webhook.test.ts).
    this.timeout(180_000);
    const uid = client.user.uid;
    const event = subscriptionEvent("subscription.updated", { customerId, priceId: LOCAL_PRICES.business, subscriptionId: paddleId("sub") });
    const body = JSON.stringify(event);
    // Signed a minute ago: every delivery arrives past the SDK's 5 s window (a queue of deliveries on a
    // renewal day or behind a cold start), well inside the 300 s tolerance.
    const signedAt = Date.now() - 60_000;
    const signature = signPaddle(body, LOCAL_WEBHOOK_SECRET, Math.floor(signedAt / 1000));
    const results: Awaited<ReturnType<typeof post>>[] = [];
    for (let wave = 0; wave < 5; wave += 1) results.push(...(await Promise.all(Array.from({ length: 4 }, () => post(body, signature)))));
    // The last ones arrived later than the SDK's 5 s window would have allowed.
    expect(Date.now() - signedAt).to.be.greaterThan(5_000);
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
