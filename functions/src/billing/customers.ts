// Which Lently user a Paddle event belongs to. One source only: the customer
// → user mapping paddle_customers/{customerId}, written by the server:
//  - getCheckoutCustomer (checkout.ts) gets or creates the caller's Paddle
//    customer through the API before a checkout and maps it;
//  - the customer task (customerTask.ts) maps a customer whose email, looked
//    up through the API, belongs to a user whose email is verified.
// `custom_data`, which the browser sets, never identifies anyone: a checkout
// opened with someone else's billing email (Paddle matches returning
// customers by email) or someone else's uid gains nothing and costs them
// nothing. An event of an unmapped customer is stored as unmatched and
// applied once the customer is mapped.
import type { DocumentReference, Firestore, Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { customerOf, customUserOf, type PaddleEvent } from "./events";

export interface CustomerDoc {
  userId: string;
  customer_id: string;
  resolved_via: "checkout" | "email";
  created_at: Timestamp;
}

export function customerRef(db: Firestore, customerId: string): DocumentReference<CustomerDoc> {
  return db.doc(`paddle_customers/${customerId}`) as DocumentReference<CustomerDoc>;
}

/** The user mapped to the event's customer, or null. */
export async function resolveUser(db: Firestore, event: PaddleEvent): Promise<string | null> {
  const customerId = customerOf(event);
  if (!customerId) return null;
  const uid = (await customerRef(db, customerId).get()).data()?.userId ?? null;
  const claimed = customUserOf(event);
  if (claimed && claimed !== uid) {
    // Worth knowing (a stale web app, or someone trying), never acted on.
    logger.warn("paddle custom_data.userId disagrees with the customer mapping; ignored", { eventId: event.id, customerId, mapped: uid !== null });
  }
  return uid;
}

/** The customer already mapped to `uid`, if any. */
export async function customerOfUser(db: Firestore, uid: string): Promise<string | null> {
  const snap = await db.collection("paddle_customers").where("userId", "==", uid).limit(1).get();
  return snap.empty ? null : snap.docs[0].id;
}
