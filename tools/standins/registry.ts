// Starts the local stand-ins the stack needs (YouTube Data API, Gemini, Paddle API, Google OAuth) on
// loopback ports and says how the functions reach them: `params` become the
// Functions emulator's .env (and the test process's env), `secrets` its
// .secret.local, `tooling` only the env of the test/demo/bench process.
import { startGemini } from "./gemini";
import { startPaddle } from "./paddle";
import { startOAuthStandIn } from "./oauth";
import type { StandInEnv, StandInOptions, StandInStarter } from "./starter";
import { startYouTubeStandIn } from "./youtube";

export interface RunningStandIns {
  env: StandInEnv;
  close(): Promise<void>;
}

// Slot order fixes each stand-in's port (basePort + index).
const starters: StandInStarter[] = [startYouTubeStandIn, startGemini, startPaddle, startOAuthStandIn];

export async function startStandIns(options: StandInOptions): Promise<RunningStandIns> {
  const env: StandInEnv = {
    // Defaults for the local stack: offline AI, test-only Paddle secret. Every
    // secret a function declares has a value, so the Functions emulator never
    // asks Secret Manager. GEMINI_API_KEY has none: with AI_BACKEND=vertex (the
    // default, and the test stack's functions) no function declares it, and
    // the functions must not find one in their environment; the Gemini
    // stand-in gives it its key when LENTLY_AI_PROVIDER=gemini runs the key path.
    params: {
      AI_PROVIDER: "local",
      // Off for the emulator tests that are not about App Check (test/core/appcheck.test.ts turns it on).
      ENFORCE_APP_CHECK: "false",
      CORS_ORIGINS: "http://localhost:5173,http://127.0.0.1:5173",
      // Paddle price ids of the local stack (tests and demo sign events with these).
      PADDLE_PRICE_STARTER: "pri_local_starter",
      PADDLE_PRICE_PRO: "pri_local_pro,pri_local_pro_yearly",
      PADDLE_PRICE_BUSINESS: "pri_local_business",
      // The local stack's own quota: the analysis queues dispatch as fast as the machine allows,
      // and a failing task is retried after a second, not ten (the bench sets a real quota).
      AI_REQUESTS_PER_MINUTE: "6000",
      // Webhook endpoints of the local stack listen on 127.0.0.1 (never allowed in production).
      WEBHOOKS_ALLOW_LOOPBACK: "true",
      ...(options.mode === "test"
        ? { ANALYSIS_TASK_MIN_BACKOFF_SECONDS: "1", ANALYSIS_TASK_MAX_ATTEMPTS: "4", WEBHOOK_MIN_BACKOFF_SECONDS: "1", WEBHOOK_MAX_ATTEMPTS: "3" }
        : {}),
    },
    secrets: { PADDLE_WEBHOOK_SECRET: "pdl_ntfset_local_stack_secret" },
    tooling: {},
  };
  const closers: Array<() => Promise<void>> = [];
  for (const [index, start] of starters.entries()) {
    const started = await start(options.basePort + index, options);
    Object.assign(env.params, started.env.params);
    Object.assign(env.secrets, started.env.secrets);
    Object.assign(env.tooling, started.env.tooling);
    if (started.env.functionsOnly) {
      env.functionsOnly ??= { params: {}, secrets: {} };
      Object.assign(env.functionsOnly.params, started.env.functionsOnly.params);
      Object.assign(env.functionsOnly.secrets, started.env.functionsOnly.secrets);
    }
    closers.push(() => started.close());
  }
  return {
    env,
    async close() {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
