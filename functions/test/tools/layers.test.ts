// The layer rule of `npm run lint` (.dependency-cruiser.cjs) bites: run with the real config
// on a small tree (test/fixtures/layers) that imports upward, closes a type-only cycle and
// breaks the feature map, it reports exactly those imports and passes the allowed ones.
import { expect } from "chai";
import { execFile } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..", "..");
const fixture = join(__dirname, "..", "fixtures", "layers");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: Array<{ name: string }>;
}

/** One run of the depcruise CLI on the fixture, as `npm run lint` runs it on the tree. */
function depcruise(outputType: "json" | "err"): Promise<{ stdout: string; status: number }> {
  const bin = join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
  const args = [bin, "--config", join(root, ".dependency-cruiser.cjs"), "--output-type", outputType, "functions/src"];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: fixture, encoding: "utf8" }, (err, stdout) => {
      resolve({ stdout, status: err ? Number((err as { code?: number }).code ?? 1) : 0 });
    });
  });
}

describe("layer rule (npm run lint: dependency-cruiser)", function () {
  this.timeout(120_000);
  const strip = (p: string) => p.replace(/^functions\/src\//, "");
  let violations: Violation[] = [];
  let lintStatus = 0;

  before(async () => {
    const [json, err] = await Promise.all([depcruise("json"), depcruise("err")]);
    violations = (JSON.parse(json.stdout) as { summary: { violations: Violation[] } }).summary.violations;
    lintStatus = err.status;
  });

  it("fails on an upward import, a type-only cycle, a contract value in a service and a feature import the map does not allow", () => {
    // The reporter `npm run lint` uses exits with the number of errors.
    expect(lintStatus, "exit status of the lint run").to.equal(violations.length);
    const found = violations.map((v) => `${v.rule.name}: ${strip(v.from)} -> ${strip(v.to)}`).sort();
    expect(found).to.deep.equal(
      [
        // core/ imports a feature (and closes a cycle with it).
        "core-imports-no-feature: core/quota.ts -> youtube/service.ts",
        "no-cycle: core/quota.ts -> youtube/service.ts",
        // Two modules that only import each other's types are still a cycle.
        "no-cycle: ai/answer.ts -> ai/prompt.ts",
        "contracts-are-types-outside-callables: analysis/pipeline.ts -> contracts/analysis.ts",
        "feature-youtube: youtube/lookups.ts -> analysis/pipeline.ts",
        "feature-youtube: youtube/lookups.ts -> sync/service.ts",
        "named-features-import-no-unnamed-folder: youtube/lookups.ts -> sync/service.ts",
      ].sort(),
    );
    const typeCycle = violations.find((v) => v.rule.name === "no-cycle" && v.from.includes("/ai/"));
    expect(typeCycle?.cycle?.map((c) => strip(c.name))).to.deep.equal(["ai/prompt.ts", "ai/answer.ts"]);
  });

  it("lets the allowed directions through: contract types, a function file's lazy contract, a new folder on top", () => {
    const froms = violations.map((v) => strip(v.from));
    for (const allowed of ["analysis/functions.ts", "sync/service.ts", "index.ts", "contracts/analysis.ts", "domain/plans.ts"]) {
      expect(froms, allowed).to.not.include(allowed);
    }
  });
});
