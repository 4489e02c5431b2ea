// One Admin SDK app per instance, created on first use rather than at module
// load, so that loading lib/index.js (which every function instance does)
// stays cheap.
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth, type Auth } from "firebase-admin/auth";
import { getFirestore, type Firestore } from "firebase-admin/firestore";

let firestore: Firestore | undefined;

/** The default app: named apps (a test's or a tool's own) are never picked up by accident. */
export function app() {
  return getApps().find((a) => a.name === "[DEFAULT]") ?? initializeApp();
}

export function db(): Firestore {
  if (!firestore) {
    firestore = getFirestore(app());
    firestore.settings({ ignoreUndefinedProperties: true });
  }
  return firestore;
}

export function auth(): Auth {
  return getAuth(app());
}
