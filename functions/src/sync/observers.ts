// What acts on a sync's new comments (rules, alerts, cross-channel spam) runs
// here, from the sync's own finalize task, once per committed batch of synced
// comments and after their labels are stored (docs/channel.md: Observers).
//
// Each observer is isolated: one that throws (or hangs past its time limit)
// is recorded and neither stops the others nor fails the sync. A checkpoint,
// sync_runs/{runId}/observed/{batchIndex}, records each observer that finished,
// so a redelivered task calls none of them twice for the same batch; one that
// failed is tried again on a redelivery, up to MAX_OBSERVER_ATTEMPTS in all.
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { alertsOnSync } from "../alerts/onSync";
import { spamOnSync } from "../channelSpam/observer";
import type { NamedSyncObserver, SyncCommittedBatch } from "../domain/sync";

/**
 * Every feature that acts on new comments, one line each:
 *   { name: "rules", observe: runRulesOnSync },
 * Names are stable (the checkpoint records them).
 */
export const SYNC_OBSERVERS: readonly NamedSyncObserver[] = [
  { name: "spam", observe: spamOnSync },
  { name: "alerts", observe: alertsOnSync },
];

/** Calls of one observer for one batch before it is given up (a redelivery retries a failed one). */
export const MAX_OBSERVER_ATTEMPTS = 3;
/** An observer that has not answered by then counts as failed (the sync goes on). */
export const OBSERVER_TIME_LIMIT_MS = 120_000;

export interface ObserverReport {
  /** Called now and finished. */
  ran: string[];
  /** Finished on an earlier delivery: not called again. */
  skipped: string[];
  /** Called now and threw or timed out. */
  failed: string[];
  /** Failed MAX_OBSERVER_ATTEMPTS times before: not called again. */
  givenUp: string[];
}

interface Checkpoint {
  done?: Record<string, unknown>;
  attempts?: Record<string, number>;
}

export const observedRef = (db: Firestore, runId: string, batchIndex: number) =>
  db.doc(`sync_runs/${runId}/observed/${String(batchIndex).padStart(4, "0")}`);

function withTimeLimit<T>(work: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`observer ${name} gave no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** Runs every observer not yet run on this batch; never throws for an observer's failure. */
export async function notifyObservers(
  db: Firestore,
  batch: SyncCommittedBatch,
  options: { observers?: readonly NamedSyncObserver[]; now?: Date; timeLimitMs?: number } = {},
): Promise<ObserverReport> {
  const observers = options.observers ?? SYNC_OBSERVERS;
  const report: ObserverReport = { ran: [], skipped: [], failed: [], givenUp: [] };
  if (observers.length === 0) return report;
  const ref = observedRef(db, batch.runId, batch.batchIndex);
  const checkpoint = ((await ref.get()).data() ?? {}) as Checkpoint;
  const now = options.now ?? new Date();

  const due = observers.filter((o) => {
    if (checkpoint.done?.[o.name] !== undefined) {
      report.skipped.push(o.name);
      return false;
    }
    if ((checkpoint.attempts?.[o.name] ?? 0) >= MAX_OBSERVER_ATTEMPTS) {
      report.givenUp.push(o.name);
      return false;
    }
    return true;
  });

  await Promise.all(
    due.map(async (o) => {
      // Counted before the call: an instance killed mid-call still uses up an attempt.
      await ref.set({ uid: batch.uid, attempts: { [o.name]: FieldValue.increment(1) } }, { merge: true });
      try {
        await withTimeLimit(o.observe(batch, { db, now }), options.timeLimitMs ?? OBSERVER_TIME_LIMIT_MS, o.name);
      } catch (err) {
        report.failed.push(o.name);
        logger.warn("sync observer failed", { observer: o.name, runId: batch.runId, batchIndex: batch.batchIndex, reason: err instanceof Error ? err.name : "unknown" });
        return;
      }
      await ref.set({ done: { [o.name]: FieldValue.serverTimestamp() } }, { merge: true });
      report.ran.push(o.name);
    }),
  );
  return report;
}
