// The web app's view: the Firebase client SDK (firebase@12) signed in against
// the Auth emulator, calling functions with httpsCallable and reading Firestore
// under the security rules, exactly as the Lently web app does.
import { deleteApp, initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, type User } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore, setLogLevel, type Firestore } from "firebase/firestore";
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from "firebase/functions";

/** Emulator addresses, as tools/stack.ts exports them to the processes it runs. */
function emulatorEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through tools/stack.ts (npm test / npm run demo).`);
  return value;
}
const STACK_PROJECT = process.env.LENTLY_PROJECT_ID ?? "demo-lently";
const authHost = () => emulatorEnv("FIREBASE_AUTH_EMULATOR_HOST");
const firestoreHost = () => emulatorEnv("FIRESTORE_EMULATOR_HOST");
const functionsPort = () => Number(process.env.LENTLY_FUNCTIONS_PORT ?? "5001");

export interface WebClient {
  app: FirebaseApp;
  user: User;
  functions: Functions;
  firestore: Firestore;
  call<Res = unknown>(name: string, data?: unknown): Promise<Res>;
  close(): Promise<void>;
}

let clients = 0;
// Rules denials that tests provoke on purpose would otherwise be logged by the SDK.
setLogLevel("silent");

export async function signUp(email = `user-${process.pid}-${Date.now()}-${clients}@example.com`): Promise<WebClient> {
  clients += 1;
  const app = initializeApp({ projectId: STACK_PROJECT, apiKey: "demo-api-key", authDomain: `${STACK_PROJECT}.firebaseapp.com` }, `client-${clients}`);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${authHost()}`, { disableWarnings: true });
  const functions = getFunctions(app, "us-central1");
  connectFunctionsEmulator(functions, "127.0.0.1", functionsPort());
  const firestore = getFirestore(app);
  const [host, port] = firestoreHost().split(":");
  connectFirestoreEmulator(firestore, host, Number(port));
  const { user } = await createUserWithEmailAndPassword(auth, email, "correct-horse-battery");
  return {
    app,
    user,
    functions,
    firestore,
    async call<Res>(name: string, data: unknown = {}) {
      const result = await httpsCallable<unknown, Res>(functions, name)(data);
      return result.data;
    },
    async close() {
      await deleteApp(app);
    },
  };
}
