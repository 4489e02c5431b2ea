// What `npm run deploy:check -- --project <id>` refuses: every production
// setting that is missing or still a development value, a secret a function
// binds that the runbook does not list, a paid plan without a price id, and a
// functions lockfile that is not the tested tree. Pure: the CLI
// (tools/deployCheck.ts) gathers the inputs.

/** A param as firebase-functions declares it (`declaredParams`). */
export interface DeclaredParam {
  name: string;
  secret: boolean;
  /** undefined: no default, the deploy must be given a value. */
  default?: unknown;
}

export interface DeployInputs {
  /** The name of the env file read, for the messages. */
  envFile: string;
  /** Its values; undefined when the file does not exist. */
  env: Record<string, string> | undefined;
  params: readonly DeclaredParam[];
  /** Secrets that deployed functions bind (their endpoints' secretEnvironmentVariables). */
  boundSecrets: readonly string[];
  /** docs/deploy.md. */
  runbook: string;
  /** Plans a subscription can grant (every plan but free). */
  paidPlans: readonly string[];
  /** functions/package-lock.json as committed, and as derived from the root lockfile. */
  lock: { committed: string | undefined; derived: string };
}

const LOCAL_HOST = /^(localhost|127\.|0\.0\.0\.0|\[::1\]|::1)/i;

function isLocalUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol !== "https:" || LOCAL_HOST.test(url.hostname);
  } catch {
    return true;
  }
}

const list = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/** Production params whose default only suits development: each must be set in the env file, to a production value. */
const PRODUCTION_VALUES: Record<string, (value: string) => string | null> = {
  PADDLE_ENVIRONMENT: (v) => (v === "production" ? null : `must be "production" (is "${v}")`),
  CORS_ORIGINS: (v) => {
    const bad = list(v).filter(isLocalUrl);
    return list(v).length === 0 ? "must list the web app's https origins" : bad.length ? `not an https production origin: ${bad.join(", ")}` : null;
  },
  OAUTH_REDIRECT_URIS: (v) => {
    const bad = list(v).filter(isLocalUrl);
    return list(v).length === 0 ? "must list the web app's https redirect URIs" : bad.length ? `not an https production URI: ${bad.join(", ")}` : null;
  },
  GOOGLE_OAUTH_CLIENT_ID: (v) => (/\.apps\.googleusercontent\.com$/.test(v) ? null : "must be the web app's OAuth client id (….apps.googleusercontent.com)"),
};

/** Params that point at a service: when set, never at a local stand-in. */
const SERVICE_URLS = ["GEMINI_BASE_URL", "YOUTUBE_API_ROOT_URL", "GOOGLE_OAUTH_BASE_URL"];

/** Every problem, one line each naming the setting; empty: the deploy may go ahead. */
export function deployProblems(input: DeployInputs): string[] {
  const problems: string[] = [];
  const env = input.env;
  if (!env) problems.push(`${input.envFile}: missing (copy functions/.env.example and fill it in)`);
  const values = env ?? {};
  const secrets = new Set(input.params.filter((p) => p.secret).map((p) => p.name));

  for (const [name, rule] of Object.entries(PRODUCTION_VALUES)) {
    const value = values[name];
    if (value === undefined || value.trim() === "") problems.push(`${name}: missing in ${input.envFile}`);
    else {
      const problem = rule(value.trim());
      if (problem) problems.push(`${name}: ${problem}`);
    }
  }
  for (const plan of input.paidPlans) {
    const name = `PADDLE_PRICE_${plan.toUpperCase()}`;
    const ids = list(values[name] ?? "");
    if (ids.length === 0) problems.push(`${name}: missing in ${input.envFile} (no price id grants the ${plan} plan)`);
    else {
      const bad = ids.filter((id) => !/^pri_[a-z0-9]{10,}$/.test(id));
      if (bad.length) problems.push(`${name}: not a Paddle price id (pri_…): ${bad.join(", ")}`);
    }
  }
  for (const name of SERVICE_URLS) {
    const value = values[name]?.trim();
    if (value && isLocalUrl(value)) problems.push(`${name}: points at ${value}, not a production https endpoint`);
  }
  if (values.AI_PROVIDER?.trim() === "local") problems.push("AI_PROVIDER: \"local\" is the offline development provider");
  if (values.ENFORCE_APP_CHECK?.trim() === "false") problems.push("ENFORCE_APP_CHECK: false turns App Check off in production");
  for (const param of input.params) {
    if (param.secret || param.default !== undefined || PRODUCTION_VALUES[param.name]) continue;
    if (!values[param.name]?.trim()) problems.push(`${param.name}: has no default and is missing in ${input.envFile}`);
  }
  for (const name of Object.keys(values)) {
    if (secrets.has(name)) problems.push(`${name}: is a secret; it belongs in Secret Manager, not in ${input.envFile}`);
  }
  for (const secret of [...new Set(input.boundSecrets)].sort()) {
    if (!new RegExp(`\\b${secret}\\b`).test(input.runbook)) problems.push(`${secret}: bound by a function but not listed in docs/deploy.md`);
  }
  if (input.lock.committed === undefined) problems.push("functions/package-lock.json: missing (npm run lock:functions)");
  else if (input.lock.committed !== input.lock.derived) problems.push("functions/package-lock.json: not the tested tree of package-lock.json (npm run lock:functions)");
  return problems;
}

/** KEY=VALUE lines as firebase-tools reads them (comments, blank lines, optional quotes). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, "");
    out[match[1]] = value;
  }
  return out;
}
