// `npm run bench:coldstart`: what a cold start costs. Cloud Functions loads the
// whole lib/index.js in every instance of every function, so that load is
// paid by all of them; heavier code is loaded lazily by the functions that
// need it. Measured in fresh Node processes, median of RUNS (index and floor
// interleaved, so machine load hits both alike):
//   indexMs    — require("lib/index.js")
//   floorMs    — only what every function here must load: the firebase-functions
//                v2 trigger modules index.js uses (observed, not listed here),
//                firebase-admin's app, Firestore and Auth, and zod
//   ratio      — indexMs / floorMs (target ≤ 1.2)
//   functions[name] — the modules that function's first call loads beyond
//                index.js, read from the built code (the lazy `import()`s
//                reachable from its handler), and the time to load them
// JSON on stdout; a table on stderr.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";

const RUNS = Number(process.env.COLDSTART_RUNS ?? "9");
const functionsDir = join(__dirname, "..", "functions");
const lib = join(functionsDir, "lib");
const index = join(lib, "index.js");
const ENV = { ...process.env, GCLOUD_PROJECT: "demo-lently", FUNCTIONS_CONTROL_API: "true" };

/** What every function must load besides its triggers. */
const FLOOR_BASE = ["firebase-admin/app", "firebase-admin/firestore", "firebase-admin/auth", "zod"];

function timeInFreshProcess(setup: string[], measured: string[]): number {
  const script = `
    const { performance } = require("node:perf_hooks");
    for (const m of ${JSON.stringify(setup)}) require(m);
    const t0 = performance.now();
    for (const m of ${JSON.stringify(measured)}) require(m);
    process.stdout.write(String(performance.now() - t0));
  `;
  return Number(execFileSync(process.execPath, ["-e", script], { cwd: functionsDir, env: ENV, encoding: "utf8" }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The firebase-functions v2 trigger modules a fresh require of index.js loads, as package subpaths. */
function triggersUsed(): string[] {
  const script = `
    require(${JSON.stringify(index)});
    const used = Object.keys(require.cache)
      .map((p) => /node_modules\\/firebase-functions\\/lib\\/v2\\/providers\\/([a-z]+)\\.js$/i.exec(p))
      .filter(Boolean).map((m) => "firebase-functions/v2/" + m[1]);
    process.stdout.write(JSON.stringify([...new Set(used)].sort()));
  `;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: functionsDir, env: ENV, encoding: "utf8" })) as string[];
}

// ---- which modules a function's first call loads, read from the built code ----

interface ModuleInfo {
  text: string;
  /** `const x_1 = require("…")` → resolved path. */
  vars: Map<string, string>;
  staticDeps: string[];
  lazyDeps: string[];
}

const LAZY = /Promise\.resolve\(\)\.then\(\(\) => (?:__importStar\()?require\("([^"]+)"\)\)?\)/g;
const modules = new Map<string, ModuleInfo>();

function resolveFrom(file: string, spec: string): string | undefined {
  try {
    return createRequire(file).resolve(spec);
  } catch {
    return undefined;
  }
}

function info(file: string): ModuleInfo {
  const known = modules.get(file);
  if (known) return known;
  const text = file.startsWith(lib) ? readFileSync(file, "utf8") : "";
  const lazySpecs = [...text.matchAll(LAZY)].map((m) => m[1]);
  const withoutLazy = text.replace(LAZY, "");
  const vars = new Map<string, string>();
  for (const m of withoutLazy.matchAll(/(?:const|var|let) (\w+) = (?:__importStar\(|__importDefault\()?require\("([^"]+)"\)/g)) {
    const path = resolveFrom(file, m[2]);
    if (path) vars.set(m[1], path);
  }
  const staticDeps = [...withoutLazy.matchAll(/require\("([^"]+)"\)/g)].map((m) => resolveFrom(file, m[1])).filter((p): p is string => Boolean(p));
  const lazyDeps = lazySpecs.map((s) => resolveFrom(file, s)).filter((p): p is string => Boolean(p));
  const made = { text, vars, staticDeps, lazyDeps };
  modules.set(file, made);
  return made;
}

/** Lazy imports reachable from `roots` through static requires of our own code, and everything they load lazily in turn. */
function lazyClosure(roots: string[], lazyRoots: string[]): string[] {
  const found = new Set<string>(lazyRoots);
  const seen = new Set<string>();
  const queue = [...roots, ...lazyRoots];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file) || !file.startsWith(lib)) continue;
    seen.add(file);
    const m = info(file);
    for (const dep of m.staticDeps) queue.push(dep);
    for (const dep of m.lazyDeps) {
      found.add(dep);
      queue.push(dep);
    }
  }
  return [...found];
}

/** The top-level statement `exports.NAME = …` of a compiled module, plus the same-file functions it calls. */
function handlerText(text: string, name: string): string {
  // Not the `exports.a = exports.b = void 0;` line tsc writes first.
  const start = text.search(new RegExp(`\\nexports\\.${name} = (?!exports\\.|void 0)`));
  if (start < 0) return "";
  const rest = text.slice(start + 1);
  const end = rest.slice(1).search(/\n(?:exports\.|function |async function |const |let |var |class )/);
  let body = end < 0 ? rest : rest.slice(0, end + 1);
  // Same-file helpers the handler uses (priceConfig(), `const ingest = lazy(() => import(…))`), to a fixpoint.
  const helpers = new Map(
    [...text.matchAll(/\n(?:async function|function|const|let|var) (\w+)(?: = |\()(?!(?:__importStar\(|__importDefault\()?require\()/g)].map((m) => [m[1], m.index]),
  );
  const included = new Set<string>();
  // A helper's name inside a string (the "../contracts/ask" of `contractOf(() => import(…))`) is no use of it.
  const code = () => body.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
  for (let grew = true; grew; ) {
    grew = false;
    for (const [helper, at] of helpers) {
      if (included.has(helper) || !new RegExp(`(?<![.\\w$])${helper}\\b`).test(code())) continue;
      const after = text.slice(at + 1);
      const stop = after.slice(1).search(/\n(?:exports\.|function |async function |const |let |var |class )/);
      body += after.slice(0, stop < 0 ? undefined : stop + 1);
      included.add(helper);
      grew = true;
    }
  }
  return body;
}

/** Modules `name`'s first call loads beyond index.js, as absolute paths. */
function firstCallModules(sourceFile: string, name: string, loadedByIndex: Set<string>): string[] {
  const source = info(sourceFile);
  const body = handlerText(source.text, name);
  const referenced = [...new Set([...body.matchAll(/\b(\w+_\d+)\./g)].map((m) => m[1]))]
    .map((v) => source.vars.get(v))
    .filter((p): p is string => Boolean(p));
  const lazyInBody = [...body.matchAll(LAZY)].map((m) => resolveFrom(sourceFile, m[1])).filter((p): p is string => Boolean(p));
  return lazyClosure(referenced, lazyInBody).filter((p) => !loadedByIndex.has(p));
}

/** A module path for the report: a package name, or a path under lib/. */
function label(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return pkg ? pkg[1] : relative(lib, path).replace(/\.js$/, "");
}

function main(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(index) as Record<string, unknown>;
  const loadedByIndex = new Set(Object.keys(require.cache));
  const sourceOf = (name: string) =>
    Object.entries(require.cache).find(([path, m]) => path !== index && path.startsWith(lib) && (m?.exports as Record<string, unknown>)?.[name] === exported[name])?.[0];

  const triggers = triggersUsed();
  const floorModules = [...triggers, ...FLOOR_BASE];
  const indexRuns: number[] = [];
  const floorRuns: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    indexRuns.push(timeInFreshProcess([], [index]));
    floorRuns.push(timeInFreshProcess([], floorModules));
  }
  const indexMs = round(median(indexRuns));
  const floorMs = round(median(floorRuns));
  const firebaseFunctionsMs = round(median(Array.from({ length: RUNS }, () => timeInFreshProcess([], ["firebase-functions/v2/https"]))));

  const functions: Record<string, { extraMs: number; modules: string[] }> = {};
  for (const name of Object.keys(exported)) {
    const source = sourceOf(name);
    const extra = source ? firstCallModules(source, name, loadedByIndex) : [];
    // Only the entry points: what they load statically comes with them.
    const entries = extra.filter((p) => !extra.some((other) => other !== p && info(other).staticDeps.includes(p)));
    const extraMs = entries.length ? round(median(Array.from({ length: RUNS }, () => timeInFreshProcess([index], entries)))) : 0;
    functions[name] = { extraMs, modules: [...new Set(extra.map(label))].sort() };
  }
  // What the local models add to an analysis task's first run, each on its own (issue 15's models).
  const extraOf = (modules: string[]) => round(median(Array.from({ length: RUNS }, () => timeInFreshProcess([index], modules))));
  const localModels = {
    spamModel: extraOf(["./lib/youtube/quality/spam-model.generated.js"]),
    provider: extraOf(["./lib/ai/local/provider.js"]),
    nounPhraseTagger: extraOf(["compromise"]),
  };
  const result = { runs: RUNS, indexMs, floorMs, localModels, ratio: Math.round((indexMs / floorMs) * 100) / 100, floorModules, firebaseFunctionsMs, functions };
  console.log(JSON.stringify(result));
  console.error(`cold start (median of ${RUNS} fresh processes)`);
  console.error(`  lib/index.js                    ${indexMs.toFixed(1)} ms`);
  console.error(`  floor                           ${floorMs.toFixed(1)} ms  (${floorModules.join(", ")})`);
  console.error(`  ratio                           ${result.ratio.toFixed(2)}  (target ≤ 1.20)`);
  console.error(`  firebase-functions/v2/https     ${firebaseFunctionsMs.toFixed(1)} ms`);
  for (const [name, f] of Object.entries(functions)) {
    console.error(`  + ${name.padEnd(24)} ${f.extraMs.toFixed(1).padStart(7)} ms  ${f.modules.join(", ")}`);
  }
  console.error(
    `  local models: spam model ${result.localModels.spamModel.toFixed(1)} ms, local provider ${result.localModels.provider.toFixed(1)} ms, noun-phrase tagger (compromise) ${result.localModels.nounPhraseTagger.toFixed(1)} ms`,
  );
}

if (require.main === module) main();

export { firstCallModules, handlerText };
