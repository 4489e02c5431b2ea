// deploy:check: a project env with missing or development values fails naming
// each; the committed example, filled in, passes (which also holds the runbook
// to every secret a function binds and the functions lockfile to the tested tree).
import { expect } from "chai";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deployProblems, parseEnvFile } from "../../../tools/deploy/check";
import { deriveFunctionsLock } from "../../../tools/deploy/functionsLock";
import { deployInputs, REPO_ROOT } from "../../../tools/deploy/inputs";

const FILLED: Record<string, string> = {
  PADDLE_PRICE_STARTER: "pri_01hstarter0000000000000",
  PADDLE_PRICE_PRO: "pri_01hpromonthly00000000000,pri_01hproyearly000000000000",
  PADDLE_PRICE_BUSINESS: "pri_01hbusiness000000000000",
  CORS_ORIGINS: "https://app.lently.io",
  GOOGLE_OAUTH_CLIENT_ID: "123456789012-abcdef.apps.googleusercontent.com",
  OAUTH_REDIRECT_URIS: "https://app.lently.io/oauth/youtube",
};

function example(): Record<string, string> {
  return parseEnvFile(readFileSync(join(REPO_ROOT, "functions", ".env.example"), "utf8"));
}

/** The example with every empty value filled in, as an operator would. */
function filledExample(): Record<string, string> {
  const env = example();
  for (const [k, v] of Object.entries(env)) if (v === "") env[k] = FILLED[k];
  return env;
}

describe("deploy:check", () => {
  const base = deployInputs("lently-deploy-check-test");

  it("with no env file, names the file and every production setting it lacks", () => {
    const problems = deployProblems(base);
    for (const name of ["functions/.env.lently-deploy-check-test", "PADDLE_ENVIRONMENT", "PADDLE_PRICE_STARTER", "PADDLE_PRICE_PRO", "PADDLE_PRICE_BUSINESS", "CORS_ORIGINS", "OAUTH_REDIRECT_URIS", "GOOGLE_OAUTH_CLIENT_ID"]) {
      expect(problems.some((p) => p.startsWith(name)), `${name} in ${problems.join("\n")}`).to.equal(true);
    }
  });

  it("the committed example as it stands names each value still to fill", () => {
    const problems = deployProblems({ ...base, env: example() });
    expect(problems.map((p) => p.split(":")[0]).sort()).to.deep.equal(Object.keys(FILLED).sort());
  });

  it("the committed example filled in passes: runbook lists every bound secret, lockfile is the tested tree", () => {
    expect(base.boundSecrets.length).to.be.greaterThan(0);
    expect(deployProblems({ ...base, env: filledExample() })).to.deep.equal([]);
  });

  it("names each development value", () => {
    const env = {
      ...filledExample(),
      PADDLE_ENVIRONMENT: "sandbox",
      CORS_ORIGINS: "https://app.lently.io,http://localhost:5173",
      OAUTH_REDIRECT_URIS: "http://app.lently.io/oauth/youtube",
      PADDLE_PRICE_PRO: "pri_01hpromonthly00000000000,starter-monthly",
      GEMINI_BASE_URL: "http://127.0.0.1:9090/",
      AI_PROVIDER: "local",
      ENFORCE_APP_CHECK: "false",
      GEMINI_API_KEY: "AIza-in-the-wrong-place",
    };
    const named = deployProblems({ ...base, env }).map((p) => p.split(":")[0]);
    expect(named.sort()).to.deep.equal(
      ["PADDLE_ENVIRONMENT", "CORS_ORIGINS", "OAUTH_REDIRECT_URIS", "PADDLE_PRICE_PRO", "GEMINI_BASE_URL", "AI_PROVIDER", "ENFORCE_APP_CHECK", "GEMINI_API_KEY"].sort(),
    );
  });

  it("names a secret a function binds that the runbook does not list", () => {
    const problems = deployProblems({ ...base, env: filledExample(), boundSecrets: [...base.boundSecrets, "NEW_PROVIDER_KEY"] });
    expect(problems).to.deep.equal(["NEW_PROVIDER_KEY: bound by a function but not listed in docs/deploy.md"]);
    const runbook = base.runbook.replace(/CHANNEL_TOKEN_KEYS/g, "the key ring");
    expect(deployProblems({ ...base, env: filledExample(), runbook })).to.deep.equal(["CHANNEL_TOKEN_KEYS: bound by a function but not listed in docs/deploy.md"]);
  });

  it("fails on a functions lockfile that is not the root lockfile's tree", () => {
    const stale = base.lock.derived.replace(/"version": "[^"]+"/, '"version": "0.0.0"');
    expect(deployProblems({ ...base, env: filledExample(), lock: { ...base.lock, committed: stale } })).to.have.length(1);
    expect(deployProblems({ ...base, env: filledExample(), lock: { ...base.lock, committed: undefined } })[0]).to.match(/^functions\/package-lock.json: missing/);
  });

  it("derives the functions lock with the workspace's own copy on top and the root's nested under who needs it", () => {
    const root = {
      name: "root",
      lockfileVersion: 3,
      packages: {
        "": { name: "root" },
        functions: { name: "fn", dependencies: { a: "^1", b: "^1" }, devDependencies: { d: "^1" } },
        "functions/node_modules/a": { version: "2.0.0" },
        "node_modules/a": { version: "1.0.0", dev: true, dependencies: { c: "^1" } },
        "node_modules/a/node_modules/c": { version: "1.0.0" },
        "node_modules/b": { version: "1.0.0", dependencies: { a: "^1" } },
        "node_modules/d": { version: "1.0.0", dev: true },
        "node_modules/unrelated": { version: "9.0.0" },
      },
    };
    const lock = deriveFunctionsLock(root);
    expect(Object.keys(lock.packages).sort()).to.deep.equal(["", "node_modules/a", "node_modules/b", "node_modules/b/node_modules/a", "node_modules/b/node_modules/a/node_modules/c", "node_modules/d"]);
    expect(lock.packages["node_modules/a"].version).to.equal("2.0.0");
    expect(lock.packages["node_modules/b/node_modules/a"]).to.deep.equal({ version: "1.0.0", dependencies: { c: "^1" } });
    expect(lock.packages["node_modules/d"].dev).to.equal(true);
  });
});
