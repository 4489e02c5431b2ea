// The Paddle webhook in-process against the Firestore and Auth emulators:
// signed deliveries through the real verification path, the event applied
// once and never backwards, plans and limits following the subscription.
import { expect } from "chai";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Timestamp } from "firebase-admin/firestore";
import { applyPaddleEvent, eventRef } from "../../src/billing/apply";
import { normalizeEvent } from "../../src/billing/events";
import { paddleCustomerDirectory, verifyPaddleWebhook } from "../../src/billing/paddle";
import { priceMap } from "../../src/billing/prices";
import { resetDueUsage } from "../../src/billing/reset";
import { subscriptionRef } from "../../src/billing/state";
import { handlePaddleWebhook, type WebhookContext } from "../../src/billing/webhook";
import { auth, db } from "../../src/core/firebase";
import { addMonths, usageRef, type UsageDoc } from "../../src/core/usage";
import { deleteAccount, ensureUser } from "../../src/users/service";
import { resetAuth, resetFirestore } from "../support/emulators";
import {
  LOCAL_PRICES,
  LOCAL_WEBHOOK_SECRET,
  paddleId,
  signPaddle,
  signedDelivery,
  subscriptionEvent,
  transactionEvent,
} from "../../../tools/paddle/events";

const DAY = 86_400_000;

function context(overrides: Partial<WebhookContext> = {}): WebhookContext {
  return {
    db: db(),
    auth: auth(),
    prices: priceMap({ starter: LOCAL_PRICES.starter, pro: `${LOCAL_PRICES.pro},${LOCAL_PRICES.proYearly}`, business: LOCAL_PRICES.business }),
    directory: null,
    secrets: [LOCAL_WEBHOOK_SECRET],
    now: () => new Date(),
    ...overrides,
  };
}

function deliver(body: string, signature: string | undefined, ctx = context()) {
  return handlePaddleWebhook({ method: "POST", rawBody: Buffer.from(body), signature }, ctx);
}

function send(event: object, ctx = context()) {
  const d = signedDelivery(event);
  return deliver(d.body, d.signature, ctx);
}

async function newUser(uid: string, counters = { videos: 0, ai_questions: 0 }, now = new Date()) {
  await ensureUser(db(), uid, { email: `${uid}@example.com` }, now);
  await usageRef(db(), uid).update({ counters });
}

async function state(uid: string) {
  const [profile, usage, sub] = await Promise.all([db().doc(`users/${uid}`).get(), usageRef(db(), uid).get(), subscriptionRef(db(), uid).get()]);
  return { plan: profile.get("plan") as string, usage: usage.data() as UsageDoc, sub: sub.data() };
}

async function record(eventId: string) {
  return (await eventRef(db(), eventId).get()).data();
}

describe("billing: paddleWebhook (in-process, emulators)", function () {
  this.timeout(60_000);

  before(async () => {
    await resetFirestore();
    await resetAuth();
  });

  describe("verification comes first", () => {
    it("405 for anything but POST, 401 for missing/forged/stale/truncated signatures, 400 for a non-event", async () => {
      const event = subscriptionEvent("subscription.created", { userId: "nobody" });
      const { body, signature } = signedDelivery(event);
      expect((await handlePaddleWebhook({ method: "GET", rawBody: undefined, signature: undefined }, context())).status).to.equal(405);
      expect((await deliver(body, undefined)).status).to.equal(401);
      expect((await deliver(body, "ts=1;h1=nothex")).status).to.equal(401);
      expect((await deliver(body, signPaddle(body, "pdl_ntfset_forged"))).status).to.equal(401);
      expect((await deliver(body, signPaddle(body, LOCAL_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 60))).status).to.equal(401);
      expect((await deliver(body.slice(0, -10), signature)).status).to.equal(401);
      const tampered = body.replace('"status":"active"', '"status":"canceled"');
      expect((await deliver(tampered, signature)).status).to.equal(401);
      const garbage = '{"hello":"world"}';
      expect((await deliver(garbage, signPaddle(garbage))).status).to.equal(400);
      // Nothing of a rejected delivery was stored.
      expect(await record(event.event_id)).to.equal(undefined);
    });

    it("500 (Paddle retries) when no secret is configured", async () => {
      const { body, signature } = signedDelivery(subscriptionEvent("subscription.created"));
      expect((await deliver(body, signature, context({ secrets: [] }))).status).to.equal(500);
    });

    it("acknowledges and records an event type it does not handle", async () => {
      const event = { ...subscriptionEvent("subscription.imported"), event_type: "customer.updated", data: { id: paddleId("ctm"), email: "x@example.com" } };
      const res = await send(event);
      expect(res).to.deep.include({ status: 200 });
      expect(await record(event.event_id)).to.include({ status: "ignored", outcome: "unhandled_type", userId: null });
    });
  });

  describe("applied once, never backwards", () => {
    it("a replayed delivery (same event, fresh signature) changes nothing the second time", async () => {
      await newUser("replay", { videos: 1, ai_questions: 0 });
      const event = subscriptionEvent("subscription.created", { userId: "replay" });
      expect((await send(event)).body).to.deep.equal({ received: true, status: "applied" });
      const first = await subscriptionRef(db(), "replay").get();
      expect((await send(event)).body).to.deep.equal({ received: true, status: "duplicate" });
      const second = await subscriptionRef(db(), "replay").get();
      expect(second.updateTime!.isEqual(first.updateTime!)).to.equal(true);
    });

    it("20 concurrent deliveries of one event: one record, one state change", async () => {
      await newUser("herd");
      const event = subscriptionEvent("subscription.created", { userId: "herd", priceId: LOCAL_PRICES.business });
      const { body, signature } = signedDelivery(event);
      const results = await Promise.all(Array.from({ length: 20 }, () => deliver(body, signature)));
      expect(results.map((r) => r.status)).to.deep.equal(Array(20).fill(200));
      const statuses = results.map((r) => r.body.status);
      expect(statuses.filter((s) => s === "applied")).to.have.length(1);
      expect(statuses.filter((s) => s === "duplicate")).to.have.length(19);
      const events = await db().collection("paddle_events").where("userId", "==", "herd").get();
      expect(events.size).to.equal(1);
      const s = await state("herd");
      expect(s.plan).to.equal("business");
      expect(s.usage.limits).to.deep.equal({ videos: 50, ai_questions: null, comments_per_video: 10_000 });
      expect(s.sub!.last_event_id).to.equal(event.event_id);
    });

    it("subscription.updated delivered before an older subscription.created: the newer state stays", async () => {
      await newUser("ooo");
      const subscriptionId = paddleId("sub");
      const customerId = paddleId("ctm");
      const t0 = new Date(Date.now() - 60_000);
      const created = subscriptionEvent("subscription.created", { userId: "ooo", subscriptionId, customerId, occurredAt: t0, priceId: LOCAL_PRICES.pro });
      const updated = subscriptionEvent("subscription.updated", {
        userId: "ooo",
        subscriptionId,
        customerId,
        occurredAt: new Date(t0.getTime() + 30_000),
        priceId: LOCAL_PRICES.business,
      });
      expect((await send(updated)).body.status).to.equal("applied");
      expect((await send(created)).body.status).to.equal("ignored");
      const s = await state("ooo");
      expect(s.plan).to.equal("business");
      expect(s.sub).to.include({ plan: "business", last_event_id: updated.event_id });
      expect(await record(created.event_id)).to.include({ status: "ignored", outcome: "stale" });
    });
  });

  describe("plans and limits follow the subscription", () => {
    it("upgrade free → pro mid-period raises the limits at once and keeps usage and period", async () => {
      await newUser("upgrader", { videos: 1, ai_questions: 2 });
      const before = await state("upgrader");
      expect(before.usage.limits.videos).to.equal(1);
      const res = await send(subscriptionEvent("subscription.created", { userId: "upgrader", priceId: LOCAL_PRICES.pro }));
      expect(res.body.status).to.equal("applied");
      const after = await state("upgrader");
      expect(after.plan).to.equal("pro");
      expect(after.usage.plan).to.equal("pro");
      expect(after.usage.limits).to.deep.equal({ videos: 20, ai_questions: 75, comments_per_video: 3_000 });
      expect(after.usage.counters).to.deep.equal({ videos: 1, ai_questions: 2 });
      expect(after.usage.period_start.isEqual(before.usage.period_start)).to.equal(true);
      expect(after.usage.period_end.isEqual(before.usage.period_end)).to.equal(true);
      expect(after.sub).to.include({ status: "active", plan: "pro", entitled_plan: "pro", cancel_at_period_end: false, paddle_price_id: LOCAL_PRICES.pro });
      expect(after.sub!.billing_cycle).to.deep.equal({ interval: "month", frequency: 1 });
      expect(after.sub!.current_period_end).to.be.instanceOf(Timestamp);
    });

    it("a yearly price maps to the same plan; an unknown price keeps the plan already known", async () => {
      await newUser("yearly");
      const subscriptionId = paddleId("sub");
      await send(subscriptionEvent("subscription.created", { userId: "yearly", subscriptionId, priceId: LOCAL_PRICES.proYearly, interval: "year" }));
      expect((await state("yearly")).plan).to.equal("pro");
      await send(subscriptionEvent("subscription.updated", { userId: "yearly", subscriptionId, priceId: "pri_not_configured" }));
      const s = await state("yearly");
      expect(s.plan).to.equal("pro");
      expect(s.sub).to.include({ paddle_price_id: null });
    });

    it("scheduled cancel keeps pro until period end; the next reset moves the user to free", async () => {
      const start = new Date(Date.now() - 20 * DAY);
      await newUser("leaver", { videos: 3, ai_questions: 5 }, start);
      const subscriptionId = paddleId("sub");
      const customerId = paddleId("ctm");
      const periodEnd = addMonths(start, 1); // Paddle's period and the usage period end together here
      const base = { userId: "leaver", subscriptionId, customerId, periodStart: start, periodEnd };
      await send(subscriptionEvent("subscription.created", { ...base, occurredAt: new Date(Date.now() - 60_000) }));
      await send(
        subscriptionEvent("subscription.updated", { ...base, occurredAt: new Date(Date.now() - 30_000), scheduledChange: { action: "cancel", effectiveAt: periodEnd } }),
      );
      const during = await state("leaver");
      expect(during.plan).to.equal("pro");
      expect(during.sub).to.include({ status: "active", cancel_at_period_end: true, entitled_plan: "pro" });
      expect(during.sub!.access_ends_at!.toMillis()).to.equal(periodEnd.getTime());
      expect(during.usage.limits.videos).to.equal(20);

      // A reset before the end changes nothing for this user.
      const early = await resetDueUsage(db(), new Date(periodEnd.getTime() - DAY));
      expect(early.accessEnded).to.equal(0);
      expect((await state("leaver")).plan).to.equal("pro");

      // After the period end (Paddle's subscription.canceled not arrived yet): free, counters reset.
      const report = await resetDueUsage(db(), new Date(periodEnd.getTime() + 3_600_000));
      expect(report.accessEnded).to.equal(1);
      const after = await state("leaver");
      expect(after.plan).to.equal("free");
      expect(after.usage).to.deep.include({ plan: "free", counters: { videos: 0, ai_questions: 0 } });
      expect(after.usage.limits.videos).to.equal(1);
      expect(after.sub).to.include({ entitled_plan: "free", status: "active", plan: "pro" });

      // Paddle's subscription.canceled then arrives: status recorded, plan stays free.
      await send(subscriptionEvent("subscription.canceled", { ...base, status: "canceled" }));
      const canceled = await state("leaver");
      expect(canceled.plan).to.equal("free");
      expect(canceled.sub).to.include({ status: "canceled", access_ends_at: null, entitled_plan: "free" });
    });

    it("subscription.canceled (effective) drops to free at once; usage counters stay", async () => {
      await newUser("quitter", { videos: 4, ai_questions: 1 });
      const subscriptionId = paddleId("sub");
      await send(subscriptionEvent("subscription.created", { userId: "quitter", subscriptionId, occurredAt: new Date(Date.now() - 1000) }));
      await send(subscriptionEvent("subscription.canceled", { userId: "quitter", subscriptionId, status: "canceled" }));
      const s = await state("quitter");
      expect(s.plan).to.equal("free");
      expect(s.usage.limits.videos).to.equal(1);
      expect(s.usage.counters).to.deep.equal({ videos: 4, ai_questions: 1 });
    });

    it("past_due keeps the plan (grace); paused → free; resumed → the plan again", async () => {
      await newUser("dunning");
      const opts = { userId: "dunning", subscriptionId: paddleId("sub"), priceId: LOCAL_PRICES.starter };
      const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000);
      await send(subscriptionEvent("subscription.created", { ...opts, occurredAt: at(0) }));
      await send(transactionEvent("transaction.payment_failed", { userId: "dunning", subscriptionId: opts.subscriptionId, occurredAt: at(1) }));
      await send(subscriptionEvent("subscription.past_due", { ...opts, status: "past_due", occurredAt: at(2) }));
      let s = await state("dunning");
      expect(s.plan).to.equal("starter");
      expect(s.sub).to.include({ status: "past_due" });
      expect(s.sub!.last_payment).to.include({ status: "failed" });
      await send(subscriptionEvent("subscription.paused", { ...opts, status: "paused", occurredAt: at(3) }));
      s = await state("dunning");
      expect(s.plan).to.equal("free");
      expect(s.usage.limits.videos).to.equal(1);
      await send(subscriptionEvent("subscription.resumed", { ...opts, occurredAt: at(4) }));
      await send(transactionEvent("transaction.completed", { userId: "dunning", subscriptionId: opts.subscriptionId, occurredAt: at(5) }));
      s = await state("dunning");
      expect(s.plan).to.equal("starter");
      expect(s.usage.limits.videos).to.equal(10);
      expect(s.sub!.last_payment).to.include({ status: "completed" });
    });

    it("trialing grants the plan; a payment event alone never changes the plan", async () => {
      await newUser("trial");
      await db().doc("users/trial").update({ plan: "business" }); // e.g. granted by support
      await send(transactionEvent("transaction.completed", { userId: "trial" }));
      expect((await state("trial")).plan).to.equal("business");
      await send(subscriptionEvent("subscription.trialing", { userId: "trial", status: "trialing", priceId: LOCAL_PRICES.pro }));
      expect((await state("trial")).plan).to.equal("pro");
    });
  });

  describe("finding the user", () => {
    it("an event for no known user is stored as unmatched, then applied once the customer is known", async () => {
      await newUser("late");
      const customerId = paddleId("ctm");
      const subscriptionId = paddleId("sub");
      const orphan = subscriptionEvent("subscription.created", { customerId, subscriptionId, userId: null, occurredAt: new Date(Date.now() - 5000) });
      expect((await send(orphan)).body.status).to.equal("unmatched");
      const stored = await record(orphan.event_id);
      expect(stored).to.include({ status: "unmatched", customer_id: customerId, userId: null });
      expect(JSON.stringify(stored)).not.to.contain("4242"); // no card data, only ids and statuses
      expect((await send(orphan)).body.status).to.equal("duplicate");
      // The checkout's transaction names the user: the customer is mapped and the stored event replayed.
      await send(transactionEvent("transaction.completed", { customerId, subscriptionId, userId: "late" }));
      const s = await state("late");
      expect(s.plan).to.equal("pro");
      expect(s.sub).to.include({ paddle_subscription_id: subscriptionId, status: "active" });
      expect(await record(orphan.event_id)).to.include({ status: "applied", userId: "late" }).and.not.have.property("pending");
      expect((await db().doc(`paddle_customers/${customerId}`).get()).get("userId")).to.equal("late");
      // Later events of that customer need no custom_data.
      await send(subscriptionEvent("subscription.canceled", { customerId, subscriptionId, userId: null, status: "canceled" }));
      expect((await state("late")).plan).to.equal("free");
    });

    it("deleteAccount removes the user's customer mapping and event records too", async () => {
      await newUser("goner");
      const customerId = paddleId("ctm");
      await send(subscriptionEvent("subscription.created", { userId: "goner", customerId }));
      expect((await db().doc(`paddle_customers/${customerId}`).get()).exists).to.equal(true);
      await deleteAccount(db(), auth(), "goner");
      expect((await db().doc(`paddle_customers/${customerId}`).get()).exists).to.equal(false);
      expect((await db().collection("paddle_events").where("userId", "==", "goner").get()).size).to.equal(0);
    });

    it("custom_data naming a user that does not exist is not trusted", async () => {
      const event = subscriptionEvent("subscription.created", { userId: "ghost-user" });
      expect((await send(event)).body.status).to.equal("unmatched");
      expect((await db().doc("users/ghost-user").get()).exists).to.equal(false);
    });

    it("by email through the Paddle API (SDK customers.get) when an API key is set", async () => {
      const customerId = paddleId("ctm");
      let requests = 0;
      const server: Server = createServer((req, res) => {
        requests += 1;
        const ok = req.url === `/customers/${customerId}` && req.headers.authorization?.toLowerCase() === "bearer pdl_sdbx_apikey_test";
        res.writeHead(ok ? 200 : 404, { "content-type": "application/json" });
        res.end(
          JSON.stringify(
            ok
              ? {
                  data: { id: customerId, name: null, email: "payer@example.com", marketing_consent: false, status: "active", custom_data: null, locale: "en", created_at: "2024-04-01T10:00:00Z", updated_at: "2024-04-01T10:00:00Z", import_meta: null },
                  meta: { request_id: "req_1" },
                }
              : { error: { type: "request_error", code: "not_found", detail: "no", documentation_url: "" }, meta: { request_id: "req_2" } },
          ),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const { uid } = await auth().createUser({ email: "payer@example.com" });
        const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const ctx = context({ directory: paddleCustomerDirectory("pdl_sdbx_apikey_test", baseUrl) });
        const res = await send(subscriptionEvent("subscription.created", { customerId, userId: null }), ctx);
        expect(res.body.status).to.equal("applied");
        expect((await state(uid)).plan).to.equal("pro"); // profile created for a user who never opened the app
        expect((await db().doc(`paddle_customers/${customerId}`).get()).get("resolved_via")).to.equal("email");
        await send(subscriptionEvent("subscription.updated", { customerId, userId: null, priceId: LOCAL_PRICES.business }), ctx);
        expect((await state(uid)).plan).to.equal("business");
        expect(requests).to.equal(1); // the second event used the stored mapping
        const unknown = await send(subscriptionEvent("subscription.created", { customerId: paddleId("ctm"), userId: null }), ctx);
        expect(unknown.body.status).to.equal("unmatched");
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  it("a transient Firestore failure answers 5xx so that Paddle retries", async () => {
    await newUser("flaky");
    const event = subscriptionEvent("subscription.created", { userId: "flaky" });
    const { body, signature } = signedDelivery(event);
    const failing = context();
    failing.db = new Proxy(db(), {
      get(target, prop, receiver) {
        if (prop === "doc") {
          return () => {
            throw Object.assign(new Error("14 UNAVAILABLE: emulator gone"), { code: 14 });
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const res = await deliver(body, signature, failing);
    expect(res.status).to.equal(503);
    // Redelivered once Firestore is back: applied.
    expect((await send(event)).body.status).to.equal("applied");
  });

  it("applyPaddleEvent is usable without HTTP (normalised SDK entity in, result out)", async () => {
    await newUser("direct");
    const d = signedDelivery(subscriptionEvent("subscription.activated", { userId: "direct", priceId: LOCAL_PRICES.starter }));
    const event = normalizeEvent(await verifyPaddleWebhook(Buffer.from(d.body), d.signature, [LOCAL_WEBHOOK_SECRET]));
    const result = await applyPaddleEvent(context(), event);
    expect(result).to.include({ status: "applied", userId: "direct", planBefore: "free", planAfter: "starter" });
  });
});
