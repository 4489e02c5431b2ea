// A job whose trigger or tasks died (crash, timeout, a fan-out that stalls)
// would stay `processing` forever and hold the owner's quota. Every 10
// minutes, jobs with no heartbeat (every stage and every finished batch
// beats) for longer than the trigger's timeout are failed and their quota
// given back; jobs still `pending` that long (their trigger never claimed
// them) are failed too, so nothing waits for ever.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { db } from "../core/firebase";
import { ANALYSIS_TIMEOUT_SECONDS } from "./limits";
import { discardStaging } from "./fanout/staging";
import { finishUnsuccessfully } from "./jobLifecycle";

export const sweepStuckAnalyses = onSchedule({ schedule: "every 10 minutes", timeoutSeconds: 300 }, async () => {
  const result = await failStuckJobs(db(), new Date());
  logger.info("stuck analysis sweep", result);
});

export async function failStuckJobs(firestore: Firestore, now: Date) {
  const cutoff = Timestamp.fromMillis(now.getTime() - (ANALYSIS_TIMEOUT_SECONDS + 60) * 1000);
  const stuck = await firestore
    .collection("analysis_jobs")
    .where("status", "==", "processing")
    .where("heartbeatAt", "<", cutoff)
    .limit(500)
    .get();
  let failed = 0;
  for (const doc of stuck.docs) {
    const done = await finishUnsuccessfully(
      firestore,
      doc.ref,
      {
        status: "failed",
        error: { code: "deadline-exceeded", message: "The analysis stopped responding and was ended. Your quota was given back; please try again." },
      },
      now,
    );
    if (done) failed += 1;
  }
  const pending = await firestore.collection("analysis_jobs").where("status", "==", "pending").where("createdAt", "<", cutoff).limit(500).get();
  for (const doc of pending.docs) {
    const done = await finishUnsuccessfully(
      firestore,
      doc.ref,
      { status: "failed", error: { code: "deadline-exceeded", message: "The analysis never started. Nothing was charged; please try again." } },
      now,
    );
    if (done) failed += 1;
  }
  for (const doc of [...stuck.docs, ...pending.docs]) await discardStaging(firestore, doc.id).catch(() => undefined);
  return { examined: stuck.size + pending.size, failed };
}
