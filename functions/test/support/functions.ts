// firebase-functions-test in online mode against the emulators, and helpers to
// call wrapped callables as a given user.
import firebaseFunctionsTest from "firebase-functions-test";
import type { CallableFunction, CallableRequest } from "firebase-functions/v2/https";
import { HttpsError } from "firebase-functions/v2/https";
import * as deployed from "../../src/index";
import { checkResponse } from "./contracts";
import { TEST_PROJECT } from "./emulators";

export const fft = firebaseFunctionsTest({ projectId: TEST_PROJECT });

export interface Caller {
  uid: string;
  token?: Record<string, unknown>;
}

/** Calls a v2 callable in-process, as `caller` (or unauthenticated when null). */
export function call<Req, Res>(fn: CallableFunction<Req, Res>, data: unknown, caller: Caller | null): Promise<Res> {
  const request = {
    data,
    auth: caller ? { uid: caller.uid, token: { uid: caller.uid, ...caller.token } } : undefined,
    rawRequest: { headers: {} },
    acceptsStreaming: false,
  } as unknown as CallableRequest<Req>;
  const name = Object.entries(deployed).find(([, f]) => f === (fn as unknown))?.[0];
  return (fft.wrap(fn)(request) as Promise<Res>).then((response) => {
    // A callable not exported by index.ts (a test's own) has no contract to keep.
    if (name) checkResponse(name, response);
    return response;
  });
}

/** Resolves to the error of class `type` the promise rejects with; fails when it resolves or rejects otherwise. */
export async function rejectionOf<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof type) return err;
    throw err;
  }
  throw new Error(`expected a rejection with ${type.name}`);
}

/** Resolves to the HttpsError a call rejects with; fails when it does not reject. */
export function callError(promise: Promise<unknown>): Promise<HttpsError> {
  return rejectionOf(promise, HttpsError);
}
