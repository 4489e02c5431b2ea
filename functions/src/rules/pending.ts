// The approvals queue, users/{uid}/pending_actions/{ruleId}_{commentId}: an
// action in `approve` mode waits here until the creator approves it (posted
// exactly once: the approval claims it by status in a transaction), rejects
// it, or it expires (expirePendingActions).
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import type { RuleAction } from "../contracts/rules";
import { act, recordOutcome } from "./act";
import { settleAction } from "./auditLog";
import { clock, type RulesDeps } from "./deps";

export type PendingStatus = "pending" | "posting" | "done" | "rejected" | "expired" | "failed";

export interface PendingDoc {
  ruleId: string;
  ruleName: string;
  comment: { id: string; videoId: string; author: string; authorChannelId?: string; text: string };
  analysisId: string | null;
  action: RuleAction;
  reply: string | null;
  status: PendingStatus;
  runId: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  decidedBy?: string;
  decidedAt?: Timestamp;
}

export const pendingCol = (db: Firestore, uid: string) => db.collection(`users/${uid}/pending_actions`);

export async function getPendingActions(db: Firestore, uid: string, input: { limit?: number }) {
  const snap = await pendingCol(db, uid).where("status", "==", "pending").orderBy("createdAt").limit(input.limit ?? 50).get();
  return {
    actions: snap.docs.map((d) => {
      const p = d.data() as PendingDoc;
      return {
        id: d.id,
        ruleId: p.ruleId,
        ruleName: p.ruleName,
        commentId: p.comment.id,
        videoId: p.comment.videoId,
        author: p.comment.author,
        text: p.comment.text,
        action: p.action,
        reply: p.reply,
        status: p.status,
        createdAt: p.createdAt.toDate().toISOString(),
        expiresAt: p.expiresAt.toDate().toISOString(),
      };
    }),
  };
}

/** Moves a pending action to `to` if it is still pending and not expired; the one who moves it owns it. */
async function claim(db: Firestore, uid: string, id: string, to: PendingStatus, by: string, now: Date): Promise<PendingDoc | null> {
  const ref = pendingCol(db, uid).doc(id);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const p = snap.data() as PendingDoc | undefined;
    if (!p || p.status !== "pending" || p.expiresAt.toMillis() <= now.getTime()) return null;
    tx.update(ref, { status: to, decidedBy: by, decidedAt: Timestamp.fromDate(now) });
    return p;
  });
}

export async function approveActions(deps: RulesDeps, uid: string, input: { ids: string[]; edits?: Record<string, string> }) {
  const now = clock(deps);
  const results: Array<{ id: string; outcome: "done" | "failed" | "not_pending"; reason: string | null }> = [];
  let youtubeUnits = 0;
  for (const id of [...new Set(input.ids)]) {
    const p = await claim(deps.db, uid, id, "posting", uid, now());
    if (!p) {
      results.push({ id, outcome: "not_pending", reason: "not waiting for approval (already decided, expired or unknown)" });
      continue;
    }
    const edit = input.edits?.[id];
    const reply = edit ?? p.reply ?? undefined;
    const rule = { id: p.ruleId, name: p.ruleName };
    const result = await act(deps, uid, rule, p.action, {
      comment: p.comment,
      analysisId: p.analysisId,
      ...(reply !== undefined ? { reply } : {}),
      ...(edit !== undefined && p.reply !== null ? { draft: p.reply } : {}),
    });
    await recordOutcome(deps, uid, rule, result);
    await pendingCol(deps.db, uid).doc(id).update({ status: result.ok ? "done" : "failed", ...(edit !== undefined ? { reply: edit } : {}) });
    if (result.ok) {
      youtubeUnits += result.youtubeUnits;
      await settleAction(deps.db, uid, id, { outcome: "done", approvedBy: uid, youtubeUnits: result.youtubeUnits, ...(edit !== undefined ? { reason: "approved with an edit" } : { reason: "approved" }) }, now());
      results.push({ id, outcome: "done", reason: null });
    } else {
      await settleAction(deps.db, uid, id, { outcome: "failed", approvedBy: uid, reason: result.reason }, now());
      results.push({ id, outcome: "failed", reason: result.reason });
    }
  }
  return { results, youtubeUnits };
}

export async function rejectActions(deps: Pick<RulesDeps, "db" | "now">, uid: string, input: { ids: string[] }) {
  const now = clock(deps);
  let rejected = 0;
  let notPending = 0;
  for (const id of [...new Set(input.ids)]) {
    if (await claim(deps.db, uid, id, "rejected", uid, now())) {
      rejected += 1;
      await settleAction(deps.db, uid, id, { outcome: "rejected", approvedBy: uid, reason: "rejected by the creator" }, now());
    } else notPending += 1;
  }
  return { rejected, notPending };
}

/** Expires every pending action past its time, across users (the schedule); returns how many. */
export async function expirePendingActions(db: Firestore, now: Date): Promise<number> {
  const due = await db.collectionGroup("pending_actions").where("status", "==", "pending").where("expiresAt", "<=", Timestamp.fromDate(now)).limit(500).get();
  let expired = 0;
  for (const doc of due.docs) {
    const uid = doc.ref.parent.parent?.id;
    if (!uid) continue;
    const moved = await db.runTransaction(async (tx) => {
      const snap = await tx.get(doc.ref);
      if (snap.get("status") !== "pending") return false;
      tx.update(doc.ref, { status: "expired", decidedAt: Timestamp.fromDate(now) });
      return true;
    });
    if (!moved) continue;
    expired += 1;
    await settleAction(db, uid, doc.id, { outcome: "expired", reason: "not approved in time" }, now);
  }
  return expired;
}
