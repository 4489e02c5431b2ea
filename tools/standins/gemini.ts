// A local stand-in for the Gemini API (generativelanguage, v1beta), reached by
// @google/genai through `httpOptions.baseUrl` (param GEMINI_BASE_URL). It
// answers `POST /v1beta/models/{model}:generateContent` — the route and the
// `x-goog-api-key` header the SDK 2.x uses — reading the request as the real
// API does, from plain JSON, with code of its own (gemini-request.ts: no import
// of Lently's prompt builders or token estimates):
//   * validation: no key → 403; a key not of Google's shape → 400
//     API_KEY_INVALID (Google's body); an unknown generationConfig field, a
//     responseSchema the API cannot use, or a thinking budget the model refuses
//     (0 on a model that cannot turn thinking off) → 400 INVALID_ARGUMENT;
//   * thinking: models that think by default (2.5 Flash, 2.5 Pro, newer) think
//     unless given thinkingBudget 0; the thoughts are reported as
//     `thoughtsTokenCount` and count against maxOutputTokens with the answer,
//     so a small limit ends in finishReason MAX_TOKENS with empty or cut-off JSON;
//   * limits (when configured): requests per minute, input tokens per minute and
//     requests per day, answered like the real API: 429 RESOURCE_EXHAUSTED with
//     google.rpc.QuotaFailure naming the quota and google.rpc.RetryInfo's
//     retryDelay, and no Retry-After header;
//   * scripted replies queued by tests (429 naming a quota, 5xx, safety blocks,
//     MAX_TOKENS, empty or malformed answers, raw text, JSON), consumed in order;
//     rules answer requests by prompt text or task, optionally after skipping some;
//   * otherwise a "smart" answer from Lently's local models, shaped by the
//     request's responseSchema (gemini-smart.ts).
// usageMetadata: promptTokenCount (system + user text + schema JSON, own
// tokenizer), candidatesTokenCount, thoughtsTokenCount; no usage on HTTP
// errors (they are not billed).
//
// Control API (JSON):
//   POST /__script  {responses?: Reply[], rules?: Rule[]}                          queue/add
//   POST /__config  {latencyMs?, requestsPerMinute?, tokensPerMinute?, requestsPerDay?}  change limits
//   GET  /__requests → {requests: Recorded[]}   what it received (newest last, at most 500)
//   GET  /__stats    → counts by outcome and token totals
//   POST /__reset    clears script, rules, requests, stats and config changes
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  budgetOf,
  checkKey,
  checkModel,
  checkRequest,
  countTokens,
  cutToTokens,
  googleError,
  modelRules,
  readBlock,
  systemText,
  taskOf,
  userText,
  type GenerateBody,
  type GoogleError,
  type SchemaNode,
  type StandInTask,
} from "./gemini-request";
import { smartAnswer } from "./gemini-smart";
import { asEventStream } from "./gemini-stream";
import type { StandInEnv, StandInStarter } from "./starter";

/** A quota a 429 can name, as Lently reads it. */
export type QuotaName = "per_minute" | "per_day" | "tokens_per_minute";

/** One scripted reply. Exactly one of the outcome fields is used, in this order of precedence. */
export interface Reply {
  /** HTTP error status (429, 500, 503, 400…). */
  status?: number;
  /** With status 429: the quota the QuotaFailure names (default per_minute). */
  quota?: QuotaName;
  /** With a status: google.rpc.RetryInfo retryDelay in seconds, in the error body. */
  retryDelaySeconds?: number;
  /** With a status: a Retry-After header in seconds (the real Gemini API does not send one; kept for proxies). */
  retryAfter?: number;
  /** promptFeedback.blockReason (e.g. "SAFETY", "PROHIBITED_CONTENT"): no candidates. */
  blockReason?: string;
  /** A candidate with this finishReason and no content (e.g. "SAFETY", "SPII", "RECITATION"). */
  finishReason?: string;
  /** The answer runs out of output tokens: finishReason MAX_TOKENS with the smart answer cut at 60 % (or "empty"). */
  maxTokens?: true | "empty";
  /** candidates: [] */
  empty?: boolean;
  /** The model's text as is (malformed JSON, fenced JSON, prose…). */
  text?: string;
  /** The model's text: this value as JSON. */
  json?: unknown;
  /** The model's text: the first comment's text of the request (an "obedient" model echoing hostile input). */
  echoComment?: boolean;
  /** How much this answer wants to think (capped by the request's thinking budget); default from the prompt's size. */
  thoughtsTokens?: number;
  /** Extra delay before answering, ms. */
  delayMs?: number;
}

export interface Rule {
  /** Matches requests whose system or user text contains this. */
  whenContains?: string;
  /** Matches requests of this task (from the responseSchema's fields). */
  whenTask?: StandInTask;
  reply: Reply;
  /** Matching requests let through (answered normally) before the rule starts answering. */
  skip?: number;
  /** How many requests it answers; unlimited when absent. */
  times?: number;
}

export interface Recorded {
  at: string;
  model: string;
  task: StandInTask | null;
  apiKeyHeader: boolean;
  /** Which route it came by: the Gemini API (`api-key`) or Vertex AI (`vertex`, with a bearer token). */
  backend: "api-key" | "vertex";
  /** It carried an Authorization bearer token. */
  bearer: boolean;
  system: string;
  user: string;
  generationConfig: Record<string, unknown>;
  promptTokens: number;
  /** The thinking budget in force ("dynamic" when unbounded). */
  thinkingBudget: number | "dynamic";
  thoughtsTokens: number;
  finishReason?: string;
  outcome: string;
}

export interface GeminiStandInOptions {
  port?: number;
  latencyMs?: number;
  /** ≤ 0: no limit. */
  requestsPerMinute?: number;
  /** Input tokens per minute; ≤ 0: no limit. */
  tokensPerMinute?: number;
  /** Requests per (rolling) day; ≤ 0: no limit. */
  requestsPerDay?: number;
}

export interface GeminiStandIn {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const MAX_RECORDED = 500;
/** The Gemini API's route (a key in x-goog-api-key). */
const ROUTE = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
/** Vertex AI's route (a bearer token of the caller's service account); the SDK calls v1beta1, the REST docs v1. */
const VERTEX_ROUTE = /^\/v1(?:beta1)?\/projects\/([^/]+)\/locations\/([^/]+)\/publishers\/google\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;
/** The metadata server's token path, as google-auth-library asks it on Cloud Functions (GCE_METADATA_HOST points here locally). */
const METADATA_TOKEN = /^\/computeMetadata\/v1\/instance\/service-accounts\/([^/]+)\/token$/;
/** The service account the local token source speaks for. */
export const STANDIN_SERVICE_ACCOUNT = "lently-functions@demo-lently.iam.gserviceaccount.com";


function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(data), ...headers });
  res.end(data);
}

const sendError = (res: ServerResponse, error: GoogleError, headers: Record<string, string> = {}) => sendJson(res, error.status, error.body, headers);

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

// The quota ids and metrics Google names in a 429's QuotaFailure.
const QUOTAS: Record<QuotaName, { id: string; metric: string; what: string }> = {
  per_minute: { id: "GenerateRequestsPerMinutePerProjectPerModel", metric: "generativelanguage.googleapis.com/generate_content_requests", what: "requests per minute" },
  per_day: { id: "GenerateRequestsPerDayPerProjectPerModel", metric: "generativelanguage.googleapis.com/generate_content_requests", what: "requests per day" },
  tokens_per_minute: { id: "GenerateContentInputTokensPerModelPerMinute", metric: "generativelanguage.googleapis.com/generate_content_input_token_count", what: "input tokens per minute" },
};

/** A 429 as the Gemini API sends it: QuotaFailure naming the quota, Help, RetryInfo; no Retry-After header. */
export function quotaError(model: string, quota: QuotaName, limit: number, retryDelaySeconds: number): GoogleError {
  const q = QUOTAS[quota];
  const message =
    "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n" +
    `* Quota exceeded for metric: ${q.metric}, limit: ${limit}, model: ${model}\nPlease retry in ${retryDelaySeconds}s.`;
  return googleError(429, "RESOURCE_EXHAUSTED", message, [
    {
      "@type": "type.googleapis.com/google.rpc.QuotaFailure",
      violations: [{ quotaMetric: q.metric, quotaId: q.id, quotaDimensions: { location: "global", model }, quotaValue: String(limit) }],
    },
    { "@type": "type.googleapis.com/google.rpc.Help", links: [{ description: "Learn more about Gemini API quotas", url: "https://ai.google.dev/gemini-api/docs/rate-limits" }] },
    { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${retryDelaySeconds}s` },
  ]);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Thoughts a model spends unprompted on a request this size (dynamic thinking grows with the input). */
const dynamicThoughts = (promptTokens: number) => Math.min(8_192, 1_024 + Math.ceil(promptTokens / 2));

interface Limits {
  latencyMs: number;
  requestsPerMinute: number;
  tokensPerMinute: number;
  requestsPerDay: number;
}

export async function startGeminiStandIn(options: GeminiStandInOptions = {}): Promise<GeminiStandIn> {
  const initial: Limits = {
    latencyMs: options.latencyMs ?? 0,
    requestsPerMinute: options.requestsPerMinute ?? 0,
    tokensPerMinute: options.tokensPerMinute ?? 0,
    requestsPerDay: options.requestsPerDay ?? 0,
  };
  let config = { ...initial };
  let queue: Reply[] = [];
  let rules: Rule[] = [];
  let recorded: Recorded[] = [];
  let starts: Array<{ at: number; tokens: number }> = [];
  const freshStats = () => ({ requests: 0, outcomes: {} as Record<string, number>, inputTokens: 0, outputTokens: 0, thoughtsTokens: 0 });
  let stats = freshStats();
  // Arrival times of every request since the last reset: the bench's peak requests per minute.
  let arrivals: number[] = [];

  function nextReply(prompt: string, task: StandInTask | undefined): Reply | undefined {
    for (const rule of rules) {
      if (rule.whenContains !== undefined && !prompt.includes(rule.whenContains)) continue;
      if (rule.whenTask !== undefined && rule.whenTask !== task) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.skip) {
        rule.skip -= 1;
        return {};
      }
      if (rule.times !== undefined) rule.times -= 1;
      return rule.reply;
    }
    return queue.shift();
  }

  /** The quota this request would exceed, with the seconds until it frees; undefined when within every limit. */
  function overLimit(now: number, tokens: number): { quota: QuotaName; limit: number; seconds: number } | undefined {
    starts = starts.filter((s) => s.at > now - 86_400_000);
    const lastMinute = starts.filter((s) => s.at > now - 60_000);
    const freesIn = (list: typeof starts, windowMs: number) => Math.max(1, Math.ceil((list[0].at + windowMs - now) / 1000));
    if (config.requestsPerDay > 0 && starts.length >= config.requestsPerDay) {
      return { quota: "per_day", limit: config.requestsPerDay, seconds: freesIn(starts, 86_400_000) };
    }
    if (config.requestsPerMinute > 0 && lastMinute.length >= config.requestsPerMinute) {
      return { quota: "per_minute", limit: config.requestsPerMinute, seconds: freesIn(lastMinute, 60_000) };
    }
    const used = lastMinute.reduce((sum, s) => sum + s.tokens, 0);
    if (config.tokensPerMinute > 0 && lastMinute.length > 0 && used + tokens > config.tokensPerMinute) {
      return { quota: "tokens_per_minute", limit: config.tokensPerMinute, seconds: freesIn(lastMinute, 60_000) };
    }
    starts.push({ at: now, tokens });
    return undefined;
  }

  // Access tokens this stand-in's metadata route handed out: the only ones its Vertex route accepts.
  const issuedTokens = new Set<string>();

  /** The 401 Vertex AI answers without a valid bearer token, or undefined. */
  function checkBearer(bearer: string | undefined): GoogleError | undefined {
    if (bearer && issuedTokens.has(bearer)) return undefined;
    return bearer
      ? googleError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.")
      : googleError(401, "UNAUTHENTICATED", "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.");
  }

  async function generate(req: IncomingMessage, res: ServerResponse, model: string, backend: "api-key" | "vertex" = "api-key"): Promise<void> {
    // Watched from the start: a client that times out while its request is still being read must not be billed either.
    let clientGone = false;
    res.on("close", () => {
      if (!res.writableFinished) clientGone = true;
    });
    let body: GenerateBody;
    try {
      body = JSON.parse(await readBody(req)) as GenerateBody;
    } catch {
      sendError(res, googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received."));
      return;
    }
    const system = systemText(body);
    const user = userText(body);
    const generationConfig = body.generationConfig ?? {};
    const schema = generationConfig.responseSchema as SchemaNode | undefined;
    const task = taskOf(schema);
    const promptTokens = countTokens(system) + countTokens(user) + (schema === undefined ? 0 : countTokens(JSON.stringify(schema)));
    const key = (req.headers["x-goog-api-key"] as string | undefined) ?? new URL(req.url ?? "/", "http://stand-in").searchParams.get("key") ?? undefined;
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const record: Recorded = {
      at: new Date().toISOString(),
      model,
      task: task ?? null,
      apiKeyHeader: Boolean(req.headers["x-goog-api-key"]),
      backend,
      bearer: bearer !== undefined,
      system,
      user,
      generationConfig,
      promptTokens,
      thinkingBudget: budgetOf(model, body),
      thoughtsTokens: 0,
      outcome: "pending",
    };
    recorded.push(record);
    if (recorded.length > MAX_RECORDED) recorded = recorded.slice(-MAX_RECORDED);
    stats.requests += 1;
    arrivals.push(Date.now());
    const outcome = (name: string) => {
      record.outcome = name;
      stats.outcomes[name] = (stats.outcomes[name] ?? 0) + 1;
    };

    const keyError = backend === "vertex" ? checkBearer(bearer) : checkKey(key);
    if (keyError) {
      outcome(backend === "vertex" ? (bearer ? "bad_token" : "no_token") : keyError.status === 403 ? "no_key" : "bad_key");
      sendError(res, keyError);
      return;
    }
    const unknownModel = checkModel(model);
    if (unknownModel) {
      outcome("unknown_model");
      sendError(res, unknownModel);
      return;
    }
    const invalid = checkRequest(model, body);
    if (invalid) {
      outcome("invalid");
      sendError(res, invalid);
      return;
    }
    const limited = overLimit(Date.now(), promptTokens);
    if (limited) {
      outcome(`rate_limited:${limited.quota}`);
      sendError(res, quotaError(model, limited.quota, limited.limit, limited.seconds));
      return;
    }

    const reply = nextReply(`${system}\n${user}`, task) ?? {};
    await sleep(config.latencyMs + (reply.delayMs ?? 0));
    // The client gave up (its timeout): nothing is sent, so nothing is billed or counted.
    if (clientGone || res.destroyed) {
      record.outcome = "client_gone";
      return;
    }

    if (reply.status) {
      outcome(String(reply.status));
      const headers: Record<string, string> = reply.retryAfter !== undefined ? { "retry-after": String(reply.retryAfter) } : {};
      if (reply.status === 429) {
        const quota = reply.quota ?? "per_minute";
        sendError(res, quotaError(model, quota, quota === "per_day" ? 250 : 10, reply.retryDelaySeconds ?? (quota === "per_day" ? 3_600 : 12)), headers);
        return;
      }
      const details =
        reply.retryDelaySeconds !== undefined ? [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${reply.retryDelaySeconds}s` }] : undefined;
      sendError(res, googleError(reply.status, STATUS_NAMES[reply.status] ?? "UNKNOWN", reply.status === 503 ? "The model is overloaded. Please try again later." : `Scripted failure ${reply.status}.`, details), headers);
      return;
    }

    // Thinking happens before any answer, and shares maxOutputTokens with it.
    const rulesOfModel = modelRules(model);
    const limit = typeof generationConfig.maxOutputTokens === "number" ? generationConfig.maxOutputTokens : rulesOfModel.maxOutputTokens;
    const budget = record.thinkingBudget;
    const wants = reply.thoughtsTokens ?? dynamicThoughts(promptTokens);
    const thoughts = Math.min(limit, budget === "dynamic" ? wants : Math.min(budget, wants));
    record.thoughtsTokens = thoughts;
    const usage = (answerTokens: number) => {
      stats.inputTokens += promptTokens;
      stats.outputTokens += answerTokens + thoughts;
      stats.thoughtsTokens += thoughts;
      return {
        promptTokenCount: promptTokens,
        candidatesTokenCount: answerTokens,
        ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
        totalTokenCount: promptTokens + answerTokens + thoughts,
      };
    };
    const candidateWithout = (finishReason: string) => {
      record.finishReason = finishReason;
      sendJson(res, 200, { candidates: [{ finishReason, index: 0 }], usageMetadata: usage(0), modelVersion: model });
    };

    if (reply.blockReason) {
      outcome(`block:${reply.blockReason}`);
      sendJson(res, 200, { promptFeedback: { blockReason: reply.blockReason }, usageMetadata: usage(0), modelVersion: model });
      return;
    }
    if (reply.finishReason) {
      outcome(`finish:${reply.finishReason}`);
      candidateWithout(reply.finishReason);
      return;
    }
    if (reply.empty) {
      outcome("empty");
      sendJson(res, 200, { candidates: [], usageMetadata: usage(0), modelVersion: model });
      return;
    }
    let text: string;
    if (reply.text !== undefined) {
      outcome("text");
      text = reply.text;
    } else if (reply.json !== undefined) {
      outcome("json");
      text = JSON.stringify(reply.json);
    } else if (reply.echoComment) {
      outcome("echo");
      const rows = (readBlock(user, "comments") ?? []) as Array<[number, string]>;
      text = rows[0]?.[1] ?? "";
    } else {
      outcome(reply.maxTokens ? "max_tokens" : "smart");
      text = JSON.stringify(await smartAnswer(task, system, user, schema));
    }
    let room = limit - thoughts;
    if (reply.maxTokens) room = reply.maxTokens === "empty" ? 0 : Math.min(room, Math.floor(countTokens(text) * 0.6));
    const answerTokens = countTokens(text);
    let finishReason = "STOP";
    if (answerTokens > room) {
      finishReason = "MAX_TOKENS";
      text = cutToTokens(text, room);
      if (!reply.maxTokens) outcome("max_tokens");
    }
    record.finishReason = finishReason;
    if (!text) {
      candidateWithout(finishReason);
      return;
    }
    sendJson(res, 200, {
      candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason, index: 0 }],
      usageMetadata: usage(countTokens(text)),
      modelVersion: model,
    });
  }

  /**
   * The metadata server's access token, as on Cloud Functions: only with
   * `Metadata-Flavor: Google`, answered with that header (google-auth-library
   * checks it). The token is random and valid for this stand-in's Vertex route.
   */
  function serveToken(req: IncomingMessage, res: ServerResponse): void {
    if (req.headers["metadata-flavor"] !== "Google") {
      res.writeHead(403, { "content-type": "text/plain" }).end("Missing Metadata-Flavor:Google header.");
      return;
    }
    const token = `ya29.standin-${randomBytes(16).toString("hex")}`;
    issuedTokens.add(token);
    const body = JSON.stringify({ access_token: token, expires_in: 3599, token_type: "Bearer" });
    res.writeHead(200, { "content-type": "application/json", "metadata-flavor": "Google", "content-length": Buffer.byteLength(body) }).end(body);
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (req.method === "GET" && path === "/__requests") {
      sendJson(res, 200, { requests: recorded });
    } else if (req.method === "GET" && path === "/__stats") {
      sendJson(res, 200, { ...stats, peakRpm: peakPerMinute(arrivals), queued: queue.length, rules: rules.length, config });
    } else if (req.method === "POST" && path === "/__reset") {
      config = { ...initial };
      queue = [];
      rules = [];
      recorded = [];
      starts = [];
      stats = freshStats();
      arrivals = [];
      sendJson(res, 200, { ok: true });
    } else if (req.method === "POST" && path === "/__script") {
      const body = JSON.parse((await readBody(req)) || "{}") as { responses?: Reply[]; rules?: Rule[] };
      queue.push(...(body.responses ?? []));
      rules.push(...(body.rules ?? []).map((r) => ({ ...r })));
      sendJson(res, 200, { queued: queue.length, rules: rules.length });
    } else if (req.method === "POST" && path === "/__config") {
      const body = JSON.parse((await readBody(req)) || "{}") as Partial<Limits>;
      config = { ...config, ...body };
      sendJson(res, 200, { config });
    } else {
      return false;
    }
    return true;
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    void (async () => {
      try {
        if (await control(req, res, path)) return;
        if (req.method === "GET" && METADATA_TOKEN.test(path)) {
          serveToken(req, res);
          return;
        }
        const route = req.method === "POST" ? ROUTE.exec(path) : null;
        const vertex = req.method === "POST" ? VERTEX_ROUTE.exec(path) : null;
        if (route) {
          await generate(req, route[2] === "streamGenerateContent" ? asEventStream(res) : res, decodeURIComponent(route[1]));
        } else if (vertex) {
          await generate(req, vertex[4] === "streamGenerateContent" ? asEventStream(res) : res, decodeURIComponent(vertex[3]), "vertex");
        } else {
          sendError(res, googleError(404, "NOT_FOUND", `The stand-in does not serve ${req.method} ${path}.`));
        }
      } catch (err) {
        if (!res.headersSent) sendError(res, googleError(500, "INTERNAL", `Stand-in failure: ${(err as Error).message}`));
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The most requests that arrived within any 60-second window. */
function peakPerMinute(times: readonly number[]): number {
  let peak = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while (times[end] - times[start] >= 60_000) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

/** The key the stack gives the functions for this stand-in (Google's key shape; the stand-in refuses others). */
export const GEMINI_STANDIN_KEY = "AIzaSyLentlyLocalStandInKey000000000000";

/**
 * Registry entry. The stack keeps AI_PROVIDER=local (the test stack runs its
 * functions, only, on Gemini through this stand-in); LENTLY_AI_PROVIDER=gemini
 * switches the whole stack (demo, bench) to Gemini through this stand-in with a
 * placeholder key. Outside tests, LENTLY_GEMINI_LATENCY_MS, LENTLY_GEMINI_RPM and
 * LENTLY_GEMINI_TPM give it a fixed latency and per-minute limits.
 */
export const startGemini: StandInStarter = async (port, options) => {
  const fromEnv = (name: string) => Number(process.env[name] ?? "0") || 0;
  const standIn = await startGeminiStandIn({
    port,
    latencyMs: options.mode === "test" ? 0 : fromEnv("LENTLY_GEMINI_LATENCY_MS"),
    requestsPerMinute: options.mode === "test" ? 0 : fromEnv("LENTLY_GEMINI_RPM"),
    tokensPerMinute: options.mode === "test" ? 0 : fromEnv("LENTLY_GEMINI_TPM"),
  });
  const env: StandInEnv = { params: { GEMINI_BASE_URL: standIn.url }, secrets: {}, tooling: { LENTLY_GEMINI_STANDIN_URL: standIn.url } };
  if (process.env.LENTLY_AI_PROVIDER === "gemini") {
    env.params.AI_PROVIDER = "gemini";
    env.params.AI_BACKEND = "api-key";
    env.secrets.GEMINI_API_KEY = GEMINI_STANDIN_KEY;
  } else if (options.mode === "test" && process.env.LENTLY_AI_PROVIDER !== "local") {
    // The functions under test reach Gemini as production does: through
    // @google/genai on Vertex AI with no key, the service account's token from
    // the metadata server (this stand-in's token route, GCE_METADATA_HOST), so
    // that a scripted 429 or 503 reaches the analysis tasks as it would in
    // production. With AI_BACKEND=vertex no function declares GEMINI_API_KEY.
    env.functionsOnly = {
      params: {
        AI_PROVIDER: "gemini",
        AI_BACKEND: "vertex",
        GCE_METADATA_HOST: new URL(standIn.url).host,
        METADATA_SERVER_DETECTION: "assume-present",
      },
      secrets: {},
    };
  }
  return {
    env,
    close: () => standIn.close(),
  };
};
