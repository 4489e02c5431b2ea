// The one place that talks to @google/genai. The SDK is imported lazily (it
// is heavy, and every function instance loads lib/index.js); its own retries
// stay off because ours know about usage, malformed output and safety splits.
// Every failure leaves here as a TransportFailure with a reason, a status and
// a server-requested delay — never with the SDK's message, which can contain
// the request URL and key.
import type { GoogleGenAI } from "@google/genai";
import type { Prompt } from "../prompts/schema";
import { redact } from "./redact";
import type { RawResponse } from "./response";
import { collectStream } from "./stream";
import { parseRetryAfter, parseRateLimitBody } from "./retry";
import { generationSettings, type OutputBudget } from "./thinking";
import type { AiQuota, UnavailableReason } from "../errors";

export interface Transport {
  /**
   * One generateContent request to `model` for `prompt` with this attempt's output and thinking budget;
   * with `onText`, the answer is streamed (streamGenerateContent) and its text handed on as it arrives.
   */
  generate(model: string, prompt: Prompt, budget: OutputBudget, onText?: (text: string) => void): Promise<RawResponse>;
}

export class TransportFailure extends Error {
  constructor(
    readonly reason: UnavailableReason,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** Redacted and truncated, for logs only. */
    readonly detail = "",
    /** The quota a 429's QuotaFailure named. */
    readonly quota?: AiQuota,
  ) {
    super(`gemini transport failure: ${reason}${status ? ` ${status}` : ""}`);
    this.name = "TransportFailure";
  }
}

/**
 * How the SDK reaches Gemini: `api-key` (the Gemini API with GEMINI_API_KEY)
 * or `vertex` (Vertex AI as the runtime's service account: project and
 * location, no key; google-auth-library finds the credentials, on Cloud
 * Functions the metadata server).
 */
export type AiBackend = "api-key" | "vertex";

export interface SdkTransportOptions {
  backend: AiBackend;
  /** `api-key` only. */
  apiKey?: string;
  /** `vertex` only. */
  project?: string;
  /** `vertex` only. */
  location?: string;
  /** Empty or undefined: Google's endpoint. */
  baseUrl?: string;
  /** Per attempt. */
  timeoutMs: number;
}

/** The SDK client's options for a backend (the key is never part of a Vertex client). */
export function clientOptions(options: SdkTransportOptions): ConstructorParameters<typeof GoogleGenAI>[0] {
  const httpOptions = { ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), timeout: options.timeoutMs };
  return options.backend === "vertex"
    ? { vertexai: true, project: options.project, location: options.location, httpOptions }
    : { apiKey: options.apiKey, httpOptions };
}

const RETRYABLE_STATUS: Record<number, UnavailableReason> = {
  408: "timeout",
  429: "rate_limited",
  500: "server_error",
  502: "server_error",
  503: "server_error",
  504: "server_error",
};

/** Maps anything the SDK or fetch threw to a TransportFailure. */
export function classifyFailure(err: unknown, retryAfterHeaderMs: number | undefined, secrets: readonly string[]): TransportFailure {
  const message = err instanceof Error ? err.message : String(err);
  const detail = redact(message, secrets).slice(0, 300);
  const status = (err as { status?: unknown }).status;
  if (typeof status === "number") {
    const reason = RETRYABLE_STATUS[status];
    // The SDK's ApiError message is the JSON error body: RetryInfo and QuotaFailure live there.
    const body = parseRateLimitBody(message);
    const retryAfterMs = body.retryAfterMs ?? retryAfterHeaderMs;
    // A per-day quota does not come back within any retry window: fail fast.
    const retryable = reason !== undefined && body.quota !== "per_day";
    return reason
      ? new TransportFailure(reason, retryable, status, retryAfterMs, detail, status === 429 ? body.quota : undefined)
      : new TransportFailure("rejected", false, status, undefined, detail);
  }
  const name = (err as { name?: unknown }).name;
  if (name === "AbortError" || name === "TimeoutError") return new TransportFailure("timeout", true, undefined, undefined, detail);
  // fetch's "fetch failed" (connection refused/reset, DNS) and anything else unexpected: worth another try.
  return new TransportFailure("network", true, undefined, undefined, detail);
}

export function sdkTransport(options: SdkTransportOptions): Transport {
  let client: Promise<GoogleGenAI> | undefined;
  const getClient = () =>
    (client ??= import("@google/genai").then(
      ({ GoogleGenAI }) => new GoogleGenAI(clientOptions(options)),
    ));

  return {
    async generate(model, prompt, budget, onText) {
      const ai = await getClient();
      // A fetch of our own for this request only: the SDK's ApiError drops the
      // response headers, and Retry-After lives there.
      let retryAfterMs: number | undefined;
      const fetchKeepingRetryAfter: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (!response.ok) retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
        return response;
      };
      try {
        const request: Parameters<typeof ai.models.generateContent>[0] = {
          model,
          contents: [{ role: "user", parts: [{ text: prompt.user }] }],
          config: {
            systemInstruction: prompt.system,
            responseMimeType: "application/json",
            responseSchema: prompt.schema,
            ...generationSettings(model, budget, prompt.temperature),
            httpOptions: { fetch: fetchKeepingRetryAfter },
          },
        };
        if (onText) return await collectStream(await ai.models.generateContentStream(request), onText);
        const response: RawResponse = await ai.models.generateContent(request);
        return response;
      } catch (err) {
        throw classifyFailure(err, retryAfterMs, options.apiKey ? [options.apiKey] : []);
      }
    },
  };
}
