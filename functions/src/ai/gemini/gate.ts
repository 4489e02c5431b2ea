// Paces request starts to the project's requests-per-minute quota within this
// instance: at most `rpm` starts in any sliding 60 s window. Bursts up to the
// quota go out at once; beyond it a caller waits for the oldest start to age
// out. (Across instances the task queue's rateLimits do the same job.)
import { sleep } from "./retry";

const WINDOW_MS = 60_000;

export class RateGate {
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
