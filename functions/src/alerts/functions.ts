// Alerts: evaluated after each stored analysis (here) and after each sync
// batch (onSync.ts, an observer in sync/observers.ts).
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { db } from "../core/firebase";
import { lazy } from "../core/lazy";

const afterAnalysis = lazy(() => import("./afterAnalysis"));

export const alertsOnAnalysis = onDocumentCreated({ document: "analyses/{analysisId}", retry: true }, async (event) => {
  await (await afterAnalysis()).alertsAfterAnalysis(db(), event.params.analysisId, new Date());
});
