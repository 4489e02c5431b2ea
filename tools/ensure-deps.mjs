// Runs before `npm test`, `npm run demo` and `npm run bench` so that a fresh clone
// needs no install step of its own: installs from the lockfile when node_modules
// is missing or older than package-lock.json.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const marker = join(root, "node_modules", ".package-lock.json");
const lock = join(root, "package-lock.json");
const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  process.stderr.write("Installing dependencies (npm ci)…\n");
  execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
}
