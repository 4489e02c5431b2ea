import { expect } from "chai";
import { redact } from "../../src/ai/gemini/redact";
import { answerText, extractJson, usageOf } from "../../src/ai/gemini/response";
import { backoffMs, DEFAULT_RETRY, parseRetryAfter, parseRetryDelay } from "../../src/ai/gemini/retry";
import { classifyFailure } from "../../src/ai/gemini/transport";
import { AiEmptyResponseError, AiMalformedResponseError, AiSafetyBlockError } from "../../src/ai/errors";

describe("ai/gemini building blocks", () => {
  it("backs off exponentially with full jitter, capped, and honours a server delay", () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffMs(0, policy, undefined, () => 0.999)).to.equal(100);
    expect(backoffMs(3, policy, undefined, () => 0.5)).to.equal(400);
    expect(backoffMs(10, policy, undefined, () => 0.999)).to.equal(999);
    expect(backoffMs(0, policy, undefined, () => 0)).to.equal(0);
    expect(backoffMs(2, policy, 5_000, () => 0)).to.equal(5_000);
    expect(parseRetryAfter("7")).to.equal(7_000);
    expect(parseRetryAfter("0.25")).to.equal(250);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).to.equal(6_000);
    expect(parseRetryAfter("soon")).to.equal(undefined);
    expect(parseRetryDelay('{"error":{"details":[{"retryDelay":"17s"}]}}')).to.equal(17_000);
  });

  it("redacts keys from anything that could be logged", () => {
    const key = "AIzaSyA1234567890abcdefghijklmnopqrstuv";
    const text = `GET https://x/v1beta/models/m?key=${key} x-goog-api-key: ${key} other=secretvalue`;
    const clean = redact(text, ["secretvalue"]);
    expect(clean).to.not.include(key);
    expect(clean).to.not.include("secretvalue");
  });

  it("maps SDK and network failures without keeping their messages", () => {
    const key = "AIzaSyA1234567890abcdefghijklmnopqrstuv";
    const limited = classifyFailure(Object.assign(new Error(`{"error":{"retryDelay":"3s"}} key=${key}`), { status: 429 }), undefined, [key]);
    expect(limited).to.include({ reason: "rate_limited", retryable: true, status: 429, retryAfterMs: 3_000 });
    expect(limited.message + limited.detail).to.not.include(key);
    expect(classifyFailure(Object.assign(new Error("bad"), { status: 400 }), undefined, [])).to.include({ reason: "rejected", retryable: false });
    expect(classifyFailure(Object.assign(new Error("x"), { name: "AbortError" }), undefined, [])).to.include({ reason: "timeout", retryable: true });
    expect(classifyFailure(new TypeError("fetch failed"), undefined, [])).to.include({ reason: "network", retryable: true });
  });

  it("reads answers: refusals, empty candidates, fenced JSON, thinking tokens", () => {
    expect(() => answerText({ promptFeedback: { blockReason: "PROHIBITED_CONTENT" } })).to.throw(AiSafetyBlockError);
    expect(() => answerText({ candidates: [{ finishReason: "SPII" }] })).to.throw(AiSafetyBlockError);
    expect(() => answerText({ candidates: [] })).to.throw(AiEmptyResponseError);
    expect(() => answerText({ candidates: [{ finishReason: "STOP", content: { parts: [{ text: "  " }] } }] })).to.throw(AiEmptyResponseError);
    expect(extractJson('```json\n{"a":1}\n```')).to.deep.equal({ a: 1 });
    expect(extractJson('Sure! Here it is: {"a":[1]} Hope this helps')).to.deep.equal({ a: [1] });
    expect(() => extractJson("not json at all")).to.throw(AiMalformedResponseError);
    expect(usageOf({ usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, thoughtsTokenCount: 7 } })).to.deep.equal({
      calls: 1,
      inputTokens: 10,
      outputTokens: 12,
      thinkingTokens: 7,
    });
  });
});
