// getCheckoutCustomer: the caller's Paddle customer, got or created through
// the Paddle API before a checkout, so that the customer → user mapping is
// written by the server only. The web app opens Paddle.js with the returned
// customer id (`Paddle.Checkout.open({ customer: { id }, items })`), which
// fixes the billing email to the account's own.
//
// Only a verified email is looked up or used: Paddle matches returning
// customers by email, so an unverified address could claim someone else's
// customer and, with it, their subscriptions.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { failedPrecondition, unavailable } from "../core/errors";
import { readModifyWrite } from "../core/readModifyWrite";
import { customerOfUser, customerRef, type CustomerDoc } from "./customers";
import type { CustomerDirectory } from "./paddle";

export interface CheckoutDeps {
  db: Firestore;
  directory: CustomerDirectory | null;
  enqueueCustomerTask: (customerId: string) => Promise<void>;
  now?: () => Date;
}

export interface Caller {
  uid: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface CheckoutCustomer {
  /** For Paddle.js: `customer: { id }`. */
  customer: { id: string; email: string };
  created: boolean;
}

export async function getCheckoutCustomer(deps: CheckoutDeps, caller: Caller): Promise<CheckoutCustomer> {
  if (!deps.directory) throw unavailable("Billing is not configured on this server.");
  if (!caller.email) throw failedPrecondition("Add an email address to your account before subscribing.", { reason: "email_missing" });
  if (!caller.emailVerified) {
    throw failedPrecondition("Verify your email address before subscribing.", { reason: "email_not_verified" });
  }
  const known = await customerOfUser(deps.db, caller.uid);
  if (known) return { customer: { id: known, email: caller.email }, created: false };

  const customerId = await deps.directory.findOrCreate(caller.email, caller.name);
  const ref = customerRef(deps.db, customerId);
  const now = deps.now?.() ?? new Date();
  const created = await readModifyWrite(deps.db, [ref], ([snap], writer) => {
    const owner = snap.get("userId") as string | undefined;
    if (owner === caller.uid) return false;
    // The same verified email on two accounts (e.g. one deleted and signed up again is fine: its mapping is gone).
    if (owner) throw failedPrecondition("This billing email is linked to another Lently account.", { reason: "customer_linked_elsewhere" });
    const mapping: CustomerDoc = { userId: caller.uid, customer_id: customerId, resolved_via: "checkout", created_at: Timestamp.fromDate(now) };
    writer.write(ref, mapping);
    return true;
  });
  // Events of this customer that arrived before the mapping (e.g. an earlier checkout) are applied by the task.
  if (created) await deps.enqueueCustomerTask(customerId);
  return { customer: { id: customerId, email: caller.email }, created };
}
