// Paddle-Signature verification: our strict pre-check (node:crypto) and the
// SDK's unmarshal behind it, on bodies signed with the real scheme.
import { expect } from "chai";
import { createHmac } from "node:crypto";
import { verifyPaddleWebhook, WebhookRejected } from "../../src/billing/paddle";
import { parseSecrets, parseSignatureHeader, verifySignature } from "../../src/billing/signature";
import { LOCAL_WEBHOOK_SECRET, signPaddle, signedDelivery, subscriptionEvent } from "../../../tools/paddle/events";
import { rejectionOf } from "../support/functions";

const SECRET = LOCAL_WEBHOOK_SECRET;
const body = Buffer.from('{"event_id":"evt_1"}');
const nowSec = 1_750_000_000;
const nowMs = nowSec * 1000;

const rejection = (promise: Promise<unknown>) => rejectionOf(promise, WebhookRejected);

describe("billing: Paddle-Signature", () => {
  it("matches Paddle's published scheme: HMAC-SHA256 of `ts:body`, hex", () => {
    const expected = createHmac("sha256", SECRET).update(`${nowSec}:${body.toString()}`).digest("hex");
    expect(signPaddle(body, SECRET, nowSec)).to.equal(`ts=${nowSec};h1=${expected}`);
    expect(verifySignature(body, `ts=${nowSec};h1=${expected}`, [SECRET], nowMs)).to.deep.include({ ok: true, ts: nowSec });
  });

  it("parses strictly", () => {
    const h1 = "a".repeat(64);
    expect(parseSignatureHeader(`ts=${nowSec};h1=${h1}`)).to.deep.equal({ ts: nowSec, h1: [h1] });
    expect(parseSignatureHeader(`ts=${nowSec};h1=${h1.toUpperCase()};h1=${"b".repeat(64)}`)).to.deep.equal({ ts: nowSec, h1: [h1, "b".repeat(64)] });
    expect(parseSignatureHeader(`ts=${nowSec};h1=${h1};h2=whatever`)?.h1).to.deep.equal([h1]);
    for (const bad of [
      "",
      `h1=${h1}`,
      `ts=${nowSec}`,
      `ts=${nowSec}abc;h1=${h1}`,
      `ts=0${nowSec};h1=${h1}`,
      `ts=${nowSec};ts=${nowSec};h1=${h1}`,
      `ts=${nowSec};h1=${h1.slice(1)}`,
      `ts=${nowSec};h1=${"z".repeat(64)}`,
      `ts=${nowSec};;h1=${h1}`,
      `ts=${nowSec};h1=${h1};`.padEnd(5000, "x"),
    ]) {
      expect(parseSignatureHeader(bad), bad.slice(0, 60)).to.equal(null);
    }
  });

  it("rejects missing, malformed, forged, stale, future and truncated", () => {
    const good = signPaddle(body, SECRET, nowSec);
    expect(verifySignature(body, undefined, [SECRET], nowMs)).to.deep.equal({ ok: false, reason: "missing" });
    expect(verifySignature(body, "garbage", [SECRET], nowMs)).to.deep.equal({ ok: false, reason: "malformed" });
    expect(verifySignature(body, signPaddle(body, "pdl_ntfset_attacker", nowSec), [SECRET], nowMs)).to.deep.equal({ ok: false, reason: "mismatch" });
    // Exactly at the default 300 s tolerance is accepted, one millisecond later is not; the tolerance is a parameter.
    expect(verifySignature(body, good, [SECRET], nowMs + 300_000).ok).to.equal(true);
    expect(verifySignature(body, good, [SECRET], nowMs + 300_001)).to.deep.equal({ ok: false, reason: "stale" });
    expect(verifySignature(body, good, [SECRET], nowMs + 5_001, 5)).to.deep.equal({ ok: false, reason: "stale" });
    expect(verifySignature(body, good, [SECRET], nowMs - 5001)).to.deep.equal({ ok: false, reason: "future" });
    expect(verifySignature(body.subarray(0, body.length - 1), good, [SECRET], nowMs)).to.deep.equal({ ok: false, reason: "mismatch" });
    // A signature moved to another timestamp is a different message.
    expect(verifySignature(body, good.replace(`ts=${nowSec}`, `ts=${nowSec + 1}`), [SECRET], nowMs)).to.deep.equal({ ok: false, reason: "mismatch" });
  });

  it("secret rotation: any h1 may match any configured secret", () => {
    const both = signPaddle(body, ["pdl_ntfset_new", "pdl_ntfset_old"], nowSec);
    expect(verifySignature(body, both, ["pdl_ntfset_old"], nowMs)).to.deep.include({ ok: true, secretIndex: 0 });
    expect(verifySignature(body, signPaddle(body, "pdl_ntfset_old", nowSec), ["pdl_ntfset_new", "pdl_ntfset_old"], nowMs)).to.deep.include({
      ok: true,
      secretIndex: 1,
    });
    expect(verifySignature(body, both, ["pdl_ntfset_other"], nowMs).ok).to.equal(false);
    expect(parseSecrets(" pdl_ntfset_new,pdl_ntfset_old \n")).to.deep.equal(["pdl_ntfset_new", "pdl_ntfset_old"]);
    expect(parseSecrets("")).to.deep.equal([]);
  });

  describe("through the SDK's parser (Webhooks.fromJson)", () => {
    const event = subscriptionEvent("subscription.updated", { userId: "u1" });

    it("returns the typed event for a valid delivery, also when the SDK would pick the wrong h1", async () => {
      const { body: raw } = signedDelivery(event);
      // The SDK keeps the last h1 only: with the matching one first, it alone would refuse this header.
      const header = signPaddle(raw, [SECRET, "pdl_ntfset_previous"]);
      const entity = await verifyPaddleWebhook(Buffer.from(raw), header, [SECRET]);
      expect(entity.eventType).to.equal("subscription.updated");
      expect(entity.eventId).to.equal(event.event_id);
      // Signed 60 s ago (queued behind a cold start): the SDK's unmarshal refuses it (5 s), our 300 s tolerance does not.
      const late = signPaddle(raw, SECRET, Math.floor(Date.now() / 1000) - 60);
      expect((await verifyPaddleWebhook(Buffer.from(raw), late, [SECRET])).eventId).to.equal(event.event_id);
      expect((await rejection(verifyPaddleWebhook(Buffer.from(raw), late, [SECRET], Date.now(), 30))).status).to.equal(401);
    });

    it("401 for a bad signature, 400 for a signed body that is not an event, 500 with no secret", async () => {
      const forged = signedDelivery(event, "pdl_ntfset_attacker");
      expect((await rejection(verifyPaddleWebhook(Buffer.from(forged.body), forged.signature, [SECRET]))).status).to.equal(401);
      const notJson = signedDelivery({});
      const raw = "{not json";
      expect((await rejection(verifyPaddleWebhook(Buffer.from(raw), signPaddle(raw), [SECRET]))).status).to.equal(400);
      const shapeless = { event_id: "evt_x", event_type: "subscription.updated", occurred_at: new Date().toISOString(), data: {} };
      const d = signedDelivery(shapeless);
      expect((await rejection(verifyPaddleWebhook(Buffer.from(d.body), d.signature, [SECRET]))).status).to.equal(400);
      expect((await rejection(verifyPaddleWebhook(Buffer.from(notJson.body), notJson.signature, []))).status).to.equal(500);
      expect((await rejection(verifyPaddleWebhook(undefined, notJson.signature, [SECRET]))).status).to.equal(401);
    });
  });
});
