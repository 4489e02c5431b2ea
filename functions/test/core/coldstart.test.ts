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
    expect(pkgs("users/functions.js", "getMe")).to.deep.equal([]);
    // The inbox: listing loads its service alone; acting on the channel loads the OAuth and YouTube clients, nothing of billing.
    expect(pkgs("inbox/functions.js", "getInbox")).to.deep.equal(["inbox/getInbox.js"]);
    expect(pkgs("inbox/functions.js", "postReply")).to.include.members(["inbox/postReply.js", "channel/service.js", "google-auth-library"]);
    expect(pkgs("channel/functions.js", "connectYouTubeChannel")).to.include("google-auth-library").and.not.include("@paddle/paddle-node-sdk");
  });
});
