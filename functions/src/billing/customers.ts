// Which Lently user a Paddle event belongs to, in order of trust:
//  1. `custom_data.userId`, set by the web app when it opens the checkout,
//     accepted only for a user that exists;
//  2. the Paddle customer id, mapped to a user the first time an event of that
//     customer was matched (paddle_customers/{customerId}, user-owned, so
//     deleteAccount removes it);
//  3. the customer's email, from the Paddle API (only when PADDLE_API_KEY is
//     set), matched to an Auth user.
// No match: the caller stores the event as `unmatched`, to be applied when the
// customer becomes known.
import type { Auth } from "firebase-admin/auth";
import type { DocumentReference, Firestore, Timestamp } from "firebase-admin/firestore";
import { customerOf, customUserOf, type PaddleEvent } from "./events";
import type { CustomerDirectory } from "./paddle";

export interface CustomerDoc {
  userId: string;
  customer_id: string;
  resolved_via: ResolvedUser["via"];
  created_at: Timestamp;
}

export interface ResolvedUser {
  uid: string;
  via: "custom_data" | "customer" | "email";
}

export function customerRef(db: Firestore, customerId: string): DocumentReference<CustomerDoc> {
  return db.doc(`paddle_customers/${customerId}`) as DocumentReference<CustomerDoc>;
}

function isNotFound(err: unknown): boolean {
  return (err as { code?: unknown }).code === "auth/user-not-found";
}

async function userExists(db: Firestore, authAdmin: Auth, uid: string): Promise<boolean> {
  if ((await db.doc(`users/${uid}`).get()).exists) return true;
  try {
    await authAdmin.getUser(uid);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

export async function resolveUser(
  db: Firestore,
  authAdmin: Auth,
  directory: CustomerDirectory | null,
  event: PaddleEvent,
): Promise<ResolvedUser | null> {
  const custom = customUserOf(event);
  if (custom && (await userExists(db, authAdmin, custom))) return { uid: custom, via: "custom_data" };
  const customerId = customerOf(event);
  if (!customerId) return null;
  const mapped = (await customerRef(db, customerId).get()).data();
  if (mapped) return { uid: mapped.userId, via: "customer" };
  if (!directory) return null;
  const email = await directory.emailOf(customerId);
  if (!email) return null;
  try {
    return { uid: (await authAdmin.getUserByEmail(email)).uid, via: "email" };
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}
