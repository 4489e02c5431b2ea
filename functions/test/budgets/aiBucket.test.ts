// The project-wide Gemini budget: the split arithmetic (pure), and the shared
// Firestore bucket on the emulator with several "instances" (separate provider
// objects, each with its own bucket object) calling the Gemini stand-in.
import { expect } from "chai";
import { HttpsError } from "firebase-functions/v2/https";
import { AiBudgetExhaustedError, lanesOf, schedule, SharedAiBucket } from "../../src/core/budgets/aiBucket";
import { aiBudgetFromEnv, analysisDispatchesPerSecond, analysisQueueRates, LATENCY_ALLOWANCE_MS, poolLimits, type AiBudgetInput } from "../../src/core/budgets/aiShares";
import { db } from "../../src/core/firebase";
import { generateReplies } from "../../src/replies/service";
import { resetFirestore } from "../support/emulators";
import { callError } from "../support/functions";
import { standIn, testGemini } from "../support/gemini";

const WINDOW_MS = 60_000;

/** The most timestamps inside any closed 60 s window. */
function peakPerMinute(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while (sorted[last] - sorted[first] > WINDOW_MS) first += 1;
    peak = Math.max(peak, last - first + 1);
  }
  return peak;
}

/** A seeded generator, so a failing case can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

describe("AI budget", function () {
  this.timeout(120_000);

  describe("the split (pure)", () => {
    const base: AiBudgetInput = { rpm: 60, interactiveShare: 0.2, finalizeShare: 0.1 };

    it("reserves the interactive and finalize shares, with a small burst", () => {
      expect(poolLimits(base, "interactive").requests).to.deep.equal({ perMinute: 12, burst: 2 });
      expect(poolLimits(base, "finalize").requests).to.deep.equal({ perMinute: 6, burst: 1 });
      expect(poolLimits({ ...base, rpm: 10 }, "interactive").requests).to.deep.equal({ perMinute: 2, burst: 1 });
      expect(poolLimits({ ...base, rpm: 0 }, "interactive").requests).to.equal(null);
      expect(poolLimits({ ...base, tpm: 100_000 }, "interactive").tokens).to.deep.equal({ perMinute: 20_000, burst: 0 });
    });

    it("a greedy caller on the bucket never exceeds its share in any 60 s window", () => {
      for (const rpm of [5, 15, 30, 60, 100, 1_000, 4_000]) {
        const limits = poolLimits({ ...base, rpm }, "interactive");
        const lanes = lanesOf(limits);
        const random = lcg(rpm);
        let state = { requestsTat: 0, tokensTat: 0 };
        const starts: number[] = [];
        let now = 0;
        // Arrivals in bursts and lulls over ten minutes; each books the earliest slot it is given.
        // Bursts and lulls for five minutes, then callers arriving faster than any share for five more.
        while (now < 10 * WINDOW_MS) {
          now += now < 5 * WINDOW_MS ? (random() < 0.05 ? random() * 20_000 : random() * 50) : random() * 5;
          const next = schedule(state, now, 0, lanes);
          state = next;
          starts.push(next.startAt);
        }
        const allowed = limits.requests!.perMinute;
        expect(peakPerMinute(starts.filter((t) => t < 10 * WINDOW_MS)), `rpm ${rpm}`).to.be.at.most(allowed);
        // …and it is not wasteful: a saturated bucket gives most of the share.
        const inLastMinutes = starts.filter((t) => t >= 5 * WINDOW_MS && t < 10 * WINDOW_MS).length;
        expect(inLastMinutes, `rpm ${rpm}`).to.be.at.least(Math.floor(allowed * 5 * 0.85));
      }
    });

    it("the analysis queue's rate plus both pools stays under the RPM (and TPM)", () => {
      for (const rpm of [10, 15, 30, 60, 300, 2_000]) {
        const input = { ...base, rpm };
        const rate = analysisDispatchesPerSecond(input);
        // The Cloud Tasks emulator's bucket holds max(rate, 1.1) tokens: its most in a minute.
        const queuePeak = Math.floor(Math.max(rate, 1.1)) + Math.floor(rate * 60);
        const pools = poolLimits(input, "interactive").requests!.perMinute + poolLimits(input, "finalize").requests!.perMinute;
        expect(queuePeak + pools, `rpm ${rpm}`).to.be.at.most(rpm);
        expect(queuePeak + pools, `rpm ${rpm}`).to.be.at.least(Math.floor(rpm * 0.85) - 2);
      }
      // Two queues (paid and free plans' batches): each has its own burst, and together they still fit.
      for (const rpm of [15, 30, 60, 600]) {
        const input = { ...base, rpm };
        const rates = analysisQueueRates(input, { paid: 0.75, free: 0.25 });
        const peak = Object.values(rates).reduce((sum, rate) => sum + Math.floor(Math.max(rate, 1.1)) + Math.floor(rate * 60), 0);
        const pools = poolLimits(input, "interactive").requests!.perMinute + poolLimits(input, "finalize").requests!.perMinute;
        expect(peak + pools, `two queues, rpm ${rpm}`).to.be.at.most(rpm);
        expect(rates.paid).to.be.greaterThan(rates.free);
      }
      const byTokens = analysisDispatchesPerSecond({ ...base, rpm: 1_000, tpm: 70_000, tokensPerBatch: 7_000 });
      expect(byTokens * 60).to.be.below(7).and.above(5); // 70 % of 70,000 TPM / 7,000 per batch = 7 a minute
      expect(() => analysisDispatchesPerSecond({ ...base, tpm: 1_000 })).to.throw(/tokensPerBatch/);
    });

    it("reads the same figures from the environment for deploy-time queue options, with the params' defaults", () => {
      expect(aiBudgetFromEnv({})).to.deep.equal({ rpm: 60, tpm: 0, interactiveShare: 0.2, finalizeShare: 0.1 });
      expect(aiBudgetFromEnv({ AI_REQUESTS_PER_MINUTE: "15", AI_INTERACTIVE_PERCENT: "30", AI_TOKENS_PER_MINUTE: "" })).to.deep.equal({
        rpm: 15,
        tpm: 0,
        interactiveShare: 0.3,
        finalizeShare: 0.1,
      });
    });
  });

  describe("the shared bucket (Firestore emulator)", () => {
    beforeEach(async () => {
      await resetFirestore();
      await standIn.reset();
    });

    it("several instances' callers together never exceed the interactive share in any 60 s window; the rest get resource-exhausted with retryAfter", async () => {
      // Time runs SPEED× faster than the wall clock so that two minutes of budget take 30 s.
      // The stand-in's receive times are converted the same way, so the check is on what Gemini saw.
      const SPEED = 4;
      // The SDK is loaded on the first call, after the gate: load it first so its import time is not read as (sped-up) latency.
      await import("@google/genai");
      const t0 = Date.now();
      const now = () => t0 + (Date.now() - t0) * SPEED;
      const toVirtual = (real: number) => t0 + (real - t0) * SPEED;
      const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms / SPEED));
      const input: AiBudgetInput = { rpm: 30, interactiveShare: 0.2, finalizeShare: 0.1 };
      const share = poolLimits(input, "interactive");
      const allowed = share.requests!.perMinute; // 6
      // The latency allowance covers real time (a booking's commit, the HTTP request), which runs SPEED× longer here too.
      const instances = Array.from({ length: 3 }, () =>
        testGemini({ gate: new SharedAiBucket(db(), "interactive", share, { maxWaitMs: 5_000, now, sleep, allowanceMs: LATENCY_ALLOWANCE_MS * SPEED }) }),
      );
      const refusals: HttpsError[] = [];
      let granted = 0;
      const until = now() + 2 * WINDOW_MS;
      const worker = async (provider: (typeof instances)[number]) => {
        while (now() < until) {
          try {
            await provider.draftReplies({ comment: { text: "Great video, thanks!" }, tone: "friendly", count: 1 });
            granted += 1;
          } catch (err) {
            if (!(err instanceof HttpsError)) throw err;
            refusals.push(err);
            await sleep(Math.min((err.details as { retryAfterSeconds: number }).retryAfterSeconds * 1000, 5_000));
          }
        }
      };
      await Promise.all(instances.flatMap((provider) => Array.from({ length: 4 }, () => worker(provider))));

      const seen = (await standIn.requests()).map((r) => toVirtual(Date.parse(r.at)));
      expect(seen).to.have.length(granted);
      expect(peakPerMinute(seen)).to.be.at.most(allowed);
      // Two minutes of a 6-a-minute budget, shared by 12 eager callers: most of it is used.
      expect(granted).to.be.at.least(allowed + 3);
      expect(refusals.length).to.be.greaterThan(0);
      for (const err of refusals) {
        expect(err.code).to.equal("resource-exhausted");
        expect(err.details).to.deep.include({ error: "ai_budget_exhausted", pool: "interactive" });
        expect((err.details as { retryAfterSeconds: number }).retryAfterSeconds).to.be.greaterThan(0);
      }
    });

    it("a burst of 40 callers on 4 instances: the burst is served, the others refused at once; contention is measured", async () => {
      const limits = poolLimits({ rpm: 60, interactiveShare: 0.2, finalizeShare: 0.1 }, "interactive");
      const buckets = Array.from({ length: 4 }, () => new SharedAiBucket(db(), "interactive", limits, { maxWaitMs: 0 }));
      const started = Date.now();
      const settled = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => buckets[i % 4].acquire()));
      const elapsed = Date.now() - started;
      const refused = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as unknown] : []));
      expect(settled.length - refused.length).to.equal(limits.requests!.burst);
      for (const err of refused) {
        expect(err).to.be.instanceOf(AiBudgetExhaustedError);
        expect((err as AiBudgetExhaustedError).code).to.equal("resource-exhausted");
        expect((err as AiBudgetExhaustedError).retryAfterMs).to.be.greaterThan(0);
      }
      console.log(`      40 concurrent acquires on one bucket document from 4 instances: ${elapsed} ms`);
    });

    it("a caller within maxWait waits for its slot instead of failing", async () => {
      const limits = poolLimits({ rpm: 60, interactiveShare: 0.2, finalizeShare: 0.1 }, "interactive");
      const bucket = new SharedAiBucket(db(), "interactive", limits, { maxWaitMs: 10_000 });
      const started = Date.now();
      await Promise.all([bucket.acquire(), bucket.acquire(), bucket.acquire()]); // burst 2, then one slot later
      expect(Date.now() - started).to.be.at.least(4_000);
    });

    it("generateReplies over budget answers resource-exhausted with retryAfterSeconds, not internal, and drafts nothing", async () => {
      const limits = poolLimits({ rpm: 60, interactiveShare: 0.2, finalizeShare: 0.1 }, "interactive");
      await db().doc("budgets/ai_interactive").set({ pool: "interactive", requestsTat: Date.now() + 120_000, tokensTat: 0 });
      const gate = new SharedAiBucket(db(), "interactive", limits, { maxWaitMs: 1_000 });
      const err = await callError(
        generateReplies({ db: db(), provider: () => Promise.resolve(testGemini({ gate })), perMinute: 20 }, "busy-user", { comment: { text: "Love it" }, tone: "friendly", count: 2 }),
      );
      expect(err.code).to.equal("resource-exhausted");
      expect(err.details).to.deep.include({ error: "ai_budget_exhausted" });
      expect((err.details as { retryAfterSeconds: number }).retryAfterSeconds).to.be.within(100, 125);
      expect(await standIn.requests()).to.have.length(0);
    });
  });
});
