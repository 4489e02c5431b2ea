// Many document writes committed in as few batches as fit: each commit stays
// under a byte budget, because the Firestore emulator refuses gRPC messages
// over 4 MiB (production: 10 MiB) and the client then retries without end.
import type { DocumentReference, Firestore } from "firebase-admin/firestore";
import { chunkByBytes } from "./chunking";

/** Bytes per commit: well under the emulator's 4 MiB gRPC cap and production's 10 MiB request limit. */
export const COMMIT_BUDGET_BYTES = 3_000_000;

/** Firestore's own cap on writes in one batch. */
export const MAX_WRITES_PER_BATCH = 500;

export interface PendingWrite {
  ref: DocumentReference;
  data: Record<string, unknown>;
}

/** Estimated encoded size of a document: JSON bytes plus its path, a little over Firestore's own accounting. */
export function estimateWriteBytes(write: PendingWrite): number {
  return Buffer.byteLength(JSON.stringify(write.data), "utf8") + write.ref.path.length + 64;
}

/** Groups writes so that no group exceeds the byte budget or the batch size (a lone oversized write gets a group of its own). */
export function groupWrites(writes: readonly PendingWrite[], maxBytes = COMMIT_BUDGET_BYTES): PendingWrite[][] {
  return chunkByBytes(writes, { maxBytes, maxItems: MAX_WRITES_PER_BATCH, sizeOf: estimateWriteBytes });
}

/** Commits `writes` (set, overwriting) in byte-sized batches, one after another; resolves to the number of commits. */
export async function commitInByteBatches(db: Firestore, writes: readonly PendingWrite[], maxBytes = COMMIT_BUDGET_BYTES): Promise<number> {
  const groups = groupWrites(writes, maxBytes);
  for (const group of groups) {
    const batch = db.batch();
    for (const write of group) batch.set(write.ref, write.data);
    await batch.commit();
  }
  return groups.length;
}
