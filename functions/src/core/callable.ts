// The shared shape of every user-facing callable: require a signed-in caller
// from a verified app (App Check, ENFORCE_APP_CHECK) whose account was not
// deleted (tombstone), validate `request.data` with zod, run the handler, and
// make sure nothing but an HttpsError ever reaches the client (unexpected
// errors are logged, with no input echoed, and answered as `internal`).
import { logger } from "firebase-functions/logger";
import { defineBoolean } from "firebase-functions/params";
import { HttpsError, type CallableRequest, type CallableResponse } from "firebase-functions/v2/https";
import type { z } from "zod";
import { fromZodError } from "./errors";
import { db } from "./firebase";
import { lazy } from "./lazy";
import { isDeleted } from "./tombstone";

/**
 * Callables refuse requests without a valid App Check token. On by default;
 * the local test stack turns it off (tools/standins/registry.ts) except where
 * a test is about App Check.
 */
export const ENFORCE_APP_CHECK = defineBoolean("ENFORCE_APP_CHECK", {
  default: true,
  description: "Refuse callable requests that carry no valid App Check token",
});

export interface CallContext {
  uid: string;
  token: Record<string, unknown>;
  request: CallableRequest<unknown>;
  /** For streaming callables: `response.sendChunk` when `request.acceptsStreaming`. */
  response?: CallableResponse<unknown>;
}

export interface AuthedOptions {
  /**
   * The callable spends AI budget and is declared with `consumeAppCheckToken`:
   * a token seen before (a replay) is refused. Only meaningful with enforcement on.
   */
  consumesAppCheck?: boolean;
  /** deleteAccount only: a deletion cut short must be finishable with the same token. */
  allowDeleted?: boolean;
}

function checkApp(request: CallableRequest<unknown>, options: AuthedOptions): void {
  if (!ENFORCE_APP_CHECK.value()) return;
  // The SDK sets `app` only for a token it verified (the emulator decodes it unverified; see README).
  if (!request.app) throw new HttpsError("unauthenticated", "This app could not be verified (App Check). Update or reload the app.");
  if (options.consumesAppCheck && request.app.alreadyConsumed) {
    throw new HttpsError("permission-denied", "This request was already made once (App Check token replayed).");
  }
}

/** A request schema, loaded when the callable first runs (see `contractOf`). */
export type RequestSchema<S extends z.ZodType> = () => Promise<S>;

/**
 * The request schemas of one contract module (functions/src/contracts/*), each
 * built on its callable's first call: every instance loads lib/index.js, so
 * building every callable's zod schemas there would cost all of them.
 * `const contract = contractOf(() => import("../contracts/users"))`, then
 * `authed(contract("getMeRequest"), …)`.
 */
export function contractOf<M>(load: () => Promise<M>): <K extends keyof M>(name: K) => () => Promise<M[K]> {
  const module = lazy(load);
  return (name) => async () => (await module())[name];
}

export function authed<S extends z.ZodType, R>(
  schema: RequestSchema<S>,
  handler: (input: z.infer<S>, ctx: CallContext) => Promise<R>,
  options: AuthedOptions = {},
): (request: CallableRequest<unknown>, response?: CallableResponse<unknown>) => Promise<R> {
  return async (request, response) => {
    const uid = request.auth?.uid;
    if (!uid) throw new HttpsError("unauthenticated", "Sign in to use Lently.");
    checkApp(request, options);
    const parsed = (await schema()).safeParse(request.data ?? {});
    if (!parsed.success) throw fromZodError(parsed.error);
    try {
      // An ID token outlives its account by up to an hour: a deleted account's token recreates and writes nothing.
      if (!options.allowDeleted && (await isDeleted(db(), uid))) throw new HttpsError("unauthenticated", "This account has been deleted.");
      return await handler(parsed.data, { uid, token: request.auth?.token ?? {}, request, response });
    } catch (err) {
      if (err instanceof HttpsError) throw err;
      logger.error("callable failed", {
        function: process.env.FUNCTION_TARGET ?? process.env.K_SERVICE,
        uid,
        error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      });
      throw new HttpsError("internal", "Something went wrong on our side. Please try again.");
    }
  };
}
