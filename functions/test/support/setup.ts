// Loaded by mocha before any test file: points the Admin SDK of in-process
// tests at the test project on the emulators.
import { TEST_PROJECT } from "./emulators";

process.env.GCLOUD_PROJECT = TEST_PROJECT;
process.env.GOOGLE_CLOUD_PROJECT = TEST_PROJECT;
process.env.FIREBASE_CONFIG = JSON.stringify({ projectId: TEST_PROJECT });
