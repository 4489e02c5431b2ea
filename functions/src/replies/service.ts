// generateReplies: draft several reply variations to one comment in a chosen
// tone. A monthly plan quota (usage type `replies`, one per request: one AI
// call), reserved before the AI call and released if it fails; rate-limited
// per user too. Drafts and tokens are metered in users/{uid}/billing/ai_usage,
// which the monthly reset rolls with the usage document.
import { Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { aiErrorToHttps, isAiError } from "../ai/errors";
import { distinctReplies } from "../ai/prompts/replies";
import type { AiProvider, ReplyTone, TokenUsage, VideoContext } from "../ai/types";
import { ownedDoc } from "../core/ownership";
import { currentUsage, releaseUsage, reserveUsage, usageDocs } from "../core/quota";
import { consumeRateLimit } from "../core/rateLimit";
import { readModifyWrite } from "../core/readModifyWrite";

export interface RepliesInput {
  comment: { text: string; author?: string };
  tone: ReplyTone;
  count: number;
  video?: { title: string; id?: string; channelTitle?: string; description?: string };
  analysisId?: string;
}

export interface RepliesResult {
  replies: Array<{ text: string; tone: ReplyTone }>;
  tone: ReplyTone;
  provider: AiProvider["name"];
}

export interface RepliesDeps {
  db: Firestore;
  /** Created only once the request has passed validation and the rate limit. */
  provider: () => Promise<AiProvider>;
  perMinute: number;
  now?: () => Date;
}

/** users/{uid}/billing/ai_usage: AI activity that is metered but not a plan quota, per usage period. */
export interface AiUsageDoc {
  period_start: Timestamp;
  period_end: Timestamp;
  counters: { replies: number; reply_drafts: number };
  tokens: { input: number; output: number };
  updated_at: Timestamp;
}

export function aiUsageRef(db: Firestore, uid: string): DocumentReference<AiUsageDoc> {
  return db.doc(`users/${uid}/billing/ai_usage`) as DocumentReference<AiUsageDoc>;
}

async function videoFor(db: Firestore, uid: string, input: RepliesInput): Promise<VideoContext | undefined> {
  if (input.analysisId) {
    const snap = await ownedDoc(db.doc(`analyses/${input.analysisId}`), uid, "Analysis");
    const video = (snap.get("video") ?? {}) as { id?: string; title?: string; channelTitle?: string };
    const videoId: unknown = snap.get("videoId");
    return { id: video.id ?? (typeof videoId === "string" ? videoId : ""), title: video.title ?? "", channelTitle: video.channelTitle };
  }
  if (input.video) return { id: input.video.id ?? "", ...input.video };
  return undefined;
}

/** Counts one generateReplies call (and its drafts and tokens) in the current usage period. */
export async function recordReplies(db: Firestore, uid: string, drafts: number, usage: TokenUsage, now: Date): Promise<void> {
  const ref = aiUsageRef(db, uid);
  const [usageRef, profileRef] = usageDocs(db, uid);
  await readModifyWrite(db, [ref, usageRef, profileRef], ([snap, usageSnap, profileSnap], writer) => {
    // The period is the plan usage's, so monthly reports line up; persist it if it had to be created or rolled.
    const period = currentUsage(usageSnap, profileSnap, now);
    if (period.changed) writer.write(usageRef, period.usage);
    const stored = snap.data() as AiUsageDoc | undefined;
    const same = stored && stored.period_start.toMillis() === period.usage.period_start.toMillis();
    const base = same ? stored : { counters: { replies: 0, reply_drafts: 0 }, tokens: { input: 0, output: 0 } };
    writer.write(ref, {
      period_start: period.usage.period_start,
      period_end: period.usage.period_end,
      counters: { replies: base.counters.replies + 1, reply_drafts: base.counters.reply_drafts + drafts },
      tokens: { input: base.tokens.input + usage.inputTokens, output: base.tokens.output + usage.outputTokens },
      updated_at: Timestamp.fromDate(now),
    });
  });
}

export async function generateReplies(deps: RepliesDeps, uid: string, input: RepliesInput): Promise<RepliesResult> {
  const now = deps.now ?? (() => new Date());
  const video = await videoFor(deps.db, uid, input);
  await consumeRateLimit(deps.db, uid, { key: "generateReplies", limit: deps.perMinute, windowMs: 60_000 }, "reply requests", now());
  const reservation = await reserveUsage(deps.db, uid, "replies", 1, now());
  const giveBack = () =>
    releaseUsage(deps.db, reservation, now()).catch((err: unknown) => logger.error("generateReplies: release failed", { uid, error: String(err) }));
  const provider = await deps.provider().catch(async (err: unknown) => {
    await giveBack();
    throw isAiError(err) ? aiErrorToHttps(err) : err;
  });
  let drafts: string[];
  let usage: TokenUsage;
  try {
    const result = await provider.draftReplies({
      comment: input.comment,
      tone: input.tone,
      count: input.count,
      video,
      creatorName: video?.channelTitle,
    });
    drafts = distinctReplies(result.value, input.count);
    usage = result.usage;
  } catch (err) {
    await giveBack();
    if (!isAiError(err)) throw err;
    logger.warn("generateReplies: AI failed", { uid, provider: provider.name, code: err.code });
    // What was billed before the failure still counts as tokens, not as a reply.
    throw aiErrorToHttps(err);
  }
  await recordReplies(deps.db, uid, drafts.length, usage, now());
  return { replies: drafts.map((text) => ({ text, tone: input.tone })), tone: input.tone, provider: provider.name };
}
