// A local stand-in for the Gemini API (generativelanguage, v1beta), reached by
// @google/genai through `httpOptions.baseUrl` (param GEMINI_BASE_URL). It
// answers `POST /v1beta/models/{model}:generateContent` — the route and the
// `x-goog-api-key` header the SDK 2.x uses — with:
//   * scripted replies queued by tests (429/5xx with Retry-After or RetryInfo,
//     safety blocks, empty or malformed answers, raw text, JSON), consumed in order;
//   * rules that answer every request whose prompt contains a string;
//   * otherwise a "smart" answer from Lently's local models (gemini-smart.ts).
// usageMetadata: promptTokenCount = ceil(chars(system + user text + JSON of
// responseSchema) / 4) (estimateRequestTokens), candidatesTokenCount =
// ceil(chars(answer text) / 4); no usage on HTTP errors (they are not billed).
// A fixed latency and a requests-per-minute limit (429 RESOURCE_EXHAUSTED
// with RetryInfo and Retry-After) make it usable for benchmarks.
//
// Control API (JSON):
//   POST /__script  {responses?: Reply[], rules?: {whenContains, reply, times?}[]}  queue/add
//   POST /__config  {latencyMs?, requestsPerMinute?}                              change limits
//   GET  /__requests → {requests: Recorded[]}   what it received (newest last, at most 500)
//   GET  /__stats    → counts by outcome and token totals
//   POST /__reset    clears script, rules, requests, stats and config changes
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { unfence } from "../../functions/src/ai/prompts/fence";
import { taskOfSchema, type AiTask } from "../../functions/src/ai/prompts/schema";
import { estimateRequestTokens, estimateTokens } from "../../functions/src/ai/tokens";
import { smartAnswer } from "./gemini-smart";
import { asEventStream } from "./gemini-stream";
import type { StandInEnv, StandInStarter } from "./registry";

/** One scripted reply. Exactly one of the outcome fields is used, in this order of precedence. */
export interface Reply {
  /** HTTP error status (429, 500, 503, 400…). */
  status?: number;
  /** With a status: Retry-After header in seconds. */
  retryAfter?: number;
  /** With a status: google.rpc.RetryInfo retryDelay in seconds, in the error body. */
  retryDelaySeconds?: number;
  /** promptFeedback.blockReason (e.g. "SAFETY", "PROHIBITED_CONTENT"): no candidates. */
  blockReason?: string;
  /** A candidate with this finishReason and no content (e.g. "SAFETY", "SPII"). */
  finishReason?: string;
  /** candidates: [] */
  empty?: boolean;
  /** The model's text as is (malformed JSON, fenced JSON, prose…). */
  text?: string;
  /** The model's text: this value as JSON. */
  json?: unknown;
  /** The model's text: the first comment's text of the request (an "obedient" model echoing hostile input). */
  echoComment?: boolean;
  /** Extra delay before answering, ms. */
  delayMs?: number;
}

export interface Rule {
  whenContains: string;
  reply: Reply;
  /** How many requests it answers; unlimited when absent. */
  times?: number;
}

export interface Recorded {
  at: string;
  model: string;
  task: AiTask | null;
  apiKeyHeader: boolean;
  system: string;
  user: string;
  generationConfig: Record<string, unknown>;
  promptTokens: number;
  outcome: string;
}

export interface GeminiStandInOptions {
  port?: number;
  latencyMs?: number;
  /** ≤ 0: no limit. */
  requestsPerMinute?: number;
}

export interface GeminiStandIn {
  url: string;
  server: Server;
  close(): Promise<void>;
}

interface GenerateBody {
  contents?: Array<{ parts?: Array<{ text?: string }> }>;
  systemInstruction?: { parts?: Array<{ text?: string }> } | string;
  generationConfig?: Record<string, unknown> & { responseSchema?: unknown };
}

const MAX_RECORDED = 500;
const ROUTE = /^\/v1beta\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

const textOf = (parts?: Array<{ text?: string }>) => (parts ?? []).map((p) => p.text ?? "").join("");

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(data), ...headers });
  res.end(data);
}

function googleError(code: number, status: string, message: string, details?: unknown[]) {
  return { error: { code, message, status, ...(details ? { details } : {}) } };
}

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function startGeminiStandIn(options: GeminiStandInOptions = {}): Promise<GeminiStandIn> {
  const initial = { latencyMs: options.latencyMs ?? 0, requestsPerMinute: options.requestsPerMinute ?? 0 };
  let config = { ...initial };
  let queue: Reply[] = [];
  let rules: Rule[] = [];
  let recorded: Recorded[] = [];
  let starts: number[] = [];
  const freshStats = () => ({ requests: 0, outcomes: {} as Record<string, number>, inputTokens: 0, outputTokens: 0 });
  let stats = freshStats();

  function nextReply(prompt: string): Reply | undefined {
    const rule = rules.find((r) => prompt.includes(r.whenContains) && (r.times === undefined || r.times > 0));
    if (rule) {
      if (rule.times !== undefined) rule.times -= 1;
      return rule.reply;
    }
    return queue.shift();
  }

  /** The request would exceed the per-minute limit: milliseconds until a slot frees, else undefined. */
  function overLimit(now: number): number | undefined {
    if (config.requestsPerMinute <= 0) return undefined;
    starts = starts.filter((t) => t > now - 60_000);
    if (starts.length < config.requestsPerMinute) {
      starts.push(now);
      return undefined;
    }
    return starts[0] + 60_000 - now;
  }

  async function generate(req: IncomingMessage, res: ServerResponse, model: string): Promise<void> {
    let body: GenerateBody;
    try {
      body = JSON.parse(await readBody(req)) as GenerateBody;
    } catch {
      sendJson(res, 400, googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received."));
      return;
    }
    const system = typeof body.systemInstruction === "string" ? body.systemInstruction : textOf(body.systemInstruction?.parts);
    const user = (body.contents ?? []).map((c) => textOf(c.parts)).join("\n");
    const generationConfig = body.generationConfig ?? {};
    const task = taskOfSchema(generationConfig.responseSchema) ?? null;
    const promptTokens = estimateRequestTokens(system, user, generationConfig.responseSchema);
    const record: Recorded = {
      at: new Date().toISOString(),
      model,
      task,
      apiKeyHeader: Boolean(req.headers["x-goog-api-key"]),
      system,
      user,
      generationConfig,
      promptTokens,
      outcome: "pending",
    };
    recorded.push(record);
    if (recorded.length > MAX_RECORDED) recorded = recorded.slice(-MAX_RECORDED);
    stats.requests += 1;
    const outcome = (name: string) => {
      record.outcome = name;
      stats.outcomes[name] = (stats.outcomes[name] ?? 0) + 1;
    };

    if (!record.apiKeyHeader) {
      outcome("no_key");
      sendJson(res, 403, googleError(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers."));
      return;
    }
    const waitMs = overLimit(Date.now());
    if (waitMs !== undefined) {
      outcome("rate_limited");
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      sendJson(
        res,
        429,
        googleError(429, "RESOURCE_EXHAUSTED", "Quota exceeded for requests per minute (stand-in limit).", [
          { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${seconds}s` },
        ]),
        { "retry-after": String(seconds) },
      );
      return;
    }

    const reply = nextReply(`${system}\n${user}`) ?? {};
    let clientGone = false;
    res.on("close", () => {
      if (!res.writableFinished) clientGone = true;
    });
    await sleep(config.latencyMs + (reply.delayMs ?? 0));
    // The client gave up (its timeout): nothing is sent, so nothing is billed or counted.
    if (clientGone) {
      record.outcome = "client_gone";
      return;
    }
    const usage = (answer: string) => {
      const out = estimateTokens(answer);
      stats.inputTokens += promptTokens;
      stats.outputTokens += out;
      return { promptTokenCount: promptTokens, candidatesTokenCount: out, totalTokenCount: promptTokens + out };
    };

    if (reply.status) {
      outcome(String(reply.status));
      const details =
        reply.retryDelaySeconds !== undefined ? [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${reply.retryDelaySeconds}s` }] : undefined;
      const headers: Record<string, string> = reply.retryAfter !== undefined ? { "retry-after": String(reply.retryAfter) } : {};
      sendJson(res, reply.status, googleError(reply.status, STATUS_NAMES[reply.status] ?? "UNKNOWN", `Scripted failure ${reply.status}.`, details), headers);
      return;
    }
    if (reply.blockReason) {
      outcome(`block:${reply.blockReason}`);
      sendJson(res, 200, { promptFeedback: { blockReason: reply.blockReason }, usageMetadata: usage(""), modelVersion: model });
      return;
    }
    if (reply.finishReason) {
      outcome(`finish:${reply.finishReason}`);
      sendJson(res, 200, { candidates: [{ finishReason: reply.finishReason, index: 0 }], usageMetadata: usage(""), modelVersion: model });
      return;
    }
    if (reply.empty) {
      outcome("empty");
      sendJson(res, 200, { candidates: [], usageMetadata: usage(""), modelVersion: model });
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
      const rows = (unfence(user, "comments") ?? []) as Array<[number, string]>;
      text = rows[0]?.[1] ?? "";
    } else {
      outcome("smart");
      text = JSON.stringify(await smartAnswer(task ?? undefined, system, user));
    }
    sendJson(res, 200, {
      candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason: "STOP", index: 0 }],
      usageMetadata: usage(text),
      modelVersion: model,
    });
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (req.method === "GET" && path === "/__requests") {
      sendJson(res, 200, { requests: recorded });
    } else if (req.method === "GET" && path === "/__stats") {
      sendJson(res, 200, { ...stats, queued: queue.length, rules: rules.length, config });
    } else if (req.method === "POST" && path === "/__reset") {
      config = { ...initial };
      queue = [];
      rules = [];
      recorded = [];
      starts = [];
      stats = freshStats();
      sendJson(res, 200, { ok: true });
    } else if (req.method === "POST" && path === "/__script") {
      const body = JSON.parse((await readBody(req)) || "{}") as { responses?: Reply[]; rules?: Rule[] };
      queue.push(...(body.responses ?? []));
      rules.push(...(body.rules ?? []).map((r) => ({ ...r })));
      sendJson(res, 200, { queued: queue.length, rules: rules.length });
    } else if (req.method === "POST" && path === "/__config") {
      const body = JSON.parse((await readBody(req)) || "{}") as Partial<typeof config>;
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
        const route = req.method === "POST" ? ROUTE.exec(path) : null;
        if (!route) {
          sendJson(res, 404, googleError(404, "NOT_FOUND", `The stand-in does not serve ${req.method} ${path}.`));
          return;
        }
        await generate(req, route[2] === "streamGenerateContent" ? asEventStream(res) : res, decodeURIComponent(route[1]));
      } catch (err) {
        if (!res.headersSent) sendJson(res, 500, googleError(500, "INTERNAL", `Stand-in failure: ${(err as Error).message}`));
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

/**
 * Registry entry. The stack keeps AI_PROVIDER=local; LENTLY_AI_PROVIDER=gemini
 * switches the whole stack (demo, bench) to Gemini through this stand-in with a
 * placeholder key. Outside tests, LENTLY_GEMINI_LATENCY_MS and LENTLY_GEMINI_RPM
 * give it a fixed latency and a per-minute limit.
 */
export const startGemini: StandInStarter = async (port, options) => {
  const fromEnv = (name: string) => Number(process.env[name] ?? "0") || 0;
  const standIn = await startGeminiStandIn({
    port,
    latencyMs: options.mode === "test" ? 0 : fromEnv("LENTLY_GEMINI_LATENCY_MS"),
    requestsPerMinute: options.mode === "test" ? 0 : fromEnv("LENTLY_GEMINI_RPM"),
  });
  const env: StandInEnv = { params: { GEMINI_BASE_URL: standIn.url }, secrets: {}, tooling: { LENTLY_GEMINI_STANDIN_URL: standIn.url } };
  if (process.env.LENTLY_AI_PROVIDER === "gemini") {
    env.params.AI_PROVIDER = "gemini";
    env.secrets.GEMINI_API_KEY = "stand-in-key";
  }
  return {
    env,
    close: () => standIn.close(),
  };
};
