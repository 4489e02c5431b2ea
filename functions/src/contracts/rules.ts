// Rules the creator sets once (rules/): a condition over a comment, an action
// and a mode (auto, or after the creator approves); the approvals queue, the
// kill switch, the tester and replay, and the audit log of every action.
import { z } from "zod";
import { AUTHOR_LISTS } from "../domain/authorLists";
import { CATEGORIES, REPLY_TONES, SENTIMENTS } from "../domain/labels";
import {
  MAX_CLAUSES,
  MAX_DECISION_IDS,
  MAX_PATTERN_LENGTH,
  MAX_RULES,
  MAX_SAMPLE,
  MAX_TEMPLATE_LENGTH,
  MAX_VALUES,
  RULE_MODES,
} from "../domain/ruleLimits";
import { docId, text } from "../domain/schemas";
import { VIDEO_ID } from "../domain/videoUrl";
import { isoDate } from "./shared";

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(", ")}` });
const videoId = z.string().regex(VIDEO_ID, "must be an 11-character YouTube video id");
const units = z.number().int().min(0);
const values = (max: number) => z.array(text(max)).min(1, "must list at least one value").max(MAX_VALUES, `must list at most ${MAX_VALUES} values`);
/** Every clause may be negated: `not: true` matches the comments the clause does not. */
const not = { not: z.boolean().optional() };

export const textClause = z.strictObject({
  type: z.literal("text"),
  /** contains: any value appears; word: any value appears as whole words; regex: any pattern matches (RE2 syntax). */
  op: enumOf(["contains", "word", "regex"] as const),
  values: values(MAX_PATTERN_LENGTH),
  caseSensitive: z.boolean().optional(),
  ...not,
});
export const linkClause = z.strictObject({
  type: z.literal("link"),
  /** any: any link; messaging: a link to a messaging app (Telegram, WhatsApp…); domains: a link to one of `domains`. */
  to: enumOf(["any", "messaging", "domains"] as const),
  domains: z.array(z.string().regex(/^[a-z0-9.-]{1,253}$/i, "must be a host name like example.com")).max(MAX_VALUES).optional(),
  ...not,
});
export const authorClause = z.strictObject({
  type: z.literal("author"),
  handles: values(100).optional(),
  channelIds: z.array(z.string().regex(/^UC[A-Za-z0-9_-]{22}$/, "must be a YouTube channel id (UC…)")).min(1).max(MAX_VALUES).optional(),
  /** On this author list; `none`: on no list at all. */
  list: enumOf([...AUTHOR_LISTS, "none"] as const).optional(),
  ...not,
});
export const labelClause = z.strictObject({
  type: z.literal("label"),
  label: enumOf(["category", "sentiment", "toxic", "spam", "language"] as const),
  /** category: one of CATEGORIES; sentiment: one of SENTIMENTS; language: an ISO 639-1 code; spam: a spam reason (optional); toxic: none. */
  value: z.string().min(1).max(40).optional(),
  /** 0–1: the label's confidence must be at least this. */
  minConfidence: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").optional(),
  ...not,
});
export const videoClause = z.strictObject({ type: z.literal("video"), videoIds: z.array(videoId).min(1).max(MAX_VALUES), ...not });
export const likesClause = z.strictObject({
  type: z.literal("likes"),
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
  ...not,
});
export const ruleClause = z.discriminatedUnion("type", [textClause, linkClause, authorClause, labelClause, videoClause, likesClause]);

export const ruleAction = z.discriminatedUnion("type", [
  /** A reply from a template: `{author}` and `{videoTitle}` are filled in. */
  z.strictObject({ type: z.literal("reply_template"), template: text(MAX_TEMPLATE_LENGTH) }),
  /** A reply the AI drafts in `tone` (one reply draft of the plan). */
  z.strictObject({ type: z.literal("reply_ai"), tone: enumOf(REPLY_TONES) }),
  z.strictObject({ type: z.literal("hold") }),
  z.strictObject({ type: z.literal("reject"), banAuthor: z.boolean().optional() }),
  z.strictObject({ type: z.literal("add_to_list"), list: enumOf(AUTHOR_LISTS) }),
  /** A notification to the creator (users/{uid}/notifications). */
  z.strictObject({ type: z.literal("notify") }),
]);
export type RuleAction = z.infer<typeof ruleAction>;
export type RuleClause = z.infer<typeof ruleClause>;

export const ruleInput = z.strictObject({
  /** Absent: a new rule (placed last). */
  id: docId.optional(),
  name: text(80),
  enabled: z.boolean().optional(),
  condition: z.strictObject({
    match: enumOf(["all", "any"] as const),
    clauses: z.array(ruleClause).min(1, "must have at least one clause").max(MAX_CLAUSES, `must have at most ${MAX_CLAUSES} clauses`),
  }),
  action: ruleAction,
  mode: enumOf(RULE_MODES),
});
export type RuleInput = z.infer<typeof ruleInput>;

const ruleView = z.strictObject({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  condition: z.strictObject({ match: z.enum(["all", "any"]), clauses: z.array(ruleClause) }),
  action: ruleAction,
  mode: z.enum(RULE_MODES),
  order: z.number().int().min(0),
  /** Paused by Lently after repeated failures (saving the rule again resumes it). */
  paused: z.strictObject({ at: isoDate, reason: z.string() }).nullable(),
  failures: units,
  updatedAt: isoDate,
});

export const getRulesRequest = z.strictObject({});
export const getRulesResponse = z.lazy(() => z.strictObject({ rules: z.array(ruleView), automationPaused: z.boolean() }));

export const saveRuleRequest = z.strictObject({ rule: ruleInput });
export const saveRuleResponse = z.lazy(() => z.strictObject({ rule: ruleView, created: z.boolean() }));

export const deleteRuleRequest = z.strictObject({ id: docId });
export const deleteRuleResponse = z.lazy(() => z.strictObject({ deleted: z.boolean() }));

export const reorderRulesRequest = z.strictObject({ ids: z.array(docId).min(1).max(MAX_RULES) });
export const reorderRulesResponse = z.lazy(() => z.strictObject({ rules: z.array(ruleView) }));

/** The kill switch: `paused: true` stops every automated action at once. */
export const setAutomationRequest = z.strictObject({ paused: z.boolean() });
export const setAutomationResponse = z.lazy(() => z.strictObject({ automationPaused: z.boolean() }));

const sampleComment = z.strictObject({
  id: z.string().min(1).max(128).optional(),
  text: text(10_000),
  author: z.string().max(100).optional(),
  authorChannelId: z.string().max(64).optional(),
  likeCount: z.number().int().min(0).optional(),
  videoId: videoId.optional(),
  category: enumOf(CATEGORIES).optional(),
  sentiment: enumOf(SENTIMENTS).optional(),
  toxic: z.boolean().optional(),
  language: z.string().min(2).max(8).optional(),
});

export const testRuleRequest = z
  .strictObject({
    rule: ruleInput,
    analysisId: docId.optional(),
    sample: z.array(sampleComment).min(1).max(MAX_SAMPLE, `must hold at most ${MAX_SAMPLE} comments`).optional(),
  })
  .refine((i) => (i.analysisId === undefined) !== (i.sample === undefined), { message: "give analysisId or sample (one of them)", path: ["analysisId"] });
export const testRuleResponse = z.lazy(() => z.strictObject({
  checked: units,
  matches: z.array(
    z.strictObject({
      commentId: z.string(),
      author: z.string(),
      text: z.string(),
      /** Why it matched: one line per clause that decided it. */
      reasons: z.array(z.string()).min(1),
      /** What it would do: the reply text (template filled in, or an AI draft), or the moderation. */
      wouldDo: z.string(),
      /** A match the rule would still not act on (the creator's own comment, a thread already answered). */
      skip: z.string().nullable(),
    }),
  ),
  aiDrafts: units,
  youtubeUnits: z.literal(0),
}));

export const replayRulesRequest = z
  .strictObject({ videoId: videoId.optional(), analysisId: docId.optional() })
  .refine((i) => (i.analysisId === undefined) !== (i.videoId === undefined), { message: "give videoId or analysisId (one of them)", path: ["videoId"] });
const runSummary = z.strictObject({
  runId: z.string(),
  checked: units,
  matched: units,
  done: units,
  pending: units,
  skipped: units,
  failed: units,
  youtubeUnits: units,
});
export const replayRulesResponse = z.lazy(() => runSummary);

const PENDING_STATUSES = ["pending", "posting", "done", "rejected", "expired", "failed"] as const;
const pendingView = z.strictObject({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  commentId: z.string(),
  videoId: z.string(),
  author: z.string(),
  text: z.string(),
  action: ruleAction,
  /** The reply that would be posted (reply actions). */
  reply: z.string().nullable(),
  status: z.enum(PENDING_STATUSES),
  createdAt: isoDate,
  expiresAt: isoDate,
});
export const getPendingActionsRequest = z.strictObject({ limit: z.number().int().min(1).max(100).optional() });
export const getPendingActionsResponse = z.lazy(() => z.strictObject({ actions: z.array(pendingView) }));

const decisionIds = z.array(docId).min(1, "must list at least one id").max(MAX_DECISION_IDS, `must list at most ${MAX_DECISION_IDS} ids`);
export const approveActionsRequest = z.strictObject({
  ids: decisionIds,
  /** A reply edited before posting, by pending action id. */
  edits: z.record(docId, text(10_000)).optional(),
});
export const approveActionsResponse = z.lazy(() => z.strictObject({
  results: z.array(z.strictObject({ id: z.string(), outcome: z.enum(["done", "failed", "not_pending"]), reason: z.string().nullable() })),
  youtubeUnits: units,
}));
export const rejectActionsRequest = z.strictObject({ ids: decisionIds });
export const rejectActionsResponse = z.lazy(() => z.strictObject({ rejected: units, notPending: units }));

export const LOG_OUTCOMES = ["done", "pending", "skipped", "failed", "rejected", "expired"] as const;
export const getRuleLogRequest = z.strictObject({
  limit: z.number().int().min(1).max(500).optional(),
  ruleId: docId.optional(),
});
export const getRuleLogResponse = z.lazy(() => z.strictObject({
  entries: z.array(
    z.strictObject({
      id: z.string(),
      ruleId: z.string(),
      ruleName: z.string(),
      commentId: z.string(),
      videoId: z.string(),
      action: z.string(),
      mode: z.enum(RULE_MODES),
      outcome: z.enum(LOG_OUTCOMES),
      reason: z.string(),
      /** The uid who approved it (approve mode), null for automatic ones. */
      approvedBy: z.string().nullable(),
      runId: z.string().nullable(),
      youtubeUnits: units,
      at: isoDate,
    }),
  ),
}));
