// Splitting a list across Firestore documents: each chunk stays under a byte
// budget (documents are limited to 1 MiB) and, optionally, an item count.

/** Estimated bytes per chunk: well under Firestore's 1 MiB document limit. */
export const CHUNK_BUDGET_BYTES = 700_000;

/**
 * Consecutive slices whose estimated size stays within `maxBytes` (a single
 * item larger than that gets a chunk of its own). JSON bytes over-estimate
 * Firestore's own accounting (field names + values), which is the safe side.
 */
export function chunkByBytes<T>(
  items: readonly T[],
  options: { maxBytes?: number; maxItems?: number; sizeOf?: (item: T) => number } = {},
): T[][] {
  const maxBytes = options.maxBytes ?? CHUNK_BUDGET_BYTES;
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const bytes = options.sizeOf ? options.sizeOf(item) : Buffer.byteLength(JSON.stringify(item), "utf8") + 16;
    if (current.length > 0 && (size + bytes > maxBytes || current.length >= maxItems)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
