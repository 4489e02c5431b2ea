// What a creator reads when an analysis fails: a stable code and a message
// that explains what happened without leaking internals (SDK messages can
// contain request URLs with keys, so they are never passed through).
import { HttpsError } from "firebase-functions/v2/https";
import { aiErrorToHttps, isAiError } from "../ai/errors";
import { ContentionError } from "../core/readModifyWrite";
import type { JobError } from "./jobDoc";

const GRPC_UNAVAILABLE = new Set([4, 10, 14]); // DEADLINE_EXCEEDED, ABORTED, UNAVAILABLE

function fromHttps(err: HttpsError): JobError {
  const details = err.details && typeof err.details === "object" ? (err.details as Record<string, unknown>) : undefined;
  return { code: err.code, message: err.message, ...(details ? { details } : {}) };
}

export function describeFailure(err: unknown): JobError {
  if (err instanceof HttpsError) return fromHttps(err);
  if (isAiError(err)) return fromHttps(aiErrorToHttps(err));
  if (err instanceof ContentionError) {
    return { code: "unavailable", message: "Lently is very busy right now. Please try again in a minute." };
  }
  if (GRPC_UNAVAILABLE.has((err as { code?: number }).code ?? -1)) {
    return { code: "unavailable", message: "Saving the analysis failed because the database was unavailable. Please try again." };
  }
  return { code: "internal", message: "The analysis failed unexpectedly. Please try again; your quota was given back." };
}
