// What deploy:check reads: the project's env file, the params and secrets the
// built functions declare (functions/lib/index.js), the runbook, the lockfiles.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseEnvFile, type DeclaredParam, type DeployInputs } from "./check";
import { FUNCTIONS_LOCK, functionsLockText } from "./functionsLock";

type Endpoints = Record<string, { __endpoint?: { secretEnvironmentVariables?: Array<{ key: string }> } } | undefined>;
interface ParamsModule {
  declaredParams: Array<{ name: string; constructor: { name: string }; options?: { default?: unknown } }>;
}

export const REPO_ROOT = join(__dirname, "..", "..");

export function deployInputs(project: string, root = REPO_ROOT): DeployInputs {
  const require = createRequire(join(root, "functions", "package.json"));
  const index = require("./lib/index.js") as Endpoints;
  const { declaredParams } = require("firebase-functions/params") as ParamsModule;
  const { PLAN_IDS } = require("./lib/domain/plans.js") as { PLAN_IDS: readonly string[] };
  const params: DeclaredParam[] = declaredParams.map((p) => ({ name: p.name, secret: p.constructor.name === "SecretParam", default: p.options?.default }));
  const envFile = `functions/.env.${project}`;
  const envPath = join(root, envFile);
  const lockPath = join(root, FUNCTIONS_LOCK);
  return {
    envFile,
    env: existsSync(envPath) ? parseEnvFile(readFileSync(envPath, "utf8")) : undefined,
    params,
    boundSecrets: Object.values(index).flatMap((fn) => (fn?.__endpoint?.secretEnvironmentVariables ?? []).map((s) => s.key)),
    runbook: readFileSync(join(root, "docs", "deploy.md"), "utf8"),
    paidPlans: PLAN_IDS.filter((p) => p !== "free"),
    lock: { committed: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : undefined, derived: functionsLockText(root) },
  };
}
