// The demo's clean terminal: emulator and function logs go to a file, and the
// demo process (which firebase-tools runs with the file as its stdout) writes
// what the user should see to a loopback channel that tools/stack.ts copies to
// its own stdout. Used by stack.ts for `demo`; the demo side is
// tools/demo/console.ts.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";

/** Environment the console's writers read: where to connect, and whether the real stdout is a terminal. */
export const CONSOLE_ENV = "LENTLY_CONSOLE";
export const CONSOLE_TTY_ENV = "LENTLY_CONSOLE_TTY";

export interface QuietConsole {
  /** Path of the log file that receives the emulators' stdout and stderr. */
  logPath: string;
  /** File descriptor to give the emulators' process as stdout and stderr. */
  logFd: number;
  /** To add to the environment of the process the stack runs. */
  env: Record<string, string>;
  /** Waits for the demo's output to drain, then prints where the logs are (and their tail when `code` is not 0). */
  finish(code: number): Promise<void>;
}

/** The last `count` lines of a file ('' when it is missing). */
export function tailOf(path: string, count: number): string {
  if (!existsSync(path)) return "";
  const lines = readFileSync(path, "utf8").replace(/\s+$/, "").split("\n");
  return lines.slice(-count).join("\n");
}

export async function openQuietConsole(dir: string, name: string): Promise<QuietConsole> {
  mkdirSync(dir, { recursive: true });
  const logPath = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.log`);
  const logFd = openSync(logPath, "w");
  const open = new Set<Socket>();
  let drained: () => void = () => undefined;
  const server = createServer((socket) => {
    open.add(socket);
    socket.pipe(process.stdout, { end: false });
    socket.on("close", () => {
      open.delete(socket);
      if (open.size === 0) drained();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    logPath,
    logFd,
    env: { [CONSOLE_ENV]: `127.0.0.1:${port}`, [CONSOLE_TTY_ENV]: process.stdout.isTTY ? "1" : "0" },
    async finish(code) {
      // A writer still connected after its process ended (it cannot be) is not waited for past 2 s.
      if (open.size > 0) await new Promise<void>((resolve) => ((drained = resolve), setTimeout(resolve, 2_000).unref()));
      server.close();
      closeSync(logFd);
      if (code !== 0) {
        process.stderr.write(`\nLast lines of the emulator and function logs (${logPath}):\n${tailOf(logPath, 40)}\n\n`);
      }
      process.stdout.write(`Emulator and function logs: ${logPath}\n`);
    },
  };
}
