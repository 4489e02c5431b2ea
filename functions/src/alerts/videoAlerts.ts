// A video's alerts from its counts before and after a change: the one entry
// point both the analysis path (afterAnalysis.ts) and the sync (onSync.ts) call.
import type { Firestore } from "firebase-admin/firestore";
import type { Settings } from "../domain/settings";
import { fireAlert, type FireOutcome } from "./fire";
import { crossedNegativeThreshold, negativeShare, percent, type ShareCounts } from "./negativeShare";

export interface VideoChange {
  uid: string;
  videoId: string;
  title: string | null;
  before: ShareCounts | null;
  after: ShareCounts;
  /** The analysis id, or the sync's `{runId}_{batchIndex}`. */
  eventId: string;
  /** Where the change came from ("analysis" or "sync"), kept on the notification. */
  via: "analysis" | "sync";
  analysisId?: string;
}

/** What was decided, per alert: nothing (the condition did not newly hold), or the fire outcome. */
export async function evaluateVideoAlerts(db: Firestore, settings: Settings, change: VideoChange, now: Date): Promise<{ negativeShare: FireOutcome | "not_crossed" | "off" }> {
  const rule = settings.alerts.negativeShare;
  if (!rule.enabled) return { negativeShare: "off" };
  if (!crossedNegativeThreshold(change.before, change.after, rule.thresholdPercent)) return { negativeShare: "not_crossed" };
  const share = negativeShare(change.after)!;
  const previous = negativeShare(change.before);
  const name = change.title ? `“${change.title}”` : `video ${change.videoId}`;
  const outcome = await fireAlert(db, {
    uid: change.uid,
    key: `negative_share_${change.videoId}`,
    eventId: change.eventId,
    cooldownHours: rule.cooldownHours,
    now,
    notification: {
      type: "negative_share",
      source: "alerts",
      title: `Negative comments rose to ${percent(share)} on ${name}`,
      body:
        `${change.after.negative} of ${change.after.total} comments are negative` +
        (previous === null ? "" : ` (was ${percent(previous)})`) +
        `, above your ${rule.thresholdPercent} % alert.`,
      videoId: change.videoId,
      negativeShare: Math.round(share * 1000) / 1000,
      previousShare: previous === null ? null : Math.round(previous * 1000) / 1000,
      thresholdPercent: rule.thresholdPercent,
      via: change.via,
      ...(change.analysisId ? { analysisId: change.analysisId } : {}),
    },
  });
  return { negativeShare: outcome };
}
