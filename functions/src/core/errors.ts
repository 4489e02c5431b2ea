// Every error a client sees is an HttpsError with a stable code and a human
// message; these helpers keep the wording and the details consistent.
import { HttpsError } from "firebase-functions/v2/https";
import type { ZodError } from "zod";

/** `invalid-argument` naming the field and why it is wrong. */
export function invalidArgument(field: string, why: string): HttpsError {
  return new HttpsError("invalid-argument", `${field}: ${why}`, { field, reason: why });
}

/** Turns the first zod issue into `invalid-argument` naming its field path. */
export function fromZodError(error: ZodError, root = "data"): HttpsError {
  const issue = error.issues[0];
  const path = issue?.path.length ? issue.path.map(String).join(".") : root;
  let why = issue?.message ?? "is invalid";
  if (issue?.code === "unrecognized_keys") {
    const keys = issue.keys.join(", ");
    return new HttpsError("invalid-argument", `${path === root ? root : path}: unknown field(s) ${keys}`, {
      field: issue.path.length ? path : keys,
      reason: "unknown field",
      issues: error.issues.length,
    });
  }
  // zod 4 leaves the input out of issues; a missing field reads "… received undefined".
  if (issue?.code === "invalid_type" && /received undefined$/.test(issue.message)) why = "is required";
  return new HttpsError("invalid-argument", `${path}: ${why}`, { field: path, reason: why, issues: error.issues.length });
}

export function notFound(what: string): HttpsError {
  return new HttpsError("not-found", `${what} was not found.`);
}

export function permissionDenied(message = "You do not have access to this resource."): HttpsError {
  return new HttpsError("permission-denied", message);
}

export function failedPrecondition(message: string, details?: Record<string, unknown>): HttpsError {
  return new HttpsError("failed-precondition", message, details);
}

export function unavailable(message: string, details?: Record<string, unknown>): HttpsError {
  return new HttpsError("unavailable", message, details);
}
