// Where the demo writes what the user should see. Inside tools/stack.ts the
// demo's own stdout is the emulator log file (firebase-tools gives its script
// the same stdout as itself), so the stack hands it a loopback channel to the
// real terminal instead (tools/quietConsole.ts). Run on its own, it is stdout.
import { createConnection, type Socket } from "node:net";
import { CONSOLE_ENV, CONSOLE_TTY_ENV } from "../quietConsole";

export interface DemoConsole {
  /** Whether the user's terminal is a TTY (a live progress bar) or a pipe/file (one line per step). */
  tty: boolean;
  write(text: string): void;
  /** Flushes everything written; the demo calls it before it exits. */
  close(): Promise<void>;
}

export function openDemoConsole(env: NodeJS.ProcessEnv = process.env): DemoConsole {
  const address = env[CONSOLE_ENV];
  if (!address) {
    return { tty: Boolean(process.stdout.isTTY), write: (text) => void process.stdout.write(text), close: () => Promise.resolve() };
  }
  const [host, port] = address.split(":");
  const socket: Socket = createConnection({ host, port: Number(port) });
  socket.on("error", (err) => process.stderr.write(`demo: console channel failed: ${err.message}\n`));
  return {
    tty: env[CONSOLE_TTY_ENV] === "1",
    write: (text) => void socket.write(text),
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed) return resolve();
        socket.once("close", () => resolve());
        socket.end();
      }),
  };
}
