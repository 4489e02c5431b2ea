// Optimistic read-modify-write: read a few documents, decide, and commit one
// atomic batch in which every written document that was read is guarded by the
// update time it was read at (or by `create` when it did not exist). If another
// writer got there first the batch fails as a whole and the decision is made
// again on fresh data, after a short jittered pause.
//
// Why not runTransaction: the Admin SDK's transactions take pessimistic locks,
// and under contention on one document (50 quota reservations at once) the
// Firestore emulator deadlocks until its lock timeout (firebase-tools #1629,
// #6758). Preconditions give the same all-or-nothing, no-lost-update guarantee
// without locks, in production and in the emulator alike.
import type { DocumentData, DocumentReference, DocumentSnapshot, Firestore, UpdateData, WriteBatch } from "firebase-admin/firestore";

const FAILED_PRECONDITION = 9;
const ALREADY_EXISTS = 6;
const ABORTED = 10;

export class ContentionError extends Error {
  constructor(attempts: number) {
    super(`gave up after ${attempts} conflicting attempts`);
    this.name = "ContentionError";
  }
}

/** Writes of one attempt; guards are added for the documents that were read. */
export class GuardedWriter {
  private readonly ops: Array<(batch: WriteBatch) => void> = [];

  constructor(private readonly reads: Map<string, DocumentSnapshot>) {}

  /** Replaces the document's fields (all of them, for a document we read). */
  write<T extends DocumentData>(ref: DocumentReference<T>, data: T): void {
    const read = this.reads.get(ref.path);
    if (read?.exists) {
      this.ops.push((b) => b.update(ref, data as UpdateData<T>, { lastUpdateTime: read.updateTime! }));
    } else if (read) {
      this.ops.push((b) => b.create(ref, data));
    } else {
      this.ops.push((b) => b.set(ref, data));
    }
  }

  /** Changes some fields of a document we read (it must exist). */
  update<T extends DocumentData>(ref: DocumentReference<T>, data: UpdateData<T>): void {
    const read = this.reads.get(ref.path);
    this.ops.push((b) => (read?.exists ? b.update(ref, data, { lastUpdateTime: read.updateTime! }) : b.update(ref, data)));
  }

  delete(ref: DocumentReference): void {
    const read = this.reads.get(ref.path);
    this.ops.push((b) => (read?.exists ? b.delete(ref, { lastUpdateTime: read.updateTime! }) : b.delete(ref)));
  }

  get size(): number {
    return this.ops.length;
  }

  apply(batch: WriteBatch): void {
    for (const op of this.ops) op(batch);
  }
}

function isConflict(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === FAILED_PRECONDITION || code === ALREADY_EXISTS || code === ABORTED;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function readModifyWrite<T>(
  db: Firestore,
  refs: DocumentReference[],
  decide: (snaps: DocumentSnapshot[], writer: GuardedWriter) => T | Promise<T>,
  options: { maxAttempts?: number } = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 60;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const snaps = refs.length ? await db.getAll(...refs) : [];
    const writer = new GuardedWriter(new Map(snaps.map((s) => [s.ref.path, s])));
    const result = await decide(snaps, writer);
    if (writer.size === 0) return result;
    const batch = db.batch();
    writer.apply(batch);
    try {
      await batch.commit();
      return result;
    } catch (err) {
      if (!isConflict(err)) throw err;
      // Full jitter, growing with the attempt, capped: contenders spread out quickly.
      await pause(Math.random() * Math.min(250, 10 * 2 ** Math.min(attempt, 5)));
    }
  }
  throw new ContentionError(maxAttempts);
}
