// The contract registry is whole and is what the web app can import: every
// exported callable has one, none is stale, README's reference is generated
// from it, the built package exports it without server code, and a response
// that breaks its contract fails the check every test's calls go through.
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderReference, uncontractedCallables, withReference } from "../../../tools/contracts-doc";
import { callables } from "../../src/contracts";
import * as deployed from "../../src/index";
import { checkResponse } from "../support/contracts";

const callableNames = Object.entries(deployed)
  .filter(([, fn]) => (fn as { __endpoint?: { callableTrigger?: unknown } }).__endpoint?.callableTrigger !== undefined)
  .map(([name]) => name);

describe("contracts", () => {
  it("every exported callable has a contract, and every contract is an exported callable", () => {
    expect(callableNames.length).to.be.greaterThan(20);
    expect(uncontractedCallables(deployed), "callables without a contract: add them to functions/src/contracts").to.deep.equal([]);
    expect(Object.keys(callables).filter((name) => !callableNames.includes(name)), "contracts of no exported callable").to.deep.equal([]);
  });

  it("README's callable reference is the one generated from the registry (npm run docs:contracts)", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
    expect(withReference(readme, renderReference(callables, uncontractedCallables(deployed))) === readme, "README.md is stale: run `npm run docs:contracts`").to.equal(true);
  });

  it("the reference flags a callable without a contract loudly", () => {
    expect(uncontractedCallables({ ...deployed, getNotYetContracted: deployed.getMe })).to.deep.equal(["getNotYetContracted"]);
    expect(renderReference({}, ["getNotYetContracted"])).to.include("| `getNotYetContracted` | ⚠ **no contract yet**");
  });

  it("the built package exports them as lently-functions/contracts, loading zod and no server SDK", () => {
    const script = `
      const c = require("lently-functions/contracts");
      const loaded = Object.keys(require.cache).filter((p) => /node_modules\\/(firebase-functions|firebase-admin|@google-cloud|@google\\/genai|@googleapis)\\//.test(p));
      process.stdout.write(JSON.stringify({ names: Object.keys(c.callables).length, server: loaded.slice(0, 3), zod: Object.keys(require.cache).some((p) => p.includes("node_modules/zod/")) }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: join(__dirname, "..", ".."), encoding: "utf8" })) as { names: number; server: string[]; zod: boolean };
    expect(out.names).to.equal(Object.keys(callables).length);
    expect(out.server).to.deep.equal([]);
    expect(out.zod).to.equal(true);
  });

  it("a response that breaks its contract fails, naming the callable and the path", () => {
    const usage = { plan: "free", planName: "Free", periodStart: "2026-12-01T00:00:00.000Z", periodEnd: "2027-01-01T00:00:00.000Z" };
    const meter = { used: 0, limit: 1, remaining: 1, unlimited: false };
    const good = { ...usage, videos: meter, aiQuestions: meter, replies: meter, commentsPerVideo: { limit: 100 } };
    expect(() => checkResponse("getUsage", good)).not.to.throw();
    expect(() => checkResponse("getUsage", { ...good, videos: { ...meter, used: "0" } })).to.throw(/getUsage's response breaks its contract at videos\.used/);
    expect(() => checkResponse("getUsage", { ...good, secretField: 1 })).to.throw(/getUsage's response breaks its contract/);
    expect(() => checkResponse("getNotYetContracted", {})).to.throw(/getNotYetContracted has no contract/);
  });
});
