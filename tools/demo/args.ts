// The demo's command line: `npm run demo -- [--json FILE] [video url or id]`.
import { resolve } from "node:path";
import { FIXTURE_IDS } from "../standins/fixtures";

export interface DemoArgs {
  video: string;
  jsonFile?: string;
}

/** `[--json FILE] [video]`; FILE is relative to where `npm run demo` was typed. */
export function parseDemoArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): DemoArgs {
  const args: DemoArgs = { video: env.DEMO_VIDEO ?? FIXTURE_IDS.demo };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--json") {
      const file = argv[i + 1];
      if (!file || file.startsWith("--")) throw new Error("--json needs a file name: npm run demo -- --json analysis.json");
      args.jsonFile = resolve(env.INIT_CWD ?? process.cwd(), file);
      i += 1;
    } else if (arg.startsWith("--json=")) {
      args.jsonFile = resolve(env.INIT_CWD ?? process.cwd(), arg.slice("--json=".length));
    } else if (arg.startsWith("--")) {
      throw new Error(`unknown option ${arg}; usage: npm run demo -- [--json FILE] [video url or id]`);
    } else {
      args.video = arg;
    }
  }
  return args;
}

