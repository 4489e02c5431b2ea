// Issue 13 §1 and issue 14 (Paddle): who owns a subscription. The customer →
// user mapping is the server's (getCheckoutCustomer writes it); custom_data,
// which the browser sets, never identifies anyone. Subscriptions are kept one
// document each and the plan is the best of the live ones; ordering is per
// subscription. Each scenario here failed on the code before this change.
import { expect } from "chai";
import { Timestamp } from "firebase-admin/firestore";
import { priceMap } from "../../src/billing/prices";
import { handlePaddleWebhook, type WebhookContext } from "../../src/billing/webhook";
import { auth, db } from "../../src/core/firebase";
import { usageRef, type UsageDoc } from "../../src/core/planUsage";
import { ensureUser } from "../../src/core/profiles";
import { resetAuth, resetFirestore } from "../support/emulators";
import { LOCAL_PRICES, LOCAL_WEBHOOK_SECRET, paddleId, signedDelivery, subscriptionEvent, transactionEvent } from "../../../tools/paddle/events";

function context(): WebhookContext {
  return {
    db: db(),
    auth: auth(),
    prices: priceMap({ starter: LOCAL_PRICES.starter, pro: `${LOCAL_PRICES.pro},${LOCAL_PRICES.proYearly}`, business: LOCAL_PRICES.business }),
    directory: null,
    secrets: [LOCAL_WEBHOOK_SECRET],
    now: () => new Date(),
    enqueueCustomerTask: () => Promise.resolve(),
  };
}

async function send(event: object) {
  const d = signedDelivery(event);
  return handlePaddleWebhook({ method: "POST", rawBody: Buffer.from(d.body), signature: d.signature }, context());
}

async function newUser(uid: string) {
  await ensureUser(db(), uid, { email: `${uid}@example.com` });
}

/** What getCheckoutCustomer leaves behind: the server's own customer → user mapping. */
async function linkCustomer(uid: string): Promise<string> {
  const customerId = paddleId("ctm");
  await db().doc(`paddle_customers/${customerId}`).set({ userId: uid, customer_id: customerId, resolved_via: "checkout", created_at: Timestamp.now() });
  return customerId;
}

async function planOf(uid: string) {
  const [profile, usage] = await Promise.all([db().doc(`users/${uid}`).get(), usageRef(db(), uid).get()]);
  return { plan: profile.get("plan") as string, videos: (usage.data() as UsageDoc).limits.videos };
}

const ago = (ms: number) => new Date(Date.now() - ms);

describe("billing: who owns a subscription (in-process, emulators)", function () {
  this.timeout(60_000);
  before(async () => {
    await resetFirestore();
    await resetAuth();
  });

  it("a declined checkout with someone else's billing email gains nothing and raises no card banner", async () => {
    await newUser("victim");
    await newUser("attacker");
    // The victim's subscription arrived before their customer was known (stored as unmatched).
    const victimCustomer = paddleId("ctm");
    const earlier = subscriptionEvent("subscription.created", { customerId: victimCustomer, userId: null, occurredAt: ago(60_000) });
    expect((await send(earlier)).body.status).to.equal("unmatched");
    // The attacker opens a checkout with the victim's email (Paddle reuses that customer) and lets the card decline.
    const declined = transactionEvent("transaction.payment_failed", {
      customerId: victimCustomer,
      userId: "attacker",
      subscriptionId: null,
      origin: "web",
      status: "ready",
    });
    expect((await send(declined)).status).to.equal(200);
    expect(await planOf("attacker")).to.deep.equal({ plan: "free", videos: 1 });
    expect((await db().doc(`paddle_customers/${victimCustomer}`).get()).exists).to.equal(false);
    expect((await db().doc(`paddle_events/${earlier.event_id}`).get()).get("status")).to.equal("unmatched");
    const attackerSubs = await db().collection("users/attacker/subscriptions").get();
    expect(attackerSubs.size).to.equal(0);
    expect((await db().doc("users/attacker/billing/subscription").get()).exists).to.equal(false);
  });

  it("a victim's uid in custom_data, a subscribe and a cancel do not knock the victim down", async () => {
    await newUser("payer");
    const payerCustomer = await linkCustomer("payer");
    await send(subscriptionEvent("subscription.created", { customerId: payerCustomer, priceId: LOCAL_PRICES.pro, occurredAt: ago(60_000) }));
    expect((await planOf("payer")).plan).to.equal("pro");
    // Someone else's checkout, custom_data naming the payer.
    const strangerCustomer = paddleId("ctm");
    const subscriptionId = paddleId("sub");
    await send(subscriptionEvent("subscription.created", { customerId: strangerCustomer, subscriptionId, userId: "payer", occurredAt: ago(30_000) }));
    await send(subscriptionEvent("subscription.canceled", { customerId: strangerCustomer, subscriptionId, userId: "payer", status: "canceled" }));
    expect(await planOf("payer")).to.deep.equal({ plan: "pro", videos: 20 });
  });

  it("two live subscriptions: the best plan wins, and cancelling one keeps the other's plan", async () => {
    await newUser("twosubs");
    const customerId = await linkCustomer("twosubs");
    const pro = paddleId("sub");
    const business = paddleId("sub");
    await send(subscriptionEvent("subscription.created", { customerId, subscriptionId: business, priceId: LOCAL_PRICES.business, occurredAt: ago(90_000) }));
    await send(subscriptionEvent("subscription.created", { customerId, subscriptionId: pro, priceId: LOCAL_PRICES.pro, occurredAt: ago(60_000) }));
    // The pro one renewed last; business is still the better live plan.
    expect((await planOf("twosubs")).plan).to.equal("business");
    await send(subscriptionEvent("subscription.canceled", { customerId, subscriptionId: business, priceId: LOCAL_PRICES.business, status: "canceled", occurredAt: ago(30_000) }));
    expect(await planOf("twosubs")).to.deep.equal({ plan: "pro", videos: 20 });
    await send(subscriptionEvent("subscription.canceled", { customerId, subscriptionId: pro, status: "canceled" }));
    expect((await planOf("twosubs")).plan).to.equal("free");
  });

  it("ordering is per subscription: A's cancel stored first does not make B's older created event stale", async () => {
    await newUser("ordering");
    const customerId = await linkCustomer("ordering");
    const a = paddleId("sub");
    const b = paddleId("sub");
    await send(subscriptionEvent("subscription.created", { customerId, subscriptionId: a, priceId: LOCAL_PRICES.starter, occurredAt: ago(120_000) }));
    await send(subscriptionEvent("subscription.canceled", { customerId, subscriptionId: a, status: "canceled", occurredAt: ago(10_000) }));
    const createdB = subscriptionEvent("subscription.created", { customerId, subscriptionId: b, priceId: LOCAL_PRICES.pro, occurredAt: ago(60_000) });
    expect((await send(createdB)).body.status).to.equal("applied");
    expect((await planOf("ordering")).plan).to.equal("pro");
  });

  it("events of one subscription in the same millisecond: the same end state whatever the delivery order", async () => {
    const at = ago(5_000);
    for (const [uid, order] of [
      ["tie-a", ["created", "canceled"]],
      ["tie-b", ["canceled", "created"]],
    ] as const) {
      await newUser(uid);
      const customerId = await linkCustomer(uid);
      const subscriptionId = paddleId("sub");
      const events = {
        created: subscriptionEvent("subscription.created", { customerId, subscriptionId, occurredAt: at }),
        canceled: subscriptionEvent("subscription.canceled", { customerId, subscriptionId, status: "canceled", occurredAt: at }),
      };
      for (const name of order) await send(events[name]);
      expect((await planOf(uid)).plan, uid).to.equal("free");
    }
  });

  it("a renewal's payment_failed raises the banner on its own subscription", async () => {
    await newUser("renewal");
    const customerId = await linkCustomer("renewal");
    const subscriptionId = paddleId("sub");
    await send(subscriptionEvent("subscription.created", { customerId, subscriptionId, occurredAt: ago(60_000) }));
    await send(transactionEvent("transaction.payment_failed", { customerId, subscriptionId }));
    const sub = await db().doc(`users/renewal/subscriptions/${subscriptionId}`).get();
    expect(sub.get("last_payment")).to.include({ status: "failed" });
    expect((await planOf("renewal")).plan).to.equal("pro"); // past_due grace comes from the subscription events
  });

  it("trials keep their dates, a pause keeps its resume date", async () => {
    await newUser("trialist");
    const customerId = await linkCustomer("trialist");
    const subscriptionId = paddleId("sub");
    const trialEnd = new Date(Date.now() + 14 * 86_400_000);
    await send(
      subscriptionEvent("subscription.trialing", { customerId, subscriptionId, status: "trialing", trial: { startsAt: ago(0), endsAt: trialEnd }, occurredAt: ago(60_000) }),
    );
    expect((await planOf("trialist")).plan).to.equal("pro");
    let sub = (await db().doc(`users/trialist/subscriptions/${subscriptionId}`).get()).data()!;
    expect((sub.trial_ends_at as Timestamp).toMillis()).to.equal(trialEnd.getTime());
    const resumeAt = new Date(Date.now() + 30 * 86_400_000);
    await send(
      subscriptionEvent("subscription.paused", {
        customerId,
        subscriptionId,
        status: "paused",
        scheduledChange: { action: "resume", effectiveAt: resumeAt, resumeAt },
      }),
    );
    sub = (await db().doc(`users/trialist/subscriptions/${subscriptionId}`).get()).data()!;
    expect((sub.resume_at as Timestamp).toMillis()).to.equal(resumeAt.getTime());
    expect((await planOf("trialist")).plan).to.equal("free");
  });
});
