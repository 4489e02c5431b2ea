// The customer task (paddleCustomerTask, a task queue function): what the
// webhook must not do on its request path.
//  1. A customer with no mapping: its email from the Paddle API, matched to a
//     user whose email is verified (a customer who paid before ever opening
//     a checkout through getCheckoutCustomer, e.g. from a payment link).
//  2. A mapped customer: its events stored as unmatched are applied in order.
// Idempotent and resumable: the mapping is created only when missing and each
// replayed event leaves `unmatched` atomically, so a retry continues where a
// failed run stopped.
import { Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { z } from "zod";
import { readModifyWrite } from "../core/readModifyWrite";
import { replayUnmatched, type BillingContext } from "./apply";
import { customerRef, type CustomerDoc } from "./customers";

/** The task's data: a Paddle customer id. */
export const customerTaskInput = z.strictObject({ customerId: z.string().regex(/^ctm_[A-Za-z0-9_]{1,64}$/) });

export type CustomerTaskContext = Omit<BillingContext, "enqueueCustomerTask">;

async function matchByVerifiedEmail(ctx: CustomerTaskContext, customerId: string): Promise<string | null> {
  if (!ctx.directory) return null;
  const email = await ctx.directory.emailOf(customerId);
  if (!email) return null;
  const user = await ctx.auth.getUserByEmail(email).catch((err: { code?: string }) => {
    if (err.code === "auth/user-not-found") return null;
    throw err;
  });
  if (!user?.emailVerified) return null;
  const ref = customerRef(ctx.db, customerId);
  return readModifyWrite(ctx.db, [ref], ([snap], writer) => {
    const mapped = snap.get("userId") as string | undefined;
    if (mapped) return mapped;
    const mapping: CustomerDoc = { userId: user.uid, customer_id: customerId, resolved_via: "email", created_at: Timestamp.fromDate(ctx.now()) };
    writer.write(ref, mapping);
    return user.uid;
  });
}

export async function runCustomerTask(ctx: CustomerTaskContext, customerId: string): Promise<{ uid: string | null; replayed: number }> {
  const mapped = (await customerRef(ctx.db, customerId).get()).get("userId") as string | undefined;
  const uid = mapped ?? (await matchByVerifiedEmail(ctx, customerId));
  if (!uid) return { uid: null, replayed: 0 };
  const replayed = await replayUnmatched({ ...ctx, enqueueCustomerTask: async () => {} }, customerId, uid);
  logger.info("paddle customer task", { customerId, uid, matched: mapped ? "mapping" : "email", replayed });
  return { uid, replayed };
}
