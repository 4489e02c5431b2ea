// Benchmark of the monthly usage reset on the Firestore emulator: seeds N
// users whose period has ended (profiles and usage docs, batched writes),
// runs resetDueUsage, and reports users reset per second. A second run must
// reset nobody. The lead wires it into `npm run bench`:
//
//   const { benchUsageReset } = await import("./bench/reset");
//   console.log(await benchUsageReset(db, 5000));
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { resetDueUsage, type ResetOptions } from "../../functions/src/billing/reset";
import { PLAN_IDS, PLANS } from "../../functions/src/domain/plans";

const DAY = 86_400_000;

export interface SeedOptions {
  /** The instant the reset will run at; every seeded period ended before it. */
  now: Date;
  /** uid prefix, so that several seeds can share a project. */
  prefix?: string;
  /** Parallel batch commits. */
  concurrency?: number;
}

/**
 * Seeds `count` users (profile + usage) whose period ended 1–10 days before
 * `now`, plans cycling free → starter → pro → business, counters non-zero.
 * 250 users (500 writes) per batch, a few batches in flight.
 */
export async function seedDueUsers(db: Firestore, count: number, options: SeedOptions): Promise<string[]> {
  const prefix = options.prefix ?? "bench";
  const uids = Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(6, "0")}`);
  const perBatch = 250;
  const chunks: number[] = [];
  for (let i = 0; i < uids.length; i += perBatch) chunks.push(i);
  const concurrency = options.concurrency ?? 4;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const first = chunks[next++];
      const batch = db.batch();
      for (let i = first; i < Math.min(first + perBatch, uids.length); i += 1) {
        const uid = uids[i];
        const plan = PLAN_IDS[i % PLAN_IDS.length];
        const end = new Date(options.now.getTime() - (1 + (i % 10)) * DAY);
        const start = new Date(end.getTime() - 30 * DAY);
        const at = Timestamp.fromDate(start);
        batch.set(db.doc(`users/${uid}`), { uid, email: null, displayName: null, photoURL: null, plan, createdAt: at, updatedAt: at });
        batch.set(db.doc(`users/${uid}/billing/usage`), {
          plan,
          counters: { videos: 1, ai_questions: 2 },
          // Deliberately stale limits: the reset must take them from the profile's plan.
          limits: { ...PLANS.free.limits },
          period_start: at,
          period_end: Timestamp.fromDate(end),
          created_at: at,
          updated_at: at,
        });
      }
      await batch.commit();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  return uids;
}

export interface ResetBenchResult {
  users: number;
  reset: number;
  seconds: number;
  usersPerSecond: number;
  secondRunReset: number;
  seedSeconds: number;
}

export async function benchUsageReset(db: Firestore, users = 5000, options: ResetOptions = {}): Promise<ResetBenchResult> {
  const now = new Date();
  const seedStart = performance.now();
  await seedDueUsers(db, users, { now, prefix: `bench-${now.getTime()}` });
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const start = performance.now();
  const first = await resetDueUsage(db, now, options);
  const seconds = (performance.now() - start) / 1000;
  const second = await resetDueUsage(db, now, options);
  return {
    users,
    reset: first.reset,
    seconds: Math.round(seconds * 100) / 100,
    usersPerSecond: Math.round(first.reset / seconds),
    secondRunReset: second.reset,
    seedSeconds: Math.round(seedSeconds * 100) / 100,
  };
}
