// The one script that knows how to start and stop Lently's local stack: the
// official Firebase emulators (auth, functions, firestore) plus the local
// stand-ins for YouTube and Gemini. Tests, the demo and the benchmarks all run
// inside it:
//
//   node --import tsx tools/stack.ts test [mocha args…]
//   node --import tsx tools/stack.ts demo | bench | shell
//
// Everything it starts is stopped when the command ends, fails or is interrupted.
// LENTLY_PORT_OFFSET=N shifts every port (and the demo project id) so that two
// stacks can run side by side on one machine.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { join } from "node:path";
import { liveOverrides } from "./liveKeys";
import { openQuietConsole } from "./quietConsole";
import { startStandIns } from "./standins/registry";
import type { StandInEnv } from "./standins/starter";

const root = join(__dirname, "..");
const GCLOUD_FIRESTORE_JAR =
  "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
const FIRESTORE_MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";

type Mode = "test" | "demo" | "bench" | "shell";

interface Ports {
  auth: number;
  functions: number;
  firestore: number;
  hub: number;
  logging: number;
  tasks: number;
  standInBase: number;
}

function fail(line: string): never {
  process.stderr.write(`stack: ${line}\n`);
  process.exit(1);
}

function portsFor(offset: number): Ports {
  return {
    auth: 9099 + offset,
    functions: 5001 + offset,
    firestore: 8080 + offset,
    hub: 4400 + offset,
    logging: 4500 + offset,
    tasks: 9499 + offset,
    standInBase: 9390 + offset * 4,
  };
}

/** Java major version of a `java` binary, or 0 when it does not run. */
function javaMajor(bin: string): number {
  const out = spawnSync(bin, ["-version"], { encoding: "utf8" });
  const match = /version "(\d+)/.exec(`${out.stderr ?? ""}${out.stdout ?? ""}`);
  return match ? Number(match[1]) : 0;
}

/** A JDK/JRE home with Java 21+, which firebase-tools requires for the Firestore emulator. */
function findJavaHome(): string {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(process.env.JAVA_HOME);
  const jvmDir = "/usr/lib/jvm";
  if (existsSync(jvmDir)) {
    for (const name of readdirSync(jvmDir).sort().reverse()) candidates.push(join(jvmDir, name));
  }
  for (const home of candidates) {
    const bin = join(home, "bin", "java");
    if (existsSync(bin) && javaMajor(bin) >= 21) return home;
  }
  const onPath = javaMajor("java");
  if (onPath >= 21) return "";
  fail(
    `the Firestore emulator needs Java 21 or newer; found ${onPath ? `Java ${onPath}` : "no Java"}. ` +
      "Install a JDK 21+ (e.g. `apt-get install openjdk-21-jre-headless` or Temurin) or set JAVA_HOME.",
  );
}

/**
 * On a machine without internet, firebase-tools cannot download its Firestore
 * emulator. The Google Cloud CLI ships the same emulator; a two-line manifest jar
 * makes it launchable the way firebase-tools expects (`java -jar`).
 */
function firestoreBinary(javaHome: string): string | undefined {
  if (process.env.FIRESTORE_EMULATOR_BINARY_PATH) return process.env.FIRESTORE_EMULATOR_BINARY_PATH;
  if (!existsSync(GCLOUD_FIRESTORE_JAR)) {
    const cached = join(process.env.HOME ?? "/root", ".cache", "firebase", "emulators");
    const hasDownload = existsSync(cached) && readdirSync(cached).some((f) => f.startsWith("cloud-firestore-emulator"));
    if (!hasDownload && process.env.LENTLY_OFFLINE === "1") {
      fail(`no Firestore emulator: neither ${GCLOUD_FIRESTORE_JAR} nor a firebase-tools download in ${cached}.`);
    }
    return undefined; // firebase-tools downloads (or already has) its own copy
  }
  const dir = join(root, ".cache");
  const launcher = join(dir, "firestore-emulator-launcher.jar");
  if (existsSync(launcher)) return launcher;
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, "firestore-manifest.txt");
  writeFileSync(manifest, `Main-Class: ${FIRESTORE_MAIN_CLASS}\nClass-Path: ${GCLOUD_FIRESTORE_JAR}\n`);
  const jarBin = javaHome ? join(javaHome, "bin", "jar") : "jar";
  const made = spawnSync(jarBin, ["--create", "--file", launcher, "--manifest", manifest], { encoding: "utf8" });
  if (made.status !== 0) fail(`could not build the Firestore emulator launcher jar: ${made.stderr || made.error?.message}`);
  return launcher;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** firebase.json with every emulator port shifted; the committed file stays the source of truth. */
function configFor(offset: number, ports: Ports): string {
  if (offset === 0) return join(root, "firebase.json");
  const config = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8")) as {
    emulators: Record<string, { port?: number }>;
  };
  for (const name of ["auth", "functions", "firestore", "hub", "logging", "tasks"] as const) {
    config.emulators[name].port = ports[name];
  }
  const path = join(root, `firebase.port-${offset}.json`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

/** Every param and secret the built functions declare, with its default (secrets: empty). */
function declaredParams(): { params: Record<string, string>; secrets: Record<string, string> } {
  const lib = join(root, "functions", "lib", "index.js");
  if (!existsSync(lib)) fail("functions/lib is missing: run `npm run build` first.");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(lib);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { declaredParams: all } = require("firebase-functions/params") as {
    declaredParams: Array<{ name: string; constructor: { name: string }; options?: { default?: string | number | boolean } }>;
  };
  const params: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const param of all) {
    if (param.constructor.name === "SecretParam") secrets[param.name] = "";
    else if (param.options?.default !== undefined) params[param.name] = String(param.options.default);
  }
  return { params, secrets };
}

/**
 * LENTLY_PARAMS='{"AI_REQUESTS_PER_MINUTE":"30"}' sets params for one run (the
 * bench runs a project at a free tier's quota this way).
 */
function overrides(): Record<string, string> {
  if (!process.env.LENTLY_PARAMS) return {};
  try {
    const parsed = JSON.parse(process.env.LENTLY_PARAMS) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  } catch {
    fail("LENTLY_PARAMS must be a JSON object of param names to values");
  }
}

function dotenv(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join("\n")
    .concat("\n");
}

function commandFor(mode: Mode, extra: string[]): string {
  const quoted = extra.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  switch (mode) {
    case "test": {
      // Test files named on the command line replace the default set.
      const spec = extra.some((a) => a.endsWith(".ts")) ? "" : "'test/**/*.test.ts'";
      return `cd functions && node ../node_modules/mocha/bin/mocha.js ${spec} ${quoted}`;
    }
    case "demo":
      return `node --import tsx tools/demo.ts ${quoted}`;
    case "bench":
      return `node --import tsx tools/bench.ts ${quoted}`;
    case "shell":
      return `node -e "process.stderr.write('Emulators up; Ctrl-C to stop.\\n'); setInterval(() => {}, 1 << 30)"`;
  }
}

async function main(): Promise<void> {
  const [modeArg, ...extra] = process.argv.slice(2);
  const modes: Mode[] = ["test", "demo", "bench", "shell"];
  if (!modes.includes(modeArg as Mode)) fail(`usage: stack.ts ${modes.join("|")} [args…]`);
  const mode = modeArg as Mode;

  const offset = Number(process.env.LENTLY_PORT_OFFSET ?? "0");
  if (!Number.isInteger(offset) || offset < 0 || offset > 50) fail("LENTLY_PORT_OFFSET must be an integer from 0 to 50");
  const ports = portsFor(offset);
  const projectId = offset === 0 ? "demo-lently" : `demo-lently-p${offset}`;

  const javaHome = findJavaHome();
  const firestoreBin = firestoreBinary(javaHome);

  for (const [name, port] of Object.entries(ports) as Array<[string, number]>) {
    if (name !== "standInBase" && (await portInUse(port))) {
      fail(`port ${port} (${name} emulator) is already in use; stop whatever holds it or set LENTLY_PORT_OFFSET.`);
    }
  }

  const standIns = await startStandIns({ basePort: ports.standInBase, mode });
  const env: StandInEnv = standIns.env;

  // The Functions emulator reads params from .env.<projectId> and secrets from
  // .secret.local; both are generated here for each run (git-ignored) with a
  // value for every declared param, so the emulator never prompts or writes
  // a .env.local of its own (which would override these on the next run).
  const declared = declaredParams();
  // The demo with real keys in the shell uses the real YouTube / Gemini (tools/liveKeys.ts).
  const live = mode === "demo" ? liveOverrides(process.env) : { params: {}, secrets: {}, services: [] };
  if (live.services.length) process.stderr.write(`stack: real ${live.services.join(" and ")} (keys from the shell)\n`);
  const params = { ...declared.params, ...env.params, ...live.params, ...overrides() };
  const secrets = { ...declared.secrets, ...env.secrets, ...live.secrets };
  // GEMINI_API_KEY is declared by the AI functions only with AI_BACKEND=api-key (functions/src/ai/config.ts).
  const declaredBy = (name: string) => name !== "GEMINI_API_KEY" || { ...params, ...env.functionsOnly?.params }.AI_BACKEND === "api-key";
  const unset = Object.keys(secrets).filter((name) => !secrets[name] && declaredBy(name));
  if (unset.length) process.stderr.write(`stack: no local value for secret(s) ${unset.join(", ")}: the emulator will try Secret Manager\n`);
  rmSync(join(root, "functions", ".env.local"), { force: true });
  writeFileSync(join(root, "functions", `.env.${projectId}`), dotenv({ ...params, ...env.functionsOnly?.params }));
  writeFileSync(join(root, "functions", ".secret.local"), dotenv({ ...secrets, ...env.functionsOnly?.secrets }));

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...params,
    ...secrets,
    ...env.tooling,
    GCLOUD_PROJECT: projectId,
    LENTLY_PROJECT_ID: projectId,
    LENTLY_FUNCTIONS_PORT: String(ports.functions),
    METADATA_SERVER_DETECTION: "none",
    FIREBASE_CLI_DISABLE_UPDATE_CHECK: "true",
    // How long the Functions emulator waits for a new worker process to load the
    // functions (default 30 s): on two busy cores a burst of concurrent requests
    // starts many workers at once, and a slow start is not a failure.
    FUNCTIONS_DISCOVERY_TIMEOUT: process.env.FUNCTIONS_DISCOVERY_TIMEOUT ?? "120",
    // How many requests the Functions emulator runs at once (default 50). It
    // serves one request per worker process and starts a new process whenever
    // no worker of that function is idle, so a burst of 50 callers on two cores
    // starts 50 Node processes that starve each other past the web SDK's 70 s
    // timeout. Deployed, one 2nd-gen instance serves 80 requests at a time; a
    // small bound here is the closer model: requests queue for a moment and
    // warm workers are reused. Measured by the load run: 50 users, default 50 →
    // every startAnalysis deadline-exceeded; 8 → all 50 analyses completed.
    FUNCTIONS_EMULATOR_PARALLEL: process.env.FUNCTIONS_EMULATOR_PARALLEL ?? "8",
    PATH: javaHome ? `${join(javaHome, "bin")}:${process.env.PATH}` : process.env.PATH,
  };
  if (javaHome) childEnv.JAVA_HOME = javaHome;
  if (firestoreBin) childEnv.FIRESTORE_EMULATOR_BINARY_PATH = firestoreBin;

  const configPath = configFor(offset, ports);
  const args = [
    join(root, "node_modules", "firebase-tools", "lib", "bin", "firebase.js"),
    "emulators:exec",
    "--only",
    "auth,functions,firestore,tasks",
    "--project",
    projectId,
    "--config",
    configPath,
    commandFor(mode, extra),
  ];
  // The bench's stdout is its JSON alone: emulator logs go to stderr and the
  // bench writes its result to a file that is printed here at the end.
  const resultFile = join(root, ".cache", `bench-result-${process.pid}.json`);
  if (mode === "bench") {
    mkdirSync(join(root, ".cache"), { recursive: true });
    childEnv.LENTLY_RESULT_FILE = resultFile;
  }
  // The demo's stdout is its progress and report alone: emulator and function
  // logs go to a file, and the demo writes to the terminal through a channel.
  const quiet = mode === "demo" ? await openQuietConsole(join(root, ".cache", "logs"), "demo") : undefined;
  if (quiet) Object.assign(childEnv, quiet.env);
  // A process group of its own, so that an interrupt can end the emulators' JVM too.
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: childEnv,
    stdio: quiet ? ["inherit", quiet.logFd, quiet.logFd] : mode === "bench" ? ["inherit", process.stderr, "inherit"] : "inherit",
    detached: true,
  });

  let stopping = false;
  const cleanup = async (): Promise<void> => {
    await standIns.close();
    if (offset !== 0) rmSync(configPath, { force: true });
  };
  const interrupt = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`stack: ${signal}, stopping the emulators…\n`);
    try {
      process.kill(-child.pid!, "SIGINT");
    } catch {
      /* already gone */
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 15_000).unref();
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  process.on("SIGHUP", interrupt);

  const code = await new Promise<number>((resolve) => {
    child.on("exit", (status, signal) => resolve(status ?? (signal ? 1 : 0)));
  });
  // Whatever emulators:exec left in its group (it should leave nothing) ends here.
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    /* group already empty */
  }
  await cleanup();
  await quiet?.finish(code);
  if (mode === "bench" && existsSync(resultFile)) {
    process.stdout.write(readFileSync(resultFile, "utf8"));
    rmSync(resultFile, { force: true });
  }
  process.exit(code);
}

main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
