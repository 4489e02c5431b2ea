// One webhook POST to a checked target: connected to the pinned address (the
// TLS name is still the URL's host), no redirects followed, the answer read up
// to a byte limit and the whole exchange bounded in time. Only the status is
// kept: an endpoint's answer is untrusted and may echo secrets.
import { createHmac } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedTarget } from "./webhookTarget";

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;

export interface SendResult {
  /** HTTP status, or null when no answer came (connection refused, timed out, too large). */
  status: number | null;
  error?: "timeout" | "response_too_large" | "connection";
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: the receiver recomputes it with its secret and checks the age. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

export function sendWebhook(target: ResolvedTarget, body: string, headers: Record<string, string>, options: { timeoutMs?: number; maxBytes?: number } = {}): Promise<SendResult> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? WEBHOOK_MAX_RESPONSE_BYTES;
  const pinned: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) (callback as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const request = target.url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const req = request(
      target.url,
      {
        method: "POST",
        lookup: pinned,
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Lently-Webhooks/1", ...headers },
      },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > maxBytes) done({ status: null, error: "response_too_large" });
        });
        res.on("end", () => done({ status: res.statusCode ?? null }));
        res.on("error", () => done({ status: null, error: "connection" }));
      },
    );
    const timer = setTimeout(() => done({ status: null, error: "timeout" }), timeoutMs);
    req.on("error", () => done({ status: null, error: "connection" }));
    req.end(body);
  });
}
