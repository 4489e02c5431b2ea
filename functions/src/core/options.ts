// Options every function shares; imported first by index.ts. From
// v2/options, not the v2 index: that one loads every v2 trigger provider
// (database with the Realtime Database SDK, alerts, storage…) on each cold start.
import { setGlobalOptions } from "firebase-functions/v2/options";

setGlobalOptions({ region: "us-central1", maxInstances: 20 });
