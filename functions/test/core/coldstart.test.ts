// Every function instance loads lib/index.js; heavy clients must not be part of it.
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const HEAVY = ["@googleapis/youtube", "googleapis-common", "@google/genai", "@paddle/paddle-node-sdk"];

describe("cold start: lib/index.js", () => {
  it("loads none of the heavy API clients (they are imported lazily by the functions that use them)", () => {
    const lib = join(__dirname, "..", "..", "lib", "index.js");
    const script = `require(${JSON.stringify(lib)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
    expect(loaded.some((p) => p.endsWith(join("lib", "index.js")))).to.equal(true);
    for (const pkg of HEAVY) {
      const offenders = loaded.filter((p) => p.includes(`node_modules/${pkg}/`));
      expect(offenders, `${pkg} is loaded by index.js`).to.deep.equal([]);
    }
  });
});

describe("cold start: near the floor", () => {
  const lib = join(__dirname, "..", "..", "lib", "index.js");
  const loadedBy = (modules: string[]) => {
    const script = `for (const m of ${JSON.stringify(modules)}) require(m); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: join(__dirname, "..", ".."), encoding: "utf8" })) as string[];
  };

  it("index.js loads no package module beyond the floor's (v2 triggers used, firebase-admin app/Firestore/Auth, zod)", () => {
    const floor = new Set(loadedBy(["firebase-functions/v2/https", "firebase-functions/v2/firestore", "firebase-functions/v2/scheduler", "firebase-functions/v2/tasks", "firebase-admin/app", "firebase-admin/firestore", "firebase-admin/auth", "zod", "firebase-functions/logger", "firebase-functions/params", "firebase-functions/v2/options"]));
    const extra = loadedBy([lib]).filter((p) => p.includes("node_modules") && !floor.has(p));
    expect(extra.map((p) => p.replace(/.*node_modules\//, "")), "packages index.js loads beyond the floor").to.deep.equal([]);
  });

  it("bench:coldstart reads each function's first-call modules from the built code", async () => {
    const { firstCallModules } = await import("../../../tools/coldstart");
    const loaded = new Set(loadedBy([lib]));
    const pkgs = (file: string, name: string) =>
      firstCallModules(join(__dirname, "..", "..", "lib", file), name, loaded).map((p) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1] ?? p.replace(/.*\/lib\//, ""));
    expect(pkgs("youtube/functions.js", "getVideo")).to.include.members(["@googleapis/youtube", "youtube/ingest.js"]);
    expect(pkgs("billing/functions.js", "paddleWebhook")).to.include("@paddle/paddle-node-sdk");
    expect(pkgs("billing/functions.js", "getBillingInfo")).not.to.include("@paddle/paddle-node-sdk");
    expect(pkgs("ask/functions.js", "askQuestion")).to.include("ask/service.js");
    // A callable's first call loads its own contract module (its request schema) and its service, nothing else.
    expect(pkgs("users/functions.js", "getMe").sort()).to.deep.equal(["contracts/users.js", "users/service.js"]);
    // The inbox: listing loads its service alone; acting on the channel loads the OAuth and YouTube clients, nothing of billing.
    expect(pkgs("inbox/functions.js", "getInbox").sort()).to.deep.equal(["contracts/inbox.js", "inbox/getInbox.js"]);
    expect(pkgs("ask/functions.js", "getConversation").sort()).to.deep.equal(["ask/conversations.js", "contracts/ask.js"]);
    expect(pkgs("inbox/functions.js", "postReply")).to.include.members(["inbox/postReply.js", "channel/service.js", "google-auth-library"]);
    expect(pkgs("channel/functions.js", "connectYouTubeChannel")).to.include("google-auth-library").and.not.include("@paddle/paddle-node-sdk");
  });
});

describe("cold start: no zod schema is built at index load", () => {
  const functionsDir = join(__dirname, "..", "..");
  const lib = join(functionsDir, "lib");
  // Counts every zod builder called (z.strictObject, z.string, z.lazy…): compiled modules call them as
  // `zod_1.z.NAME(…)` at the moment they build a schema, so a stand-in for the package's `z` sees each one.
  const probe = (steps: string) => {
    const script = `
      const zod = require("zod");
      const built = [];
      const z = {};
      for (const key of Object.keys(zod.z)) {
        Object.defineProperty(z, key, { enumerable: true, get: () => (typeof zod.z[key] === "function" && built.push(key), zod.z[key]) });
      }
      require.cache[require.resolve("zod")].exports = { ...zod, z };
      const contracts = () => Object.keys(require.cache).filter((p) => p.startsWith(${JSON.stringify(join(lib, "contracts"))})).map((p) => p.slice(${JSON.stringify(lib.length + 1)}));
      const report = {};
      (async () => {
        ${steps}
        process.stdout.write(JSON.stringify(report));
      })().catch((err) => { process.stderr.write(String(err && err.stack)); process.exit(1); });
    `;
    const env = { ...process.env, GCLOUD_PROJECT: "demo-lently", ENFORCE_APP_CHECK: "false" };
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: functionsDir, env, encoding: "utf8" })) as Record<string, unknown>;
  };

  it("the probe sees schemas being built (a contract module loaded on its own builds its request schemas)", () => {
    const out = probe(`require(${JSON.stringify(join(lib, "contracts", "users.js"))}); report.built = built.length;`);
    expect(out.built).to.be.greaterThan(10);
  });

  it("lib/index.js loads no contract module and calls no zod builder: request and response schemas wait for the first call", () => {
    const out = probe(`require(${JSON.stringify(join(lib, "index.js"))}); report.built = built; report.contracts = contracts();`);
    expect(out.contracts, "contract modules loaded by index.js").to.deep.equal([]);
    expect(out.built, "zod builders called while loading index.js").to.deep.equal([]);
  });

  it("a callable's first call loads its own contract module, not the registry or another feature's, and still validates", () => {
    const out = probe(`
      const { getMe } = require(${JSON.stringify(join(lib, "index.js"))});
      await getMe.run({ auth: { uid: "u1", token: {} }, data: { bogus: 1 } }).then(
        () => { report.answer = "accepted"; },
        (err) => { report.answer = err.code + ": " + err.message; },
      );
      report.contracts = contracts().sort();
    `);
    expect(out.answer).to.equal("invalid-argument: data: unknown field(s) bogus");
    expect(out.contracts).to.deep.equal(["contracts/shared.js", "contracts/users.js"]);
  });
});
