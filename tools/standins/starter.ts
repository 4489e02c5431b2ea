// What a stand-in is to the registry (registry.ts): a starter that takes its
// port and contributes env. Here, apart, so each stand-in and the registry
// that starts them need not import each other.
export interface StandInEnv {
  params: Record<string, string>;
  secrets: Record<string, string>;
  tooling: Record<string, string>;
  /**
   * Params and secrets of the Functions emulator alone: the deployed functions
   * see them, the test process (whose in-process tests pick their provider
   * explicitly) does not.
   */
  functionsOnly?: { params: Record<string, string>; secrets: Record<string, string> };
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
