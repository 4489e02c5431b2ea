// rule_actions: the audit log of every action a rule took or skipped, with
// the rule, the comment, the reason, who approved it and the YouTube units
// spent. An action's entry (id `{ruleId}_{commentId}`) is created before the
// action, so it is also the claim that makes one rule act once per comment;
// skips get their own entries.
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import type { LOG_OUTCOMES } from "../contracts/rules";
import type { RuleMode } from "../domain/ruleLimits";

export type LogOutcome = (typeof LOG_OUTCOMES)[number];

export interface LogEntry {
  ruleId: string;
  ruleName: string;
  commentId: string;
  videoId: string;
  action: string;
  mode: RuleMode;
  outcome: LogOutcome;
  reason: string;
  approvedBy: string | null;
  runId: string | null;
  youtubeUnits: number;
  at: Timestamp;
}

export const logCol = (db: Firestore, uid: string) => db.collection(`users/${uid}/rule_actions`);
export const actionKey = (ruleId: string, commentId: string) => `${ruleId}_${commentId}`;

const ALREADY_EXISTS = 6;

/** Claims the action of a rule on a comment; false when the rule already acted (or queued an action) on it. */
export async function claimAction(db: Firestore, uid: string, entry: LogEntry): Promise<boolean> {
  try {
    await logCol(db, uid).doc(actionKey(entry.ruleId, entry.commentId)).create(entry);
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === ALREADY_EXISTS) return false;
    throw err;
  }
}

export async function settleAction(db: Firestore, uid: string, key: string, change: Partial<Pick<LogEntry, "outcome" | "reason" | "approvedBy" | "youtubeUnits">>, now: Date): Promise<void> {
  await logCol(db, uid).doc(key).update({ ...change, at: Timestamp.fromDate(now) });
}

export async function logSkip(db: Firestore, uid: string, entry: Omit<LogEntry, "outcome" | "approvedBy" | "youtubeUnits">): Promise<void> {
  await logCol(db, uid).add({ ...entry, outcome: "skipped", approvedBy: null, youtubeUnits: 0 });
}

export async function getRuleLog(db: Firestore, uid: string, input: { limit?: number; ruleId?: string }) {
  let query = logCol(db, uid).orderBy("at", "desc");
  if (input.ruleId) query = logCol(db, uid).where("ruleId", "==", input.ruleId).orderBy("at", "desc");
  const snap = await query.limit(input.limit ?? 100).get();
  return {
    entries: snap.docs.map((d) => {
      const e = d.data() as LogEntry;
      return { id: d.id, ...e, at: e.at.toDate().toISOString() };
    }),
  };
}
