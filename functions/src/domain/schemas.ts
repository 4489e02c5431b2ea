// Reusable zod building blocks for callable inputs.
import { z } from "zod";

// Control characters (except tab/newline) never belong in user text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Trimmed, NFC-normalised text of bounded length without control characters. */
export function text(max: number, min = 1) {
  return z
    .string()
    .max(max * 4, `must be at most ${max} characters`) // cheap guard before normalising huge input
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? "must not be empty" : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !CONTROL.test(s), "must not contain control characters"),
    );
}

export const httpsUrl = z
  .string()
  .max(2048, "must be at most 2048 characters")
  .refine((s) => {
    try {
      return new URL(s).protocol === "https:";
    } catch {
      return false;
    }
  }, "must be an https:// URL");

/** Opaque Firestore document id as issued by the server. */
export const docId = z
  .string()
  .min(1, "must not be empty")
  .max(128, "must be at most 128 characters")
  .regex(/^[A-Za-z0-9_-]+$/, "must be a document id (letters, digits, - and _)");

/** Cursor pagination shared by the history and list callables. */
export const pageInput = {
  limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(50, "must be at most 50").optional(),
  cursor: docId.optional(),
};

/** An empty object: callables that take no input still reject unknown fields. */
export const noInput = z.strictObject({});
