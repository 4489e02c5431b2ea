// functions/package-lock.json, derived from the workspace's root lockfile.
// `firebase deploy` uploads functions/ alone and Cloud Build installs its
// dependencies there: with no lockfile beside package.json it would resolve
// every `^` range afresh and deploy versions no test ran. This lock holds
// exactly the packages the workspace resolves for the functions (their
// versions, integrity and nesting), so `npm ci` in Cloud Build installs the
// tree the tests ran on. `npm run lock:functions` rewrites it;
// `deploy:check` fails when it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  [key: string]: unknown;
}

interface Lockfile {
  name: string;
  lockfileVersion: number;
  requires?: boolean;
  packages: Record<string, LockEntry>;
}

const WORKSPACE = "functions";

/** Where Node finds `name` from the package installed at `from` (a lockfile path), or undefined. */
function resolveFrom(packages: Lockfile["packages"], from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut >= 0 ? base.slice(0, cut) : "";
  }
}

/** The lockfile `npm ci` needs in functions/, from the root lockfile's entries. */
export function deriveFunctionsLock(root: Lockfile): Lockfile {
  const packages = root.packages;
  const workspace = packages[WORKSPACE];
  if (!workspace) throw new Error(`the root lockfile has no "${WORKSPACE}" workspace`);
  // Top-level names the workspace installs in functions/node_modules: at the top of the deployed tree they shadow the root's copies.
  const shadowed = new Set(
    Object.keys(packages)
      .filter((p) => p.startsWith(`${WORKSPACE}/node_modules/`) && !p.slice(`${WORKSPACE}/node_modules/`.length).includes("/node_modules/"))
      .map((p) => p.slice(`${WORKSPACE}/node_modules/`.length)),
  );
  const out: Record<string, LockEntry> = {};
  const prodOnly = new Map<string, boolean>();
  const source = new Map<string, string>();

  type Placed = { ws: string; out: string };
  /** Where the workspace's package `resolved` goes in the deployed tree, seen from the chain of packages that needs it. */
  const place = (resolved: string, chain: readonly Placed[], name: string): string => {
    // Nested under a package of the chain: it moves with that package.
    for (let i = chain.length - 1; i >= 0; i -= 1) {
      const { ws, out } = chain[i];
      if (resolved.startsWith(`${ws}/node_modules/`)) return out ? out + resolved.slice(ws.length) : resolved.slice(ws.length + 1);
    }
    // A root copy hidden by the workspace's own: nested under the package that needs it.
    if (resolved === `node_modules/${name}` && shadowed.has(name)) return `${chain[chain.length - 1].out}/node_modules/${name}`;
    return resolved;
  };

  const visit = (chain: readonly Placed[], prod: boolean): void => {
    const { ws, out: outPath } = chain[chain.length - 1];
    const seen = prodOnly.get(outPath);
    if (seen !== undefined && (seen || !prod)) return;
    prodOnly.set(outPath, prod || (seen ?? false));
    source.set(outPath, ws);
    const entry = packages[ws];
    const deps: Array<[string, boolean]> = [
      ...Object.keys(entry.dependencies ?? {}).map((n): [string, boolean] => [n, false]),
      ...Object.keys(entry.optionalDependencies ?? {}).map((n): [string, boolean] => [n, true]),
      ...Object.keys(entry.peerDependencies ?? {})
        .filter((n) => !entry.peerDependenciesMeta?.[n]?.optional)
        .map((n): [string, boolean] => [n, false]),
    ];
    for (const [name, optional] of deps) {
      const resolved = resolveFrom(packages, ws, name);
      if (!resolved) {
        if (optional) continue;
        throw new Error(`${ws} needs ${name}, which the root lockfile does not hold`);
      }
      visit([...chain, { ws: resolved, out: place(resolved, chain, name) }], prod);
    }
  };

  const top = (names: Record<string, string> | undefined, prod: boolean) => {
    const chain: Placed[] = [{ ws: WORKSPACE, out: "" }];
    for (const name of Object.keys(names ?? {})) {
      const resolved = resolveFrom(packages, WORKSPACE, name);
      if (!resolved) throw new Error(`functions needs ${name}, which the root lockfile does not hold`);
      visit([...chain, { ws: resolved, out: place(resolved, chain, name) }], prod);
    }
  };
  top(workspace.dependencies, true);
  top(workspace.devDependencies as Record<string, string>, false);

  for (const outPath of [...source.keys()].sort()) {
    const { dev: _dev, optional, devOptional, peer: _peer, ...entry } = packages[source.get(outPath)!];
    out[outPath] = { ...entry, ...(prodOnly.get(outPath) ? {} : { dev: true }), ...(optional || devOptional ? { optional: true } : {}) };
  }
  const { name, version, dependencies, devDependencies, engines } = workspace as LockEntry & { name: string };
  return {
    name,
    lockfileVersion: 3,
    requires: true,
    packages: { "": { name, ...(version ? { version } : {}), dependencies, devDependencies, engines }, ...out },
  };
}

export function functionsLockText(repoRoot: string): string {
  const root = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as Lockfile;
  return `${JSON.stringify(deriveFunctionsLock(root), null, 2)}\n`;
}

export const FUNCTIONS_LOCK = join(WORKSPACE, "package-lock.json");

if (process.argv[1]?.endsWith("functionsLock.ts") && process.argv.includes("--write")) {
  const repoRoot = join(__dirname, "..", "..");
  writeFileSync(join(repoRoot, FUNCTIONS_LOCK), functionsLockText(repoRoot));
  process.stderr.write(`${FUNCTIONS_LOCK} written from package-lock.json\n`);
}
