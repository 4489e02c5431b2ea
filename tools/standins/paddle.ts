// A local stand-in for the one Paddle Billing API route Lently calls:
// GET /customers/{customer_id} (paddleWebhook's fallback when an event names
// no known user: the customer's email). `@paddle/paddle-node-sdk` reaches it
// through its `environment` option, which takes a base URL in place of
// sandbox/production (the PADDLE_ENVIRONMENT param). Answers use Paddle's
// envelopes: `{data, meta: {request_id}}`, and for errors `{error: {type,
// code, detail, documentation_url}, meta}` with 403 for a wrong key and 404
// for an unknown customer. With it the local stack sets a real
// PADDLE_API_KEY, so the Functions emulator never asks Secret Manager for one.
//
// Control endpoint for tests: POST /__customers {id, email} adds a customer.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { StandInStarter } from "./registry";

/** The only key the stand-in accepts; the stack sets it as the PADDLE_API_KEY secret. */
export const PADDLE_STANDIN_KEY = "pdl_local_apikey_lently_standin";

interface Customer {
  id: string;
  email: string;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify({ ...(body as object), meta: { request_id: randomUUID() } });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(data) });
  res.end(data);
}

function paddleError(res: ServerResponse, status: number, code: string, detail: string): void {
  send(res, status, { error: { type: "request_error", code, detail, documentation_url: `https://developer.paddle.com/errors/shared/${code}` } });
}

function customerEntity(customer: Customer, now: string) {
  return {
    id: customer.id,
    name: null,
    email: customer.email,
    marketing_consent: false,
    status: "active",
    custom_data: null,
    locale: "en",
    created_at: now,
    updated_at: now,
    import_meta: null,
  };
}

async function readJson(req: IncomingMessage): Promise<Partial<Customer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Partial<Customer>;
}

export async function startPaddleServer(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const customers = new Map<string, Customer>();
  const startedAt = new Date().toISOString();
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://stand-in").pathname;
      if (req.method === "POST" && path === "/__customers") {
        const body = await readJson(req);
        if (typeof body.id !== "string" || typeof body.email !== "string") return paddleError(res, 400, "bad_request", "id and email are required");
        customers.set(body.id, { id: body.id, email: body.email });
        return send(res, 201, { data: customerEntity({ id: body.id, email: body.email }, startedAt) });
      }
      // The SDK sends "bearer <key>"; the scheme is case-insensitive (RFC 9110).
      if (!/^bearer /i.test(req.headers.authorization ?? "") || req.headers.authorization?.slice(7) !== PADDLE_STANDIN_KEY) {
        return paddleError(res, 403, "forbidden", "You aren't permitted to perform this request.");
      }
      const match = req.method === "GET" ? /^\/customers\/([^/]+)$/.exec(path) : null;
      if (!match) return paddleError(res, 404, "not_found", `The stand-in does not serve ${req.method} ${path}.`);
      const customer = customers.get(decodeURIComponent(match[1]));
      if (!customer) return paddleError(res, 404, "entity_not_found", `Entity ${match[1]} not found`);
      send(res, 200, { data: customerEntity(customer, startedAt) });
    })().catch((err: unknown) => {
      if (!res.headersSent) paddleError(res, 500, "internal_error", err instanceof Error ? err.message : String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Registry entry: the functions reach the stand-in through PADDLE_ENVIRONMENT (a base URL) and its key. */
export const startPaddleStandIn: StandInStarter = async (port) => {
  const standIn = await startPaddleServer(port);
  return {
    env: {
      params: { PADDLE_ENVIRONMENT: standIn.url },
      secrets: { PADDLE_API_KEY: PADDLE_STANDIN_KEY },
      tooling: { LENTLY_PADDLE_STANDIN_URL: standIn.url },
    },
    close: () => standIn.close(),
  };
};
