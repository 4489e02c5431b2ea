// The Paddle webhook in-process against the Firestore and Auth emulators:
// signed deliveries through the real verification path, the event applied
// once and never backwards, plans and limits following the subscription.
import { expect } from "chai";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Timestamp } from "firebase-admin/firestore";
import { applyPaddleEvent, eventRef } from "../../src/billing/apply";
import { runCustomerTask } from "../../src/billing/customerTask";
import { normalizeEvent } from "../../src/billing/events";
import { paddleCustomerDirectory, verifyPaddleWebhook } from "../../src/billing/paddle";
import { priceMap } from "../../src/billing/prices";
import { resetDueUsage } from "../../src/billing/reset";
import type { SubscriptionDoc } from "../../src/billing/state";
import { handlePaddleWebhook, type WebhookContext } from "../../src/billing/webhook";
import { auth, db } from "../../src/core/firebase";
import { addMonths, usageRef, type UsageDoc } from "../../src/core/planUsage";
import { ensureUser } from "../../src/core/profiles";
import { deleteAccount } from "../../src/users/service";
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

/** Customers whose tasks the webhook queued (the task itself runs in the tests that need it). */
const queued: string[] = [];

function context(overrides: Partial<WebhookContext> = {}): WebhookContext {
  return {
    db: db(),
    auth: auth(),
    prices: priceMap({ starter: LOCAL_PRICES.starter, pro: `${LOCAL_PRICES.pro},${LOCAL_PRICES.proYearly}`, business: LOCAL_PRICES.business }),
    directory: null,
    secrets: [LOCAL_WEBHOOK_SECRET],
    now: () => new Date(),
    enqueueCustomerTask: (customerId) => {
      queued.push(customerId);
      return Promise.resolve();
    },
    ...overrides,
  };
}

/** The Paddle customer of each test user, mapped as getCheckoutCustomer would. */
const customers = new Map<string, string>();

/** A subscription event of the test user named in `userId` (as its mapped customer, custom_data left as given). */
function subEvent(type: string, options: Parameters<typeof subscriptionEvent>[1] = {}): ReturnType<typeof subscriptionEvent> {
  const customerId = options.customerId ?? (options.userId ? customers.get(options.userId) : undefined);
  return subscriptionEvent(type, { ...options, customerId });
}

function txnEvent(type: string, options: Parameters<typeof transactionEvent>[1] = {}): ReturnType<typeof transactionEvent> {
  const customerId = options.customerId ?? (options.userId ? customers.get(options.userId) : undefined);
  return transactionEvent(type, { ...options, customerId });
}

function deliver(body: string, signature: string | undefined, ctx = context()) {
  return handlePaddleWebhook({ method: "POST", rawBody: Buffer.from(body), signature }, ctx);
}

function send(event: object, ctx = context()) {
  const d = signedDelivery(event);
  return deliver(d.body, d.signature, ctx);
}

async function newUser(uid: string, counters: Partial<UsageDoc["counters"]> = {}, now = new Date()) {
  await ensureUser(db(), uid, { email: `${uid}@example.com` }, now);
  await usageRef(db(), uid).update({ counters: { videos: 0, ai_questions: 0, replies: 0, ...counters } });
  const customerId = `ctm_${uid.replace(/-/g, "_")}`;
  customers.set(uid, customerId);
  await db().doc(`paddle_customers/${customerId}`).set({ userId: uid, customer_id: customerId, resolved_via: "checkout", created_at: Timestamp.now() });
}

/** The user's plan, usage, and their most recently updated subscription document. */
async function state(uid: string) {
  const [profile, usage, subs] = await Promise.all([
    db().doc(`users/${uid}`).get(),
    usageRef(db(), uid).get(),
    db().collection(`users/${uid}/subscriptions`).orderBy("updated_at", "desc").limit(1).get(),
  ]);
  return { plan: profile.get("plan") as string, usage: usage.data() as UsageDoc, sub: subs.docs[0]?.data() as SubscriptionDoc | undefined, subRef: subs.docs[0]?.ref };
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
      const event = subEvent("subscription.created", { userId: "nobody" });
      const { body, signature } = signedDelivery(event);
      expect((await handlePaddleWebhook({ method: "GET", rawBody: undefined, signature: undefined }, context())).status).to.equal(405);
      expect((await deliver(body, undefined)).status).to.equal(401);
      expect((await deliver(body, "ts=1;h1=nothex")).status).to.equal(401);
      expect((await deliver(body, signPaddle(body, "pdl_ntfset_forged"))).status).to.equal(401);
      expect((await deliver(body, signPaddle(body, LOCAL_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 301))).status).to.equal(401);
      expect((await deliver(body.slice(0, -10), signature)).status).to.equal(401);
      const tampered = body.replace('"status":"active"', '"status":"canceled"');
      expect((await deliver(tampered, signature)).status).to.equal(401);
      const garbage = '{"hello":"world"}';
      expect((await deliver(garbage, signPaddle(garbage))).status).to.equal(400);
      // Nothing of a rejected delivery was stored.
      expect(await record(event.event_id)).to.equal(undefined);
    });

    it("500 (Paddle retries) when no secret is configured", async () => {
      const { body, signature } = signedDelivery(subEvent("subscription.created"));
      expect((await deliver(body, signature, context({ secrets: [] }))).status).to.equal(500);
    });

    it("acknowledges and records an event type it does not handle", async () => {
      const event = { ...subEvent("subscription.imported"), event_type: "customer.updated", data: { id: paddleId("ctm"), email: "x@example.com" } };
      const res = await send(event);
      expect(res).to.deep.include({ status: 200 });
      expect(await record(event.event_id)).to.include({ status: "ignored", outcome: "unhandled_type", userId: null });
    });
  });

  describe("applied once, never backwards", () => {
    it("a replayed delivery (same event, fresh signature) changes nothing the second time", async () => {
      await newUser("replay", { videos: 1, ai_questions: 0 });
      const event = subEvent("subscription.created", { userId: "replay" });
      expect((await send(event)).body).to.deep.equal({ received: true, status: "applied" });
      const first = await (await state("replay")).subRef.get();
      expect((await send(event)).body).to.deep.equal({ received: true, status: "duplicate" });
      const second = await (await state("replay")).subRef.get();
      expect(second.updateTime!.isEqual(first.updateTime!)).to.equal(true);
    });

    it("20 concurrent deliveries of one event: one record, one state change", async () => {
      await newUser("herd");
      const event = subEvent("subscription.created", { userId: "herd", priceId: LOCAL_PRICES.business });
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
      expect(s.usage.limits).to.deep.equal({ videos: 50, ai_questions: null, replies: null, comments_per_video: 10_000 });
      expect(s.sub!.last_event_id).to.equal(event.event_id);
    });

    it("subscription.updated delivered before an older subscription.created: the newer state stays", async () => {
      await newUser("ooo");
      const subscriptionId = paddleId("sub");
      const customerId = customers.get("ooo");
      const t0 = new Date(Date.now() - 60_000);
      const created = subEvent("subscription.created", { userId: "ooo", subscriptionId, customerId, occurredAt: t0, priceId: LOCAL_PRICES.pro });
      const updated = subEvent("subscription.updated", {
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
      const res = await send(subEvent("subscription.created", { userId: "upgrader", priceId: LOCAL_PRICES.pro }));
      expect(res.body.status).to.equal("applied");
      const after = await state("upgrader");
      expect(after.plan).to.equal("pro");
      expect(after.usage.plan).to.equal("pro");
      expect(after.usage.limits).to.deep.equal({ videos: 20, ai_questions: 75, replies: 500, comments_per_video: 3_000 });
      expect(after.usage.counters).to.deep.equal({ videos: 1, ai_questions: 2, replies: 0 });
      expect(after.usage.period_start.isEqual(before.usage.period_start)).to.equal(true);
      expect(after.usage.period_end.isEqual(before.usage.period_end)).to.equal(true);
      expect(after.sub).to.include({ status: "active", plan: "pro", entitled_plan: "pro", cancel_at_period_end: false, paddle_price_id: LOCAL_PRICES.pro });
      expect(after.sub!.billing_cycle).to.deep.equal({ interval: "month", frequency: 1 });
      expect(after.sub!.current_period_end).to.be.instanceOf(Timestamp);
    });

    it("a yearly price maps to the same plan; an unknown price keeps the plan already known", async () => {
      await newUser("yearly");
      const subscriptionId = paddleId("sub");
      await send(subEvent("subscription.created", { userId: "yearly", subscriptionId, priceId: LOCAL_PRICES.proYearly, interval: "year" }));
      expect((await state("yearly")).plan).to.equal("pro");
      await send(subEvent("subscription.updated", { userId: "yearly", subscriptionId, priceId: "pri_not_configured" }));
      const s = await state("yearly");
      expect(s.plan).to.equal("pro");
      expect(s.sub).to.include({ paddle_price_id: null });
    });

    it("scheduled cancel keeps pro until period end; the next reset moves the user to free", async () => {
      const start = new Date(Date.now() - 20 * DAY);
      await newUser("leaver", { videos: 3, ai_questions: 5 }, start);
      const subscriptionId = paddleId("sub");
      const customerId = customers.get("leaver");
      const periodEnd = addMonths(start, 1); // Paddle's period and the usage period end together here
      const base = { userId: "leaver", subscriptionId, customerId, periodStart: start, periodEnd };
      await send(subEvent("subscription.created", { ...base, occurredAt: new Date(Date.now() - 60_000) }));
      await send(
        subEvent("subscription.updated", { ...base, occurredAt: new Date(Date.now() - 30_000), scheduledChange: { action: "cancel", effectiveAt: periodEnd } }),
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
      expect(after.usage).to.deep.include({ plan: "free", counters: { videos: 0, ai_questions: 0, replies: 0 } });
      expect(after.usage.limits.videos).to.equal(1);
      expect(after.sub).to.include({ entitled_plan: "free", status: "active", plan: "pro" });

      // Paddle's subscription.canceled then arrives: status recorded, plan stays free.
      await send(subEvent("subscription.canceled", { ...base, status: "canceled" }));
      const canceled = await state("leaver");
      expect(canceled.plan).to.equal("free");
      expect(canceled.sub).to.include({ status: "canceled", access_ends_at: null, entitled_plan: "free" });
    });

    it("subscription.canceled (effective) drops to free at once; usage counters stay", async () => {
      await newUser("quitter", { videos: 4, ai_questions: 1 });
      const subscriptionId = paddleId("sub");
      await send(subEvent("subscription.created", { userId: "quitter", subscriptionId, occurredAt: new Date(Date.now() - 1000) }));
      await send(subEvent("subscription.canceled", { userId: "quitter", subscriptionId, status: "canceled" }));
      const s = await state("quitter");
      expect(s.plan).to.equal("free");
      expect(s.usage.limits.videos).to.equal(1);
      expect(s.usage.counters).to.deep.equal({ videos: 4, ai_questions: 1, replies: 0 });
    });

    it("past_due keeps the plan (grace); paused → free; resumed → the plan again", async () => {
      await newUser("dunning");
      const opts = { userId: "dunning", subscriptionId: paddleId("sub"), priceId: LOCAL_PRICES.starter };
      const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000);
      await send(subEvent("subscription.created", { ...opts, occurredAt: at(0) }));
      await send(txnEvent("transaction.payment_failed", { userId: "dunning", subscriptionId: opts.subscriptionId, occurredAt: at(1) }));
      await send(subEvent("subscription.past_due", { ...opts, status: "past_due", occurredAt: at(2) }));
      let s = await state("dunning");
      expect(s.plan).to.equal("starter");
      expect(s.sub).to.include({ status: "past_due" });
      expect(s.sub!.last_payment).to.include({ status: "failed" });
      await send(subEvent("subscription.paused", { ...opts, status: "paused", occurredAt: at(3) }));
      s = await state("dunning");
      expect(s.plan).to.equal("free");
      expect(s.usage.limits.videos).to.equal(1);
      await send(subEvent("subscription.resumed", { ...opts, occurredAt: at(4) }));
      await send(txnEvent("transaction.completed", { userId: "dunning", subscriptionId: opts.subscriptionId, occurredAt: at(5) }));
      s = await state("dunning");
      expect(s.plan).to.equal("starter");
      expect(s.usage.limits.videos).to.equal(10);
      expect(s.sub!.last_payment).to.include({ status: "completed" });
    });

    it("trialing grants the plan; a payment event alone never changes the plan", async () => {
      await newUser("trial");
      await db().doc("users/trial").update({ plan: "business" }); // e.g. granted by support
      await send(txnEvent("transaction.completed", { userId: "trial" }));
      expect((await state("trial")).plan).to.equal("business");
      await send(subEvent("subscription.trialing", { userId: "trial", status: "trialing", priceId: LOCAL_PRICES.pro }));
      expect((await state("trial")).plan).to.equal("pro");
    });
  });

  describe("finding the user", () => {
    it("an event of an unmapped customer is stored as unmatched, its task queued, and applied once the customer is mapped", async () => {
      await newUser("late");
      const customerId = paddleId("ctm");
      const subscriptionId = paddleId("sub");
      const orphan = subEvent("subscription.created", { customerId, subscriptionId, userId: null, occurredAt: new Date(Date.now() - 5000) });
      queued.length = 0;
      expect((await send(orphan)).body.status).to.equal("unmatched");
      expect(queued).to.deep.equal([customerId]);
      const stored = await record(orphan.event_id);
      expect(stored).to.include({ status: "unmatched", customer_id: customerId, userId: null });
      expect(JSON.stringify(stored)).not.to.contain("4242"); // no card data, only ids and statuses
      // A redelivery is a duplicate, and queues the task again (so a failed enqueue or replay resumes).
      expect((await send(orphan)).body.status).to.equal("duplicate");
      expect(queued).to.deep.equal([customerId, customerId]);
      // The task with no mapping and no API: nothing to do yet.
      expect(await runCustomerTask(context(), customerId)).to.deep.equal({ uid: null, replayed: 0 });
      // getCheckoutCustomer maps the customer; the task replays the stored event.
      await db().doc(`paddle_customers/${customerId}`).set({ userId: "late", customer_id: customerId, resolved_via: "checkout", created_at: Timestamp.now() });
      expect(await runCustomerTask(context(), customerId)).to.deep.equal({ uid: "late", replayed: 1 });
      const s = await state("late");
      expect(s.plan).to.equal("pro");
      expect(s.sub).to.include({ paddle_subscription_id: subscriptionId, status: "active" });
      expect(await record(orphan.event_id)).to.include({ status: "applied", userId: "late" }).and.not.have.property("pending");
      // Run again (a retried task): nothing left to replay.
      expect(await runCustomerTask(context(), customerId)).to.deep.equal({ uid: "late", replayed: 0 });
      await send(subEvent("subscription.canceled", { customerId, subscriptionId, userId: null, status: "canceled" }));
      expect((await state("late")).plan).to.equal("free");
    });

    it("a replay cut short is resumed by the retried task, each event applied once", async () => {
      await newUser("resume");
      const customerId = paddleId("ctm");
      const subscriptionId = paddleId("sub");
      const t0 = Date.now() - 60_000;
      const events = [
        subEvent("subscription.created", { customerId, subscriptionId, userId: null, occurredAt: new Date(t0), priceId: LOCAL_PRICES.starter }),
        subEvent("subscription.updated", { customerId, subscriptionId, userId: null, occurredAt: new Date(t0 + 1000), priceId: LOCAL_PRICES.pro }),
        subEvent("subscription.updated", { customerId, subscriptionId, userId: null, occurredAt: new Date(t0 + 2000), priceId: LOCAL_PRICES.business }),
      ];
      for (const e of events) expect((await send(e)).body.status).to.equal("unmatched");
      await db().doc(`paddle_customers/${customerId}`).set({ userId: "resume", customer_id: customerId, resolved_via: "checkout", created_at: Timestamp.now() });
      // The first run dies after one event (its Firestore starts failing).
      let writes = 0;
      const dying = { ...context(), db: new Proxy(db(), {
        get(target, prop, receiver) {
          if (prop === "batch") {
            return () => {
              writes += 1;
              if (writes > 1) throw Object.assign(new Error("14 UNAVAILABLE: instance gone"), { code: 14 });
              return target.batch();
            };
          }
          return Reflect.get(target, prop, receiver) as unknown;
        },
      }) };
      await runCustomerTask(dying, customerId).then(
        () => expect.fail("the cut-short run must fail, so Cloud Tasks retries it"),
        (err: { code?: number }) => expect(err.code).to.equal(14),
      );
      expect((await state("resume")).plan).to.equal("starter");
      const retried = await runCustomerTask(context(), customerId);
      expect(retried).to.deep.equal({ uid: "resume", replayed: 2 });
      expect((await state("resume")).plan).to.equal("business");
      for (const e of events) expect(await record(e.event_id)).to.include({ status: "applied" });
    });

    it("deleteAccount removes the customer mapping and keeps the event records with the uid removed", async () => {
      await newUser("goner");
      const customerId = customers.get("goner")!;
      const event = subEvent("subscription.created", { userId: "goner", status: "canceled" });
      await send(event);
      expect((await db().doc(`paddle_customers/${customerId}`).get()).exists).to.equal(true);
      await deleteAccount({ db: db(), auth: auth(), billing: null }, "goner");
      expect((await db().doc(`paddle_customers/${customerId}`).get()).exists).to.equal(false);
      expect((await db().collection("paddle_events").where("userId", "==", "goner").get()).size).to.equal(0);
      const kept = await record(event.event_id);
      expect(kept).to.include({ userId: null, customer_id: customerId, event_type: "subscription.created" });
    });

    it("custom_data naming a user, existing or not, identifies no one", async () => {
      await newUser("named");
      const ghost = subEvent("subscription.created", { userId: "ghost-user", customerId: paddleId("ctm") });
      expect((await send(ghost)).body.status).to.equal("unmatched");
      expect((await db().doc("users/ghost-user").get()).exists).to.equal(false);
      const named = subEvent("subscription.created", { userId: "named", customerId: paddleId("ctm") });
      expect((await send(named)).body.status).to.equal("unmatched");
      expect((await state("named")).plan).to.equal("free");
    });

    it("the customer task matches by email through the Paddle API (SDK customers.get), verified emails only", async () => {
      const customerId = paddleId("ctm");
      const unverifiedCustomer = paddleId("ctm");
      let requests = 0;
      const customer = (id: string, email: string) => ({
        data: { id, name: null, email, marketing_consent: false, status: "active", custom_data: null, locale: "en", created_at: "2024-04-01T10:00:00Z", updated_at: "2024-04-01T10:00:00Z", import_meta: null },
        meta: { request_id: "req_1" },
      });
      const server: Server = createServer((req, res) => {
        requests += 1;
        const authOk = req.headers.authorization?.toLowerCase() === "bearer pdl_sdbx_apikey_test";
        const body =
          authOk && req.url === `/customers/${customerId}`
            ? customer(customerId, "payer@example.com")
            : authOk && req.url === `/customers/${unverifiedCustomer}`
              ? customer(unverifiedCustomer, "claimed@example.com")
              : null;
        res.writeHead(body ? 200 : 404, { "content-type": "application/json" });
        res.end(JSON.stringify(body ?? { error: { type: "request_error", code: "entity_not_found", detail: "no", documentation_url: "" }, meta: { request_id: "req_2" } }));
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      try {
        const { uid } = await auth().createUser({ email: "payer@example.com", emailVerified: true });
        const claimed = await auth().createUser({ email: "claimed@example.com", emailVerified: false });
        const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const ctx = context({ directory: paddleCustomerDirectory("pdl_sdbx_apikey_test", baseUrl) });
        const res = await send(subEvent("subscription.created", { customerId, userId: null }), ctx);
        expect(res.body.status).to.equal("unmatched"); // no API call on the request path
        expect(requests).to.equal(0);
        expect(await runCustomerTask(ctx, customerId)).to.deep.equal({ uid, replayed: 1 });
        expect((await state(uid)).plan).to.equal("pro"); // profile created for a user who never opened the app
        expect((await db().doc(`paddle_customers/${customerId}`).get()).get("resolved_via")).to.equal("email");
        await send(subEvent("subscription.updated", { customerId, userId: null, priceId: LOCAL_PRICES.business }), ctx);
        expect((await state(uid)).plan).to.equal("business");
        expect(requests).to.equal(1); // the second event used the stored mapping
        // An unverified email is not proof of anything: that customer stays unmatched.
        await send(subEvent("subscription.created", { customerId: unverifiedCustomer, userId: null }), ctx);
        expect(await runCustomerTask(ctx, unverifiedCustomer)).to.deep.equal({ uid: null, replayed: 0 });
        expect((await db().doc(`users/${claimed.uid}`).get()).exists).to.equal(false);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  it("a transient Firestore failure answers 5xx so that Paddle retries", async () => {
    await newUser("flaky");
    const event = subEvent("subscription.created", { userId: "flaky" });
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
    const d = signedDelivery(subEvent("subscription.activated", { userId: "direct", priceId: LOCAL_PRICES.starter }));
    const event = normalizeEvent(await verifyPaddleWebhook(Buffer.from(d.body), d.signature, [LOCAL_WEBHOOK_SECRET]));
    const result = await applyPaddleEvent(context(), event);
    expect(result).to.include({ status: "applied", userId: "direct", planBefore: "free", planAfter: "starter" });
  });
});
