// The shared shape of every user-facing callable: require a signed-in caller,
// validate `request.data` with zod, run the handler, and make sure nothing but
// an HttpsError ever reaches the client (unexpected errors are logged, with no
// input echoed, and answered as `internal`).
import { logger } from "firebase-functions/logger";
import { HttpsError, type CallableRequest, type CallableResponse } from "firebase-functions/v2/https";
import type { z } from "zod";
import { fromZodError } from "./errors";

export interface CallContext {
  uid: string;
  token: Record<string, unknown>;
  request: CallableRequest<unknown>;
  /** For streaming callables: `response.sendChunk` when `request.acceptsStreaming`. */
  response?: CallableResponse<unknown>;
}

export function authed<S extends z.ZodType, R>(
  schema: S,
  handler: (input: z.infer<S>, ctx: CallContext) => Promise<R>,
): (request: CallableRequest<unknown>, response?: CallableResponse<unknown>) => Promise<R> {
  return async (request, response) => {
    const uid = request.auth?.uid;
    if (!uid) throw new HttpsError("unauthenticated", "Sign in to use Lently.");
    const parsed = schema.safeParse(request.data ?? {});
    if (!parsed.success) throw fromZodError(parsed.error);
    try {
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
