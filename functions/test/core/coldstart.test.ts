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
