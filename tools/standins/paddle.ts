// A local stand-in for the Paddle Billing API routes the backend calls, reached
// by @paddle/paddle-node-sdk through its real client (the SDK takes a base URL
// in place of `sandbox`/`production`). Shapes follow Paddle's API reference:
// `{data, meta: {request_id}}` on success, `{error: {type, code, detail,
// documentation_url}, meta}` on failure, with Paddle's status codes:
//   GET  /customers?email=a,b          list (exact email match), paginated meta
//   POST /customers                    create; 409 customer_already_exists for a taken email
//   GET  /customers/{id}               404 entity_not_found when unknown
//   POST /subscriptions/{id}/cancel    {effective_from}; 404 unknown; 400 when already canceled
// A wrong API key answers 403 forbidden. Control routes (tests only):
//   POST /__seed {customers?, subscriptions?}, GET /__calls, POST /__reset.
// Deliberately independent of functions/src.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { StandInStarter } from "./starter";

export const LOCAL_PADDLE_API_KEY = "pdl_sdbx_apikey_local_stack";

interface Customer {
  id: string;
  name: string | null;
  email: string;
  marketing_consent: boolean;
  status: "active" | "archived";
  custom_data: Record<string, unknown> | null;
  locale: string;
  created_at: string;
  updated_at: string;
  import_meta: null;
}

interface Subscription {
  id: string;
  customer_id: string;
  status: "active" | "trialing" | "past_due" | "paused" | "canceled";
  scheduled_change: { action: string; effective_at: string; resume_at: string | null } | null;
  canceled_at: string | null;
}

/** The full subscription entity Paddle answers with (the SDK's Subscription class reads all of it). */
function subscriptionEntity(sub: Subscription, now: string) {
  return {
    id: sub.id,
    status: sub.status,
    customer_id: sub.customer_id,
    address_id: newId("add"),
    business_id: null,
    currency_code: "USD",
    created_at: now,
    updated_at: now,
    started_at: now,
    first_billed_at: now,
    next_billed_at: sub.status === "canceled" ? null : now,
    paused_at: null,
    canceled_at: sub.canceled_at,
    discount: null,
    collection_mode: "automatic",
    billing_details: null,
    current_billing_period: null,
    billing_cycle: { interval: "month", frequency: 1 },
    scheduled_change: sub.scheduled_change,
    management_urls: { update_payment_method: null, cancel: "https://sandbox-buyer-portal.paddle.com/subscriptions/cancel" },
    items: [],
    custom_data: null,
    import_meta: null,
  };
}

export interface PaddleCall {
  method: string;
  path: string;
  body: unknown;
}

const BASE32 = "0123456789abcdefghjkmnpqrstvwxyz";
const newId = (prefix: string) => `${prefix}_01${Array.from(randomBytes(24), (b) => BASE32[b % 32]).join("")}`;
const requestId = () => `${randomBytes(4).toString("hex")}-${randomBytes(2).toString("hex")}-${randomBytes(2).toString("hex")}-${randomBytes(6).toString("hex")}`;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

function fail(res: ServerResponse, status: number, code: string, detail: string): void {
  send(res, status, {
    error: { type: "request_error", code, detail, documentation_url: `https://developer.paddle.com/v1/errors/shared/${code}` },
    meta: { request_id: requestId() },
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export interface PaddleStandIn {
  url: string;
  close(): Promise<void>;
}

export async function startPaddleStandIn(options: { port?: number; apiKey?: string } = {}): Promise<PaddleStandIn> {
  const apiKey = options.apiKey ?? LOCAL_PADDLE_API_KEY;
  let customers = new Map<string, Customer>();
  let subscriptions = new Map<string, Subscription>();
  let calls: PaddleCall[] = [];

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (req.method === "POST" && path === "/__reset") {
      customers = new Map();
      subscriptions = new Map();
      calls = [];
      send(res, 200, { ok: true });
    } else if (req.method === "GET" && path === "/__calls") {
      send(res, 200, { calls });
    } else if (req.method === "POST" && path === "/__seed") {
      const body = (await readJson(req)) as { customers?: Array<Partial<Customer> & { email: string }>; subscriptions?: Array<Partial<Subscription> & { id: string; customer_id: string }> };
      const now = new Date().toISOString();
      for (const c of body.customers ?? []) {
        const id = c.id ?? newId("ctm");
        customers.set(id, { name: null, marketing_consent: false, status: "active", custom_data: null, locale: "en", created_at: now, updated_at: now, import_meta: null, ...c, id });
      }
      for (const s of body.subscriptions ?? []) subscriptions.set(s.id, { status: "active", scheduled_change: null, canceled_at: null, ...s });
      send(res, 200, { customers: customers.size, subscriptions: subscriptions.size });
    } else {
      return false;
    }
    return true;
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    const body = req.method === "POST" || req.method === "PATCH" ? await readJson(req) : null;
    calls.push({ method: req.method ?? "GET", path: `${path}${url.search}`, body });
    if (req.headers.authorization !== `bearer ${apiKey}` && req.headers.authorization !== `Bearer ${apiKey}`) {
      fail(res, 403, "forbidden", "You aren't permitted to perform this request.");
      return;
    }
    const now = new Date().toISOString();
    if (req.method === "GET" && path === "/customers") {
      const emails = (url.searchParams.get("email") ?? "").split(",").filter(Boolean).map((e) => e.toLowerCase());
      const data = [...customers.values()].filter((c) => emails.length === 0 || emails.includes(c.email.toLowerCase()));
      send(res, 200, { data, meta: { request_id: requestId(), pagination: { per_page: 50, next: `${url.origin}/customers?after=last`, has_more: false, estimated_total: data.length } } });
      return;
    }
    if (req.method === "POST" && path === "/customers") {
      const email = typeof body?.email === "string" ? body.email.trim() : "";
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        fail(res, 400, "bad_request", "Invalid request: email is not a valid email address.");
        return;
      }
      const taken = [...customers.values()].find((c) => c.email.toLowerCase() === email.toLowerCase());
      if (taken) {
        fail(res, 409, "customer_already_exists", `customer email conflicts with customer of id ${taken.id}`);
        return;
      }
      const customer: Customer = {
        id: newId("ctm"),
        name: typeof body?.name === "string" ? body.name : null,
        email,
        marketing_consent: false,
        status: "active",
        custom_data: (body?.custom_data as Record<string, unknown> | undefined) ?? null,
        locale: "en",
        created_at: now,
        updated_at: now,
        import_meta: null,
      };
      customers.set(customer.id, customer);
      send(res, 201, { data: customer, meta: { request_id: requestId() } });
      return;
    }
    const customer = /^\/customers\/(ctm_[a-z0-9]+)$/.exec(path);
    if (req.method === "GET" && customer) {
      const found = customers.get(customer[1]);
      if (found) send(res, 200, { data: found, meta: { request_id: requestId() } });
      else fail(res, 404, "entity_not_found", `Entity ${customer[1]} not found`);
      return;
    }
    const cancel = /^\/subscriptions\/(sub_[a-z0-9]+)\/cancel$/.exec(path);
    if (req.method === "POST" && cancel) {
      const sub = subscriptions.get(cancel[1]);
      if (!sub) {
        fail(res, 404, "entity_not_found", `Entity ${cancel[1]} not found`);
        return;
      }
      if (sub.status === "canceled") {
        fail(res, 400, "subscription_is_canceled_action_invalid", "Subscription is already canceled");
        return;
      }
      if (body?.effective_from === "immediately") {
        sub.status = "canceled";
        sub.canceled_at = now;
        sub.scheduled_change = null;
      } else {
        sub.scheduled_change = { action: "cancel", effective_at: now, resume_at: null };
      }
      send(res, 200, { data: subscriptionEntity(sub, now), meta: { request_id: requestId() } });
      return;
    }
    fail(res, 404, "not_found", `The stand-in does not serve ${req.method} ${path}.`);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    void (async () => {
      try {
        if (await control(req, res, url.pathname)) return;
        await api(req, res, url);
      } catch (err) {
        if (!res.headersSent) fail(res, 500, "internal_error", `Stand-in failure: ${(err as Error).message}`);
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Registry entry: the SDK reaches the stand-in through PADDLE_ENVIRONMENT (a base URL) with a local key. */
export const startPaddle: StandInStarter = async (port) => {
  const standIn = await startPaddleStandIn({ port });
  return {
    env: {
      params: { PADDLE_ENVIRONMENT: standIn.url },
      secrets: { PADDLE_API_KEY: LOCAL_PADDLE_API_KEY },
      tooling: { LENTLY_PADDLE_STANDIN_URL: standIn.url },
    },
    close: () => standIn.close(),
  };
};
