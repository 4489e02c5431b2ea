// What paces Gemini calls: `CallGate.acquire` runs before every HTTP attempt.
// Project-wide gates live in core/budgets/aiBucket.ts (the Firestore bucket
// shared by every instance) and the analysis queue's rateLimits; RateGate below
// paces within one instance only (at most `rpm` starts in any sliding 60 s
// window), for callers that are not on a shared budget.
import type { CallGate } from "../../core/budgets/callGate";
import { sleep } from "./retry";

const WINDOW_MS = 60_000;

export class RateGate implements CallGate {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  /** `rpm` ≤ 0 means unlimited. */
  constructor(
    private readonly rpm: number,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = sleep,
  ) {}

  /** Resolves when a request may start; calls are served in order. */
  acquire(): Promise<void> {
    if (this.rpm <= 0) return Promise.resolve();
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.starts.length && this.starts[0] <= now - WINDOW_MS) this.starts.shift();
      if (this.starts.length < this.rpm) {
        this.starts.push(now);
        return;
      }
      await this.wait(this.starts[0] + WINDOW_MS - now);
    }
  }
}
