// Entry point of comment quality: removes spam (each removal with its reason)
// and ranks what is left by how much it deserves the creator's attention.
// The batch is one video's comments, which is what makes floods visible.
import type { YouTubeComment } from "../types";
import { authorOf, groupCopies, inferSelfVideo, type DuplicateGroups } from "./batch";
import { engagementScore } from "./engagement";
import { impersonatedName, protectedNames, type ProtectedName } from "./impersonation";
import { contactLures } from "./lures";
import { bandKeys } from "./nearDup";
import { SPAM_REASONS, spamSeverity, type SpamReason, type SpamSeverity } from "./reasons";
import { scanText, type TextScan } from "./scan";
import { contentSignals, type ContentSignals } from "./signals";
import { judgeNormalized, type SpamVerdict } from "./spam";
import type { SpamContextFeatures } from "./spamFeatures";
import { scoreSpam, shippedSpamModel, type SpamModel } from "./spamModel";
import { normalizeText } from "./text";
import { isWave, type WaveIndex } from "./waves";

export { detectSpam, type SpamContext, type SpamVerdict } from "./spam";
export type { SpamReason, SpamSeverity } from "./reasons";

export interface ScoredComment extends YouTubeComment {
  engagement: number;
  isQuestion: boolean;
  isFeedback: boolean;
  lowValue: boolean;
  /** Written by the channel owner (FilterOptions.channelId): never spam, and no reply is owed on it. */
  byOwner?: true;
}

export interface RemovedComment {
  comment: YouTubeComment;
  reason: SpamReason;
  detail: string;
  /** High: a scam (lures, impersonation with them, a listed spammer); sorted first in review, author worth banning. */
  severity: SpamSeverity;
}

export interface FilterResult {
  /** Most worth the creator's attention first (engagement, then likes, then newest). */
  kept: ScoredComment[];
  removed: RemovedComment[];
  counts: { total: number; kept: number; removed: number; lowValue: number; byReason: Record<string, number> };
}

export interface FilterOptions {
  /** Reference time for recency; defaults to the newest comment's time, so results never depend on the clock. */
  now?: Date;
  /** The video the comments belong to; links to it (timestamps, shares) are not spam. Inferred when absent. */
  videoId?: string;
  /** The video's channel: its owner's own comments (pinned links, "subscribe!") are never removed. */
  channelId?: string;
  /** The learned spam model applied after the rules; the shipped one by default, `null` for rules only. */
  spamModel?: SpamModel | null;
  /**
   * Names that are the channel's: its title, its handle, names the creator
   * lists. Another account under one of them is an impersonator.
   */
  ownerNames?: ReadonlyArray<string | null | undefined>;
  /** Authors on the creator's spammer list (channel id → why): held at once. */
  knownSpammers?: ReadonlyMap<string, string>;
  /** The channel's recent comments on other videos, as band keys: near copies of them from several accounts are a wave. */
  waves?: WaveIndex;
}

/** One video's comments normalised and scanned once, with the batch signals every verdict needs. */
export interface PreparedBatch {
  texts: string[];
  lowers: string[];
  scans: TextScan[];
  selfVideoIds: Set<string>;
  groups: DuplicateGroups;
  authorComments: Map<string, number>;
}

export function prepareBatch(comments: readonly YouTubeComment[], videoId?: string): PreparedBatch {
  const n = comments.length;
  const texts = new Array<string>(n);
  const lowers = new Array<string>(n);
  const scans = new Array<TextScan>(n);
  const authorComments = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const text = normalizeText(typeof comments[i].text === "string" ? comments[i].text : "");
    texts[i] = text;
    lowers[i] = text.toLowerCase();
    scans[i] = scanText(lowers[i]);
    const author = authorOf(comments[i]);
    authorComments.set(author, (authorComments.get(author) ?? 0) + 1);
  }
  const selfVideoIds = videoId ? new Set([videoId.toLowerCase()]) : inferSelfVideo(comments);
  return { texts, lowers, scans, selfVideoIds, groups: groupCopies(scans, comments), authorComments };
}

/** The rules' verdict on comment i of a prepared batch, and the learned model's context features. */
export function ruleVerdict(batch: PreparedBatch, comments: readonly YouTubeComment[], i: number): { verdict: SpamVerdict; context: SpamContextFeatures } {
  const dup = batch.groups.get(batch.scans[i].keyHash);
  const verdict = judgeNormalized(batch.texts[i], batch.lowers[i], batch.scans[i], { selfVideoIds: batch.selfVideoIds, duplicates: dup });
  const context: SpamContextFeatures = {
    link: verdict.link ?? 0,
    ruleScore: verdict.score ?? 0,
    copies: dup?.copies ?? 1,
    authorComments: batch.authorComments.get(authorOf(comments[i])) ?? 1,
  };
  return { verdict, context };
}

function latestTime(times: Float64Array): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const t of times) if (t > latest) latest = t;
  return Number.isFinite(latest) ? latest : 0;
}

// Placeholder signals for removed comments, so the per-comment array needs no holes.
const NOT_SPAM: SpamVerdict = Object.freeze({ spam: false });
const NO_SIGNALS: ContentSignals = Object.freeze({ isQuestion: false, isFeedback: false, lowValue: false, words: 0 });

/**
 * The learned model removes a comment only when something besides its wording
 * points to spam (a weak rule, a website, copies, an author posting several
 * times): its training videos are music videos, and on other topics plain
 * praise or requests can read like their spam. Leave-one-video-out, this
 * guard costs no recall.
 */
const hasSpamSignal = (c: SpamContextFeatures): boolean => c.link > 0 || c.ruleScore > 0 || c.copies >= 2 || c.authorComments >= 2;

function modelVerdict(model: SpamModel, text: string, lower: string, context: SpamContextFeatures): SpamVerdict {
  if (!hasSpamSignal(context)) return NOT_SPAM;
  const { probability, evidence } = scoreSpam(model, text, lower, context);
  if (probability < model.threshold) return NOT_SPAM;
  const words = evidence.length > 0 ? `: ${evidence.map((w) => `"${w}"`).join(", ")}` : "";
  return { spam: true, reason: "spam_wording", detail: `wording typical of spam (${Math.round(probability * 100)}%)${words}` };
}

/**
 * What only the channel's context can tell, checked before the content rules
 * (their reason is the more telling one): a listed spammer, an account under
 * the channel's name, a wave already seen on the channel's other videos.
 * Without the options it does nothing and costs nothing.
 */
function channelChecks(options: FilterOptions): { judge: (c: YouTubeComment, batch: PreparedBatch, i: number) => SpamVerdict } {
  const names: ProtectedName[] = options.ownerNames ? protectedNames(options.ownerNames) : [];
  const spammers = options.knownSpammers;
  const waves = options.waves;
  if (names.length === 0 && !spammers?.size && !waves) return { judge: () => NOT_SPAM };
  // Commenters repeat: one name check per distinct name.
  const impersonates = new Map<string, ProtectedName | undefined>();
  const videoId = options.videoId ?? "";
  return {
    judge(c, batch, i) {
      const author = authorOf(c);
      const listed = c.authorChannelId !== undefined ? spammers?.get(c.authorChannelId) : undefined;
      if (listed !== undefined) return { spam: true, reason: "known_spammer", detail: `on the channel's spammer list (${listed})` };
      if (names.length > 0 && typeof c.author === "string") {
        let hit = impersonates.get(c.author);
        if (!impersonates.has(c.author)) impersonates.set(c.author, (hit = impersonatedName(c.author, names)));
        if (hit) {
          const how = [`impersonates the channel: "${c.author}" reads as "${hit.name}"`];
          if (c.parentId) how.push("replies in another viewer's thread");
          const lures = contactLures(batch.texts[i]);
          if (lures.length > 0) how.push(`contact lure: ${lures.join(", ")}`);
          return { spam: true, reason: "impersonation", detail: how.join("; ") };
        }
      }
      if (waves) {
        const keys = bandKeys(batch.lowers[i]);
        const m = keys.length > 0 ? waves.match(keys, { author, videoId }) : undefined;
        if (m && isWave(m, batch.scans[i].keyLength, contactLures(batch.texts[i]).length > 0)) {
          const who = m.otherAuthors > 0 ? `${m.otherAuthors + 1} accounts` : "this account";
          return { spam: true, reason: "channel_flood", detail: `near-same text posted by ${who} on ${m.videos + 1} of the channel's videos` };
        }
      }
      return NOT_SPAM;
    },
  };
}

/**
 * The comment with its scores, built field by field: a spread would also copy
 * any extra properties a caller's objects carry, and is markedly slower in V8.
 */
function scored(c: YouTubeComment, engagement: number, s: ContentSignals, byOwner: boolean): ScoredComment {
  const out: ScoredComment = {
    id: c.id,
    author: c.author,
    text: c.text,
    likeCount: c.likeCount,
    replyCount: c.replyCount,
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
    engagement,
    isQuestion: s.isQuestion,
    isFeedback: s.isFeedback,
    lowValue: s.lowValue,
  };
  if (c.authorChannelId !== undefined) out.authorChannelId = c.authorChannelId;
  if (c.parentId !== undefined) out.parentId = c.parentId;
  if (byOwner) out.byOwner = true;
  return out;
}

/**
 * Spam removed with reasons, the rest scored and ranked. `comments` are one
 * video's top-level comments (text as the API's textDisplay HTML or plain).
 * Deterministic: the same input and options give the same result.
 */
export function filterComments(comments: YouTubeComment[], options: FilterOptions = {}): FilterResult {
  const n = comments.length;
  const batch = prepareBatch(comments, options.videoId);
  const { lowers, scans } = batch;
  const model = options.spamModel === undefined ? shippedSpamModel() : options.spamModel;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = Date.parse(comments[i].publishedAt);
  const nowMs = options.now ? options.now.getTime() : latestTime(times);

  const removed: RemovedComment[] = [];
  const byReason: Record<string, number> = {};
  for (const reason of SPAM_REASONS) byReason[reason] = 0;
  let lowValue = 0;
  const keptIndex: number[] = [];
  const signalsOf = new Array<ContentSignals>(n).fill(NO_SIGNALS);
  const engagement = new Float64Array(n);
  const isOwner = (c: YouTubeComment): boolean => options.channelId !== undefined && c.authorChannelId === options.channelId;
  const channel = channelChecks(options);

  for (let i = 0; i < n; i++) {
    const comment = comments[i];
    const byOwner = isOwner(comment);
    let verdict = NOT_SPAM;
    if (!byOwner) {
      verdict = channel.judge(comment, batch, i);
      if (!verdict.spam) {
        const judged = ruleVerdict(batch, comments, i);
        verdict = judged.verdict;
        if (!verdict.spam && model) verdict = modelVerdict(model, batch.texts[i], lowers[i], judged.context);
      }
    }
    if (verdict.spam && verdict.reason) {
      const lures = contactLures(batch.texts[i]);
      removed.push({ comment, reason: verdict.reason, detail: verdict.detail ?? verdict.reason, severity: spamSeverity(verdict.reason, lures) });
      byReason[verdict.reason] += 1;
      continue;
    }
    const signals = contentSignals(lowers[i], scans[i]);
    if (signals.lowValue) lowValue += 1;
    signalsOf[i] = signals;
    engagement[i] = engagementScore(comment, signals, nowMs, times[i]);
    keptIndex.push(i);
  }

  // Most worth attention first; ties by likes, then newest, then id, so the order is deterministic.
  keptIndex.sort(
    (a, b) =>
      engagement[b] - engagement[a] ||
      comments[b].likeCount - comments[a].likeCount ||
      (times[b] > times[a] ? 1 : times[b] < times[a] ? -1 : 0) ||
      (comments[a].id < comments[b].id ? -1 : comments[a].id > comments[b].id ? 1 : 0),
  );
  const kept = keptIndex.map((i): ScoredComment => scored(comments[i], engagement[i], signalsOf[i], isOwner(comments[i])));

  return { kept, removed, counts: { total: n, kept: kept.length, removed: removed.length, lowValue, byReason } };
}
