// YouTube Data API units as one operation spends them. The YouTube service
// counts every call on a meter; the budget (youtubeBudget.ts) extends it to
// charge the project's ledger before each call. Defined here, below both, so
// the budget need not import the service.
/** Quota units spent, shared by the calls of one operation (so a failure still tells what it cost). */
export class UnitMeter {
  units = 0;
  add(n = 1): void {
    this.units += n;
  }
  /** Called before every HTTP call; a budgeted meter (core/budgets) charges the unit here and may refuse. What it resolves to is handed back to `release`. */
  reserve(): Promise<unknown> {
    return Promise.resolve(undefined);
  }
  /** Called with what `reserve` gave when the call never reached YouTube (no HTTP status): a budgeted meter gives the unit back. */
  release(_reservation: unknown): Promise<void> {
    return Promise.resolve();
  }
}
