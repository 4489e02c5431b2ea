// Starts the local stand-ins the stack needs (YouTube Data API, Gemini) on
// loopback ports and says how the functions reach them: `params` become the
// Functions emulator's .env (and the test process's env), `secrets` its
// .secret.local, `tooling` only the env of the test/demo/bench process.
import { startGemini } from "./gemini";
import { startOAuthStandIn } from "./oauth";
import { startYouTubeStandIn } from "./youtube";

export interface StandInEnv {
  params: Record<string, string>;
  secrets: Record<string, string>;
  tooling: Record<string, string>;
}

export interface RunningStandIns {
  env: StandInEnv;
  close(): Promise<void>;
}

export interface StandInOptions {
  /** First of four consecutive loopback ports reserved for stand-ins. */
  basePort: number;
  mode: "test" | "demo" | "bench" | "shell";
}

/** One stand-in: started on its port, it contributes env and a stop function. */
export interface StandInStarter {
  (port: number, options: StandInOptions): Promise<{ env: Partial<StandInEnv>; close(): Promise<void> }>;
}

// Slot order fixes each stand-in's port (basePort + index).
const starters: StandInStarter[] = [startYouTubeStandIn, startGemini, startOAuthStandIn];

export async function startStandIns(options: StandInOptions): Promise<RunningStandIns> {
  const env: StandInEnv = {
    // Defaults for the local stack: offline AI, test-only Paddle secret.
    params: {
      AI_PROVIDER: "local",
      CORS_ORIGINS: "http://localhost:5173,http://127.0.0.1:5173",
      // Paddle price ids of the local stack (tests and demo sign events with these).
      PADDLE_PRICE_STARTER: "pri_local_starter",
      PADDLE_PRICE_PRO: "pri_local_pro,pri_local_pro_yearly",
      PADDLE_PRICE_BUSINESS: "pri_local_business",
    },
    secrets: { PADDLE_WEBHOOK_SECRET: "pdl_ntfset_local_stack_secret", PADDLE_API_KEY: "" },
    tooling: {},
  };
  const closers: Array<() => Promise<void>> = [];
  for (const [index, start] of starters.entries()) {
    const started = await start(options.basePort + index, options);
    Object.assign(env.params, started.env.params);
    Object.assign(env.secrets, started.env.secrets);
    Object.assign(env.tooling, started.env.tooling);
    closers.push(() => started.close());
  }
  return {
    env,
    async close() {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
