// App Check on callables, through the real firebase-functions callable handler
// over HTTP (the exported function mounted on a local HTTP server), with the
// ID token from the Auth emulator.
//
// What this can and cannot show offline (see README, "App Check"): an App
// Check debug token is exchanged for an App Check JWT at
// content-firebaseappcheck.googleapis.com (no offline stand-in exists: the
// client SDK's endpoint is fixed), and the Functions emulator never verifies
// App Check tokens: firebase-tools gives every emulated function
// FIREBASE_DEBUG_FEATURES={"skipTokenVerification":true}, under which
// firebase-functions decodes the JWT without checking its signature
// (checkAppCheckToken → unsafeDecodeAppCheckToken). test/support/setup.ts
// gives this process the same debug features, so the handler here behaves as
// it does in the emulator: the token's presence and shape are checked, its
// signature is not. Enforcement itself (ENFORCE_APP_CHECK in `authed`) is
// what is under test.
import { expect } from "chai";
import express from "express";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { getMe } from "../../src/users/functions";
import { authHost, resetAuth, resetFirestore } from "../support/emulators";

/** An App Check token's shape: a JWT whose claims are those App Check issues (unsigned: nothing here can sign one). */
function appCheckShapedToken(appId: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return [
    b64({ alg: "RS256", typ: "JWT", kid: "local" }),
    b64({ iss: "https://firebaseappcheck.googleapis.com/123456789", sub: appId, aud: ["projects/123456789"], iat: now, exp: now + 3600 }),
    "c2lnbmF0dXJl",
  ].join(".");
}

async function idToken(): Promise<string> {
  const res = await fetch(`http://${authHost()}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=fake-api-key`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `appcheck-${Date.now()}@example.com`, password: "correct-horse-battery", returnSecureToken: true }),
  });
  return ((await res.json()) as { idToken: string }).idToken;
}

describe("App Check on callables (real callable handler over HTTP)", () => {
  let server: Server;
  let url: string;
  let token: string;
  const previous = process.env.ENFORCE_APP_CHECK;

  before(async () => {
    await resetFirestore();
    await resetAuth();
    const app = express();
    app.use(express.json());
    // The platform adds rawBody; the callable handler reads the parsed body.
    app.post("/getMe", (req, res) => void getMe(Object.assign(req, { rawBody: Buffer.from(JSON.stringify(req.body)) }), res));
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/getMe`;
    token = await idToken();
  });
  after(async () => {
    process.env.ENFORCE_APP_CHECK = previous;
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (headers: Record<string, string>) => {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers }, body: '{"data":{}}' });
    return { status: res.status, body: (await res.json()) as { result?: { created: boolean }; error?: { status: string; message: string } } };
  };

  it("enforced: refused without an App Check token, served with one", async () => {
    process.env.ENFORCE_APP_CHECK = "true";
    const refused = await post({});
    expect(refused.status).to.equal(401);
    expect(refused.body.error).to.include({ status: "UNAUTHENTICATED" });
    expect(refused.body.error!.message).to.match(/App Check/);
    const served = await post({ "X-Firebase-AppCheck": appCheckShapedToken("1:123456789:web:lently") });
    expect(served.status).to.equal(200);
    expect(served.body.result).to.have.property("created");
  });

  it("not enforced (ENFORCE_APP_CHECK=false): served without a token", async () => {
    process.env.ENFORCE_APP_CHECK = "false";
    const served = await post({});
    expect(served.status).to.equal(200);
  });
});
