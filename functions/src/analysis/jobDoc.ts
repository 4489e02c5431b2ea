// The analysis job document (analysis_jobs/{jobId}) that the web app watches.
import type { Timestamp } from "firebase-admin/firestore";
import type { PlanId } from "../domain/plans";
import type { Reservation } from "../core/quota";
import type { AnalysisOptions } from "../domain/analysisRequest";
import type { ResolveStop } from "../youtube/threads";

export const JOB_STATUSES = ["pending", "processing", "completed", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** States a trigger may claim the job from; anything else means another delivery already has it. */
export const CLAIMABLE: readonly JobStatus[] = ["pending"];
export const FINAL: readonly JobStatus[] = ["completed", "failed", "cancelled"];

export interface FanoutState {
  total: number;
  done: number;
  priority: "paid" | "free";
  /** When the ingest had enqueued every batch task (from then on the job waits in its queue). */
  enqueuedAt?: Timestamp;
}

/** The video as an analysis shows it (the description only for the prompts). */
export interface AnalysisVideo {
  id: string;
  title: string;
  channelId: string;
  channelTitle: string;
  description: string;
  publishedAt: string;
  thumbnail: unknown;
  durationSeconds: number;
  viewCount: number;
  likeCount: number;
  commentCount: number;
}

export interface JobError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** What reading the threads found and cost (kept on the job as `ownerReplies`, summarised on the analysis). */
export interface OwnerRepliesRecord {
  /** Threads that needed reading: attention kinds with replies beyond the five inline and no owner reply among them. */
  needed: number;
  /** Of those, read to the owner's reply or the last page. */
  read: number;
  unchecked: number;
  pages: number;
  /** Units YouTube counted for those pages (calls it never saw are refunded by the meter). */
  youtubeUnits: number;
  stoppedBy: ResolveStop | null;
  answered: Array<{ id: string; at: string }>;
  /** Read whole, no reply from the owner. */
  unanswered: string[];
}

export interface JobDoc {
  userId: string;
  input: unknown;
  status: JobStatus;
  createdAt: Timestamp;
  /** "callable" when startAnalysis wrote it; absent for a document the web app created directly. */
  source?: "callable";
  videoId?: string;
  options?: AnalysisOptions & { truncatedToPlanLimit: boolean };
  progress?: number;
  currentStep?: string;
  error?: JobError;
  analysisId?: string;
  reservation?: Reservation;
  /** The owner's plan when the job was claimed: YouTube units are charged to it. */
  plan?: PlanId;
  /** Which batch queue runs the job: paid plans' has the larger share. */
  priority?: "paid" | "free";
  /** Set by the ingest stage once the comments are staged: batches in all and counted so far. */
  fanout?: FanoutState;
  analysisVideo?: AnalysisVideo;
  counts?: { fetched: number; spamRemoved: number; removedByReason: Record<string, number>; lowValue: number };
  ingestCost?: { youtubeUnits: number; firestoreReads: number; firestoreWrites: number; invocationMs: number };
  /** Set by the finalize stage once the threads that matter are read (a redelivered finalize reads none twice). */
  ownerReplies?: OwnerRepliesRecord;
  cancelRequested?: boolean;
  /**
   * What the job is: an analysis (absent), or a sync or refresh of watched
   * comments (docs/channel.md) that takes the same batch tasks and is then
   * finalized by its own queue.
   */
  kind?: "analysis" | "sync" | "refresh";
  /** The task queue the batch that completes the set enqueues the finalize into; absent: finalizeAnalysis. */
  finalizeQueue?: string;
  claimedAt?: Timestamp;
  heartbeatAt?: Timestamp;
  /** Set by a task that handed itself back to its queue: the job is alive until then (fanout/queueLease.ts). */
  retryHeldUntil?: Timestamp;
  updatedAt?: Timestamp;
  finishedAt?: Timestamp;
}

/** Steps the web app shows, in order, with the progress each one starts at. */
export const STEPS = {
  queued: { label: "Queued", progress: 0.02 },
  fetching: { label: "Fetching video and comments", progress: 0.05 },
  filtering: { label: "Filtering spam and ranking comments", progress: 0.2 },
  analysing: { label: "Analysing sentiment, emotions and categories", progress: 0.25 },
  insights: { label: "Finding themes and content ideas", progress: 0.82 },
  summary: { label: "Writing the executive summary", progress: 0.9 },
  storing: { label: "Saving results", progress: 0.96 },
  completed: { label: "Done", progress: 1 },
} as const;

export type StepName = keyof typeof STEPS;
