// Failing the analysis jobs that stopped (see sweepStuckAnalyses in functions.ts): no
// heartbeat for longer than the trigger's timeout, or never claimed.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { ANALYSIS_TIMEOUT_SECONDS } from "./limits";
import { discardStaging } from "./fanout/staging";
import { finishUnsuccessfully } from "./jobLifecycle";

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
