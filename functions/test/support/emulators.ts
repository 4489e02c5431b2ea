// Where the emulators are, and how to reset them between test files.
// tools/stack.ts starts them and sets these variables; tests never start their own.

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through \`npm test\` (tools/stack.ts starts the emulators).`);
  return value;
}

/** The project the Functions emulator serves (its triggers fire for it). */
export const STACK_PROJECT = process.env.LENTLY_PROJECT_ID ?? "demo-lently";

/** In-process tests use a project of their own on the same emulators, so no deployed trigger reacts to their writes. */
export const TEST_PROJECT = `${STACK_PROJECT}-it`;

export function firestoreHost(): string {
  return required("FIRESTORE_EMULATOR_HOST");
}

export function authHost(): string {
  return required("FIREBASE_AUTH_EMULATOR_HOST");
}

export function functionsPort(): number {
  return Number(process.env.LENTLY_FUNCTIONS_PORT ?? "5001");
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
}

/** Deletes every document of a project through the emulator's REST endpoint. */
export async function resetFirestore(project = TEST_PROJECT): Promise<void> {
  const url = `http://${firestoreHost()}/emulator/v1/projects/${project}/databases/(default)/documents`;
  await expectOk(await fetch(url, { method: "DELETE" }), "reset Firestore");
}

/** Deletes every Auth user of a project. */
export async function resetAuth(project = TEST_PROJECT): Promise<void> {
  const url = `http://${authHost()}/emulator/v1/projects/${project}/accounts`;
  await expectOk(await fetch(url, { method: "DELETE" }), "reset Auth");
}
