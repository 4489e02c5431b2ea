// A job whose trigger or tasks died (crash, timeout, a fan-out that stalls)
// would stay `processing` forever and hold the owner's quota. Every 10
// minutes, jobs with no heartbeat (every stage and every finished batch
// beats) for longer than the trigger's timeout are failed and their quota
// given back; jobs still `pending` that long (their trigger never claimed
// them) are failed too, so nothing waits for ever.
import { logger } from "firebase-functions/logger";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { db } from "../core/firebase";

export const sweepStuckAnalyses = onSchedule({ schedule: "every 10 minutes", timeoutSeconds: 300 }, async () => {
  const result = await (await import("./stuckJobs")).failStuckJobs(db(), new Date());
  logger.info("stuck analysis sweep", result);
});
