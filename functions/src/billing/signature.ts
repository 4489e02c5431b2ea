// Our own check of the Paddle-Signature header, run before the SDK's.
//
// `Paddle-Signature: ts=<unix seconds>;h1=<hex HMAC-SHA256 of "<ts>:<raw body>">`.
// The SDK's `webhooks.unmarshal` verifies too, but: it keeps only one `h1`
// (the last one it sees), so a header carrying one signature per secret
// during a rotation can fail; it compares with `===`, which leaks timing; it
// checks age only one way (a timestamp in the future always passes);
// `parseInt` accepts `ts=12abc`; and its window is a fixed 5 s. This module
// parses strictly, accepts any h1 that matches any configured secret,
// compares in constant time, and bounds the timestamp both ways within a
// configurable tolerance; it is the only verification.
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Default maximum age of a signature (PADDLE_SIGNATURE_TOLERANCE_SECONDS).
 * Paddle signs when it sends; deliveries queued behind a cold start or a
 * renewal-day burst arrive late, and the SDK's 5 s refused 19 of 20 genuine
 * concurrent deliveries on the emulators. Replay is refused by the apply-once
 * record (paddle_events/{eventId}), not by the window, which only bounds how
 * long a captured delivery could be re-sent at all: 300 s, as Stripe's default.
 */
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

/** Clock skew we accept for a timestamp ahead of ours (the SDK accepts any). */
export const MAX_FUTURE_SKEW_SECONDS = 5;

const MAX_HEADER_LENGTH = 2048;
const TS = /^[1-9]\d{0,11}$/;
const H1 = /^[0-9a-f]{64}$/;

export interface ParsedSignature {
  ts: number;
  h1: string[];
}

export type SignatureCheck =
  | { ok: true; ts: number; h1: string; secretIndex: number }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "future" | "mismatch" };

/** `ts` exactly once, one or more `h1`; unknown keys (a future scheme) are ignored. Null when malformed. */
export function parseSignatureHeader(header: string): ParsedSignature | null {
  if (header.length > MAX_HEADER_LENGTH) return null;
  let ts: number | null = null;
  const h1: string[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "ts") {
      if (ts !== null || !TS.test(value)) return null;
      ts = Number(value);
    } else if (key === "h1") {
      const hex = value.toLowerCase();
      if (!H1.test(hex)) return null;
      h1.push(hex);
    }
  }
  return ts !== null && h1.length > 0 ? { ts, h1 } : null;
}

/** HMAC-SHA256 over the exact bytes received, prefixed with `<ts>:`. */
export function signatureFor(ts: number, rawBody: Buffer, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${ts}:`).update(rawBody).digest();
}

export function verifySignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: readonly string[],
  nowMs: number,
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: "malformed" };
  if (nowMs > (parsed.ts + toleranceSeconds) * 1000) return { ok: false, reason: "stale" };
  if (parsed.ts * 1000 > nowMs + MAX_FUTURE_SKEW_SECONDS * 1000) return { ok: false, reason: "future" };
  for (const [secretIndex, secret] of secrets.entries()) {
    const expected = signatureFor(parsed.ts, rawBody, secret);
    for (const h1 of parsed.h1) {
      if (timingSafeEqual(expected, Buffer.from(h1, "hex"))) return { ok: true, ts: parsed.ts, h1, secretIndex };
    }
  }
  return { ok: false, reason: "mismatch" };
}

/** The secret param's value as a list: comma- or whitespace-separated, empties dropped. */
export function parseSecrets(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
