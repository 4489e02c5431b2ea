import { expect } from "chai";
import { health } from "../../src/health/functions";

interface FakeResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Runs the onRequest handler with a minimal Express-like request/response pair. */
function get(method: string, headers: Record<string, string> = {}): Promise<FakeResponse> {
  return new Promise((resolve) => {
    const out: FakeResponse = { statusCode: 200, headers: {}, body: undefined };
    const res = {
      status(code: number) {
        out.statusCode = code;
        return res;
      },
      set(key: string | Record<string, string>, value?: string) {
        if (typeof key === "string") out.headers[key.toLowerCase()] = value ?? "";
        return res;
      },
      json(body: unknown) {
        out.body = body;
        resolve(out);
        return res;
      },
      send(body: unknown) {
        out.body = body;
        resolve(out);
        return res;
      },
    };
    const req = { method, get: (name: string) => headers[name.toLowerCase()] };
    void (health as unknown as (req: unknown, res: unknown) => void)(req, res);
  });
}

describe("health", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("tells the public only that it is up and which version runs: no project, model or secret state", async () => {
    process.env.GEMINI_API_KEY = "AIza-super-secret-value";
    process.env.AI_PROVIDER = "gemini";
    process.env.K_REVISION = "health-00042-xyz";
    const res = await get("GET");
    expect(res.statusCode).to.equal(200);
    expect(res.body).to.deep.equal({ status: "ok", version: "health-00042-xyz" });
    delete process.env.K_REVISION;
    expect((await get("GET")).body).to.deep.equal({ status: "ok", version: "local" });
  });

  it("answers CORS preflight only for configured origins", async () => {
    process.env.CORS_ORIGINS = "https://app.lently.io";
    const allowed = await get("OPTIONS", { origin: "https://app.lently.io" });
    expect(allowed.statusCode).to.equal(204);
    expect(allowed.headers["access-control-allow-origin"]).to.equal("https://app.lently.io");
    const other = await get("OPTIONS", { origin: "https://evil.example" });
    expect(other.headers["access-control-allow-origin"]).to.equal(undefined);
  });

  it("rejects other methods with 405", async () => {
    expect((await get("POST")).statusCode).to.equal(405);
  });
});
