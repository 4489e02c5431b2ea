// Claiming, progressing and finishing an analysis job. Every transition that
// must be exactly-once (claim + quota reservation, fail + release, cancel +
// release) is one atomic readModifyWrite guarded by the job's update time, so
// a redelivered trigger or a racing cancel can never double-charge or
// double-finish.
import { FieldValue, Timestamp, type DocumentReference, type Firestore } from "firebase-admin/firestore";
import { HttpsError } from "firebase-functions/v2/https";
import { currentUsage, releaseOn, reserveOn, usageDocs, type Reservation } from "../core/quota";
import { readModifyWrite } from "../core/readModifyWrite";
import { usageRef, type UsageDoc } from "../core/planUsage";
import { activeJobsRef, liveJobs, MAX_ACTIVE_JOBS, withJob, withoutJob } from "./activeJobs";
import { CLAIMABLE, FINAL, STEPS, type JobDoc, type JobError, type StepName } from "./jobDoc";

export type ClaimResult =
  | { claimed: true; job: JobDoc; reservation: Reservation }
  | { claimed: false; reason: "missing" | "not-claimable" | "rejected"; status?: string };

/**
 * Moves a pending job to processing and reserves one video from the
 * owner's plan, atomically. `prepare` validates the job's input against the
 * owner's usage and settings and may reject it (the job then fails without a
 * reservation).
 */
export async function claimJob(
  db: Firestore,
  jobRef: DocumentReference,
  now: Date,
  prepare: (job: JobDoc, usage: UsageDoc, settings: unknown) => Partial<JobDoc> | JobError,
): Promise<ClaimResult> {
  const first = await jobRef.get();
  const userId = first.get("userId") as unknown;
  if (!first.exists) return { claimed: false, reason: "missing" };
  if (typeof userId !== "string" || !userId) {
    await jobRef.update({ status: "failed", error: { code: "invalid-argument", message: "The job has no owner." } });
    return { claimed: false, reason: "rejected" };
  }
  const [uRef, profileRef] = usageDocs(db, userId);
  const activeRef = activeJobsRef(db, userId);
  return readModifyWrite(db, [jobRef, uRef, profileRef, activeRef], ([jobSnap, usageSnap, profileSnap, activeSnap], writer): ClaimResult => {
    const job = jobSnap.data() as JobDoc | undefined;
    if (!job) return { claimed: false, reason: "missing" };
    if (!CLAIMABLE.includes(job.status)) return { claimed: false, reason: "not-claimable", status: job.status };
    const ts = Timestamp.fromDate(now);
    const { usage } = currentUsage(usageSnap, profileSnap, now);
    const prepared = prepare(job, usage, profileSnap.get("settings"));
    if ("code" in prepared && "message" in prepared) {
      writer.update(jobRef, { status: "failed", error: prepared, progress: 0, updatedAt: ts, finishedAt: ts });
      return { claimed: false, reason: "rejected" };
    }
    let reserved: ReturnType<typeof reserveOn>;
    try {
      reserved = reserveOn(usage, userId, "videos", 1, now);
    } catch (err) {
      if (!(err instanceof HttpsError)) throw err;
      const error: JobError = { code: err.code, message: err.message, details: err.details as Record<string, unknown> };
      writer.update(jobRef, { status: "failed", error, progress: 0, updatedAt: ts, finishedAt: ts });
      return { claimed: false, reason: "rejected" };
    }
    // Checked after the quota, so a user out of videos hears that first.
    const active = liveJobs(activeSnap, now);
    if (active.length >= MAX_ACTIVE_JOBS) {
      const error: JobError = {
        code: "resource-exhausted",
        message: `You already have ${active.length} analyses running; start this one when one of them has finished.`,
        details: { error: "too_many_running", running: active.length, limit: MAX_ACTIVE_JOBS },
      };
      writer.update(jobRef, { status: "failed", error, progress: 0, updatedAt: ts, finishedAt: ts });
      return { claimed: false, reason: "rejected" };
    }
    writer.write(uRef, reserved.next);
    writer.write(activeRef, withJob(active, jobSnap.id, now));
    const claimed: Partial<JobDoc> = {
      ...prepared,
      status: "processing",
      reservation: reserved.reservation,
      progress: STEPS.queued.progress,
      currentStep: STEPS.queued.label,
      claimedAt: ts,
      heartbeatAt: ts,
      updatedAt: ts,
    };
    writer.update(jobRef, claimed);
    return { claimed: true, job: { ...job, ...claimed }, reservation: reserved.reservation };
  });
}

/** Ends a job as failed (or cancelled) and gives its reservation back, atomically. Idempotent. */
export async function finishUnsuccessfully(
  db: Firestore,
  jobRef: DocumentReference,
  outcome: { status: "failed"; error: JobError } | { status: "cancelled" },
  now = new Date(),
): Promise<boolean> {
  const first = await jobRef.get();
  const job = first.data() as JobDoc | undefined;
  if (!job || FINAL.includes(job.status)) return false;
  const activeRef = activeJobsRef(db, job.userId);
  const refs: DocumentReference[] = [jobRef, activeRef];
  if (job.reservation) refs.push(usageRef(db, job.userId));
  return readModifyWrite(db, refs, ([jobSnap, activeSnap, usageSnap], writer) => {
    const current = jobSnap.data() as JobDoc | undefined;
    if (!current || FINAL.includes(current.status)) return false;
    const ts = Timestamp.fromDate(now);
    writer.update(jobRef, {
      ...outcome,
      ...(outcome.status === "cancelled" ? { error: FieldValue.delete() } : {}),
      currentStep: outcome.status === "cancelled" ? "Cancelled" : "Failed",
      updatedAt: ts,
      finishedAt: ts,
    });
    if (current.reservation && usageSnap) {
      const released = releaseOn(usageSnap.data() as UsageDoc | undefined, current.reservation, now);
      if (released) writer.write(usageRef(db, current.userId), released);
    }
    if (activeSnap.exists) writer.write(activeRef, withoutJob(liveJobs(activeSnap, now), jobSnap.id));
    return true;
  });
}

/** Writes each step as the pipeline enters it (never backwards), counting its reads and writes. */
export class ProgressReporter {
  private last = 0;
  writes = 0;
  reads = 0;

  constructor(
    private readonly jobRef: DocumentReference,
    /** The heartbeat's clock (tests simulate a long queue with it). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Enters a step: always written. */
  async step(name: StepName): Promise<void> {
    this.last = Math.max(this.last, STEPS[name].progress);
    this.writes += 1;
    const at = Timestamp.fromDate(this.clock());
    await this.jobRef.update({ progress: this.last, currentStep: STEPS[name].label, heartbeatAt: at, updatedAt: at });
  }

  /** True when the owner asked to cancel (checked at step boundaries). */
  async cancelRequested(): Promise<boolean> {
    this.reads += 1;
    const snap = await this.jobRef.get();
    return snap.get("cancelRequested") === true || snap.get("status") === "cancelled";
  }
}

export type CancelResult = { status: "cancelled" } | { status: "final"; current: string };

/**
 * Cancels a job for its owner, at once and whatever stage it is in: the job
 * ends now and its reservation is given back in the same write. Work already
 * queued for it (batch and finalize tasks) sees the status when it starts and
 * does nothing; the one commit that would publish an analysis is guarded by
 * the status, so none appears.
 */
export async function cancelJob(db: Firestore, jobRef: DocumentReference, userId: string, now = new Date()): Promise<CancelResult> {
  const uRef = usageRef(db, userId);
  const activeRef = activeJobsRef(db, userId);
  return readModifyWrite(db, [jobRef, uRef, activeRef], ([jobSnap, usageSnap, activeSnap], writer): CancelResult => {
    const job = jobSnap.data() as JobDoc;
    const ts = Timestamp.fromDate(now);
    if (FINAL.includes(job.status)) return { status: "final", current: job.status };
    writer.update(jobRef, { status: "cancelled", cancelRequested: true, currentStep: "Cancelled", updatedAt: ts, finishedAt: ts });
    if (job.reservation) {
      const released = releaseOn(usageSnap.data() as UsageDoc | undefined, job.reservation, now);
      if (released) writer.write(uRef, released);
    }
    if (activeSnap.exists) writer.write(activeRef, withoutJob(liveJobs(activeSnap, now), jobSnap.id));
    return { status: "cancelled" };
  });
}
