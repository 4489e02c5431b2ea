// Loaded by mocha before any test file: points the Admin SDK of in-process
// tests at the test project on the emulators.
import { TEST_PROJECT } from "./emulators";

process.env.GCLOUD_PROJECT = TEST_PROJECT;
process.env.GOOGLE_CLOUD_PROJECT = TEST_PROJECT;
process.env.FIREBASE_CONFIG = JSON.stringify({ projectId: TEST_PROJECT });

// The token debug feature firebase-tools gives every function in the Functions
// emulator (functionsEmulator.js getEmulatorEnvs): tokens are decoded, not
// verified. Only the callable handler reads it (test/core/appcheck.test.ts);
// set before firebase-functions is first loaded, which reads it once. (Not the
// emulator's enableCors: onRequest handlers tested with fake requests need their own CORS.)
process.env.FIREBASE_DEBUG_MODE = "true";
process.env.FIREBASE_DEBUG_FEATURES = JSON.stringify({ skipTokenVerification: true });
