// Runs the creator's rules over a batch of comments (a sync's new comments,
// or a replay of stored ones): for each comment the first matching rule acts
// once (auto) or queues a pending action (approve). Every action and every
// skip is logged (auditLog.ts). The rails: the kill switch on the profile,
// the caps per run and per channel per day, paused rules, never the creator's
// own comments or answered threads.
import { Timestamp } from "firebase-admin/firestore";
import { act, recordOutcome } from "./act";
import { actionKey, claimAction, logCol, logSkip, settleAction } from "./auditLog";
import { listsOfAuthors } from "./authorLists";
import { reserveDaily } from "./caps";
import type { RuleComment } from "./comment";
import { clock, type RulesDeps } from "./deps";
import { describeAction, isReply, skipReason, templateReply } from "./describeAction";
import { compileRule } from "./match";
import { pendingCol, type PendingDoc } from "./pending";
import { automationPaused, listRules } from "./store";

export interface RunInput {
  comments: RuleComment[];
  /** The stored analysis holding the comments (replies are posted on it), or null. */
  analysisId: string | null;
  videoTitle: (videoId: string) => string;
  runId: string;
}

export interface RunSummary {
  runId: string;
  checked: number;
  matched: number;
  done: number;
  pending: number;
  skipped: number;
  failed: number;
  youtubeUnits: number;
}

export async function runRules(deps: RulesDeps, uid: string, input: RunInput): Promise<RunSummary> {
  const now = clock(deps);
  const summary: RunSummary = { runId: input.runId, checked: input.comments.length, matched: 0, done: 0, pending: 0, skipped: 0, failed: 0, youtubeUnits: 0 };
  const rules = (await listRules(deps.db, uid)).filter((r) => r.enabled && !r.paused).map((r) => ({ rule: r, compiled: compileRule(r) }));
  if (!rules.length || !input.comments.length) return summary;
  const [killed, profile] = await Promise.all([automationPaused(deps.db, uid), deps.db.doc(`users/${uid}`).get()]);
  const channelId = (profile.get("youtubeChannel.id") as string | undefined) ?? "none";
  const lists = await listsOfAuthors(deps.db, uid, input.comments.map((c) => c.authorChannelId));
  let autoThisRun = 0;
  // A rule that pauses itself mid-run stops matching at once.
  const pausedNow = new Set<string>();

  for (const c of input.comments) {
    const hit = rules.filter((r) => !pausedNow.has(r.rule.id)).map((r) => ({ ...r, reasons: r.compiled.match(c, lists) })).find((r) => r.reasons);
    if (!hit?.reasons) continue;
    const { rule } = hit;
    summary.matched += 1;
    const base = { ruleId: rule.id, ruleName: rule.name, commentId: c.id, videoId: c.videoId, action: describeAction(rule.action), mode: rule.mode, runId: input.runId, at: Timestamp.fromDate(now()) };
    const skip = async (reason: string) => {
      summary.skipped += 1;
      await logSkip(deps.db, uid, { ...base, reason });
    };
    const why = skipReason(c);
    if (why) {
      await skip(why);
      continue;
    }
    if (killed) {
      await skip("automation paused (kill switch)");
      continue;
    }
    const key = actionKey(rule.id, c.id);
    if ((await logCol(deps.db, uid).doc(key).get()).exists) {
      await skip("this rule already acted on this comment");
      continue;
    }
    if (rule.mode === "auto") {
      if (autoThisRun >= deps.limits.maxActionsPerRun) {
        await skip(`cap: ${deps.limits.maxActionsPerRun} automatic actions per run reached`);
        continue;
      }
      if (!(await reserveDaily(deps.db, uid, channelId, now(), deps.limits.maxActionsPerDay))) {
        await skip(`cap: ${deps.limits.maxActionsPerDay} automatic actions per channel per day reached`);
        continue;
      }
    }
    const claimed = await claimAction(deps.db, uid, { ...base, outcome: "pending", reason: hit.reasons.join("; "), approvedBy: null, youtubeUnits: 0 });
    if (!claimed) {
      await skip("this rule already acted on this comment");
      continue;
    }
    let reply: string | undefined;
    if (rule.action.type === "reply_template") reply = templateReply(rule.action, c, input.videoTitle(c.videoId));
    else if (rule.action.type === "reply_ai") {
      try {
        reply = await deps.draftReply(uid, { comment: { text: c.text, author: c.author }, tone: rule.action.tone, ...(input.analysisId ? { analysisId: input.analysisId } : {}) });
      } catch (err) {
        const reason = `AI draft failed: ${err instanceof Error ? err.message : "unknown"}`;
        summary.failed += 1;
        await settleAction(deps.db, uid, key, { outcome: "failed", reason }, now());
        if (await recordOutcome(deps, uid, rule, { ok: false, reason })) pausedNow.add(rule.id);
        continue;
      }
    }
    if (rule.mode === "approve") {
      const at = now();
      const pending: PendingDoc = {
        ruleId: rule.id,
        ruleName: rule.name,
        comment: { id: c.id, videoId: c.videoId, author: c.author, ...(c.authorChannelId ? { authorChannelId: c.authorChannelId } : {}), text: c.text },
        analysisId: input.analysisId,
        action: rule.action,
        reply: isReply(rule.action) ? (reply ?? "") : null,
        status: "pending",
        runId: input.runId,
        createdAt: Timestamp.fromDate(at),
        expiresAt: Timestamp.fromMillis(at.getTime() + deps.limits.pendingExpiryHours * 3_600_000),
      };
      await pendingCol(deps.db, uid).doc(key).set(pending);
      summary.pending += 1;
      continue;
    }
    autoThisRun += 1;
    const result = await act(deps, uid, rule, rule.action, { comment: c, analysisId: input.analysisId, ...(reply !== undefined ? { reply } : {}) });
    if (await recordOutcome(deps, uid, rule, result)) pausedNow.add(rule.id);
    if (result.ok) {
      summary.done += 1;
      summary.youtubeUnits += result.youtubeUnits;
      await settleAction(deps.db, uid, key, { outcome: "done", youtubeUnits: result.youtubeUnits }, now());
    } else {
      summary.failed += 1;
      await settleAction(deps.db, uid, key, { outcome: "failed", reason: result.reason }, now());
    }
  }
  return summary;
}
