// Firestore data → JSON for callables: Timestamps become ISO strings, recursively.
import { Timestamp } from "firebase-admin/firestore";

export function toClient(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toClient);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toClient(inner);
    return out;
  }
  return value;
}
