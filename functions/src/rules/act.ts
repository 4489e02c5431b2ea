// One rule action on one comment, through the same services as the inbox:
// replies through postReply (idempotent, reply history, units), moderation
// through moderateComments (units, moderation log), lists through authorLists.
// A failure counts against the rule; enough in a row pause it and notify the
// creator.
import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import type { RuleAction } from "../contracts/rules";
import { moderateComments } from "../inbox/moderation";
import { postReply } from "../inbox/postReply";
import { notify } from "../notifications/store";
import { addAuthorToList } from "./authorLists";
import type { RuleComment } from "./comment";
import { clock, type RulesDeps } from "./deps";
import { rulesCol, type StoredRule } from "./store";

export interface ActTarget {
  comment: Pick<RuleComment, "id" | "videoId" | "author" | "authorChannelId">;
  analysisId: string | null;
  /** The reply to post (reply actions). */
  reply?: string;
  /** The draft it was edited from. */
  draft?: string;
}

export type ActResult = { ok: true; youtubeUnits: number } | { ok: false; reason: string };

export async function act(deps: RulesDeps, uid: string, rule: Pick<StoredRule, "id" | "name">, action: RuleAction, target: ActTarget): Promise<ActResult> {
  const { comment } = target;
  const now = clock(deps);
  try {
    switch (action.type) {
      case "reply_template":
      case "reply_ai": {
        if (!target.analysisId) return { ok: false, reason: "no stored analysis holds this comment" };
        const posted = await postReply(deps.channel, uid, {
          commentId: comment.id,
          videoId: comment.videoId,
          analysisId: target.analysisId,
          text: target.reply ?? "",
          ...(target.draft !== undefined ? { draft: target.draft } : {}),
        });
        return { ok: true, youtubeUnits: posted.youtubeUnits };
      }
      case "hold":
      case "reject": {
        const done = await moderateComments(deps.channel, uid, {
          ids: [comment.id],
          action: action.type,
          ...(action.type === "reject" && action.banAuthor ? { banAuthor: true } : {}),
          ...(target.analysisId ? { analysisId: target.analysisId } : {}),
        });
        return { ok: true, youtubeUnits: done.youtubeUnits };
      }
      case "add_to_list":
        if (!comment.authorChannelId) return { ok: false, reason: "the author has no channel id" };
        await addAuthorToList(deps.db, uid, action.list, { channelId: comment.authorChannelId, name: comment.author }, rule.name, now());
        return { ok: true, youtubeUnits: 0 };
      case "notify":
        await notify(deps.db, uid, {
          type: "rule_matched",
          source: "rules",
          title: `Rule "${rule.name}" matched a comment`,
          body: `${comment.author} commented on ${comment.videoId}.`,
          ruleId: rule.id,
          ruleName: rule.name,
          commentId: comment.id,
          videoId: comment.videoId,
        }, { id: `rule_matched_${rule.id}_${comment.id}` });
        return { ok: true, youtubeUnits: 0 };
    }
  } catch (err) {
    if (err instanceof HttpsError) return { ok: false, reason: `${err.code}: ${err.message}` };
    throw err;
  }
}

/**
 * Counts a failed action against the rule; at `pauseAfterFailures` in a row
 * the rule pauses itself and the creator is notified (once per pause).
 */
/** Resolves to true when this failure paused the rule. */
export async function recordOutcome(deps: RulesDeps, uid: string, rule: Pick<StoredRule, "id" | "name">, result: ActResult): Promise<boolean> {
  const ref = rulesCol(deps.db, uid).doc(rule.id);
  const now = clock(deps)();
  if (result.ok) {
    await ref.update({ failures: 0 }).catch(() => undefined);
    return false;
  }
  const paused = await deps.db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return false;
    const failures = ((snap.get("failures") as number | undefined) ?? 0) + 1;
    const pause = failures >= deps.limits.pauseAfterFailures && !snap.get("paused");
    tx.update(ref, {
      failures: FieldValue.increment(1),
      ...(pause ? { paused: { at: Timestamp.fromDate(now), reason: `${failures} failed actions in a row; last: ${result.reason}` } } : {}),
    });
    return pause;
  });
  if (paused) {
    await notify(deps.db, uid, {
      type: "rule_paused",
      source: "rules",
      title: `Rule "${rule.name}" was paused`,
      body: `Its last ${deps.limits.pauseAfterFailures} actions failed (${result.reason}). Fix it and save it again to resume.`,
      ruleId: rule.id,
      ruleName: rule.name,
    }, { id: `rule_paused_${rule.id}_${now.getTime()}` });
  }
  return paused;
}
