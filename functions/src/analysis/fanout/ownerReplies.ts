// Whole threads, in the finalize stage: which threads are worth a unit is
// known only once the batches have classified the comments. The ingest saw
// only text and the five inline replies (youtubeSource.ts); here the threads
// that can reach the creator's inbox or the unanswered counts — questions,
// requests, criticism, toxic comments (ai/needsAnswer.ts attentionKinds) — with
// replies nobody read are read (youtube/threads.ts), most liked first, a few
// at a time, within the page cap, on the owner's analysis budget. The outcome
// is kept on the job, so a redelivered finalize reads nothing twice.
import type { Firestore } from "firebase-admin/firestore";
import { logger } from "firebase-functions/logger";
import { attentionKinds } from "../../ai/needsAnswer";
import { youtubeBudget } from "../../core/budgets/youtubeBudget";
import type { YouTubeService } from "../../youtube/service";
import { MAX_REPLY_PAGES, REPLY_PAGE_CONCURRENCY, resolveOwnerReplies, type ThreadToResolve } from "../../youtube/threads";
import type { JobDoc, OwnerRepliesRecord } from "../jobDoc";
import type { SourceComment, StoredComment } from "../commentRecords";

export interface OwnerRepliesDeps {
  db: Firestore;
  /** Built only when some thread needs reading. */
  youtube(): Promise<YouTubeService>;
  maxPages?: number;
  concurrency?: number;
}

/** The threads whose answer matters and is not known yet. */
export function threadsToRead(stored: readonly StoredComment[]): ThreadToResolve[] {
  return stored.filter((c) => c.repliesUnchecked && attentionKinds(c).length > 0).map((c) => ({ id: c.id, likeCount: c.likeCount }));
}

export async function readOwnerReplies(deps: OwnerRepliesDeps, jobId: string, job: JobDoc, stored: readonly StoredComment[]): Promise<OwnerRepliesRecord> {
  if (job.ownerReplies) return job.ownerReplies;
  const threads = threadsToRead(stored);
  const record: OwnerRepliesRecord = { needed: threads.length, read: 0, unchecked: threads.length, pages: 0, youtubeUnits: 0, stoppedBy: null, answered: [], unanswered: [] };
  if (threads.length === 0) return record;
  const meter = youtubeBudget.meter(deps.db, { userId: job.userId, plan: job.plan ?? "free", purpose: "analysis" });
  try {
    const youtube = await deps.youtube();
    const video = job.analysisVideo!;
    const result = await resolveOwnerReplies(youtube, threads, {
      ownerChannelId: video.channelId,
      videoId: video.id,
      meter,
      maxPages: deps.maxPages ?? MAX_REPLY_PAGES,
      concurrency: deps.concurrency ?? REPLY_PAGE_CONCURRENCY,
    });
    for (const [id, state] of result.states) {
      if (state.ownerRepliedAt) record.answered.push({ id, at: state.ownerRepliedAt });
      else record.unanswered.push(id);
    }
    Object.assign(record, { read: result.states.size, unchecked: result.unchecked.length, pages: result.pages, stoppedBy: result.stoppedBy ?? null });
  } catch (err) {
    // No client (a missing key): nothing read, the analysis goes on with these threads unchecked.
    logger.warn("owner replies not read", { jobId, error: err instanceof Error ? err.name : "unknown" });
    record.stoppedBy = "youtube";
  }
  record.youtubeUnits = meter.units;
  await deps.db.doc(`analysis_jobs/${jobId}`).update({ ownerReplies: record });
  logger.info("owner replies read", { jobId, needed: record.needed, read: record.read, unchecked: record.unchecked, pages: record.pages, stoppedBy: record.stoppedBy });
  return record;
}

/** The staged comments with what reading their threads found (the rest keep the ingest's inline state). */
export function withOwnerReplies(comments: readonly SourceComment[], record: OwnerRepliesRecord): SourceComment[] {
  if (record.read === 0) return [...comments];
  const answered = new Map(record.answered.map((a) => [a.id, a.at]));
  const unanswered = new Set(record.unanswered);
  return comments.map((c) => {
    const at = answered.get(c.id);
    if (!at && !unanswered.has(c.id)) return c;
    const { repliesUnchecked: _read, ownerRepliedAt: _none, ...rest } = c;
    return at ? { ...rest, answeredByOwner: true, ownerRepliedAt: at } : { ...rest, answeredByOwner: false };
  });
}

/** What the analysis keeps of it (the ids are in the comments themselves). */
export const ownerRepliesSummary = ({ answered: _a, unanswered: _u, ...summary }: OwnerRepliesRecord) => summary;
