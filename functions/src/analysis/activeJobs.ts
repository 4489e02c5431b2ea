// How many analyses a user has running, kept on one small document that every
// claim and every ending reads in the same atomic write as the job:
// users/{uid}/billing/active_jobs {jobs: [{jobId, since}]}. A claim over the
// cap fails the job at once (no client built, nothing charged), so a client
// that creates a hundred job documents runs at most the cap of them.
import { Timestamp, type DocumentReference, type DocumentSnapshot, type Firestore } from "firebase-admin/firestore";

/** Analyses one user may have running at once. */
export const MAX_ACTIVE_JOBS = 3;

/** An entry older than this is a job whose ending was lost; it no longer counts (the sweep ends such jobs much sooner). */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

export interface ActiveJob {
  jobId: string;
  since: Timestamp;
}

export const activeJobsRef = (db: Firestore, uid: string): DocumentReference => db.doc(`users/${uid}/billing/active_jobs`);

/** The entries that still count at `now`. */
export function liveJobs(snap: DocumentSnapshot | undefined, now: Date): ActiveJob[] {
  const jobs = (snap?.get("jobs") as ActiveJob[] | undefined) ?? [];
  return jobs.filter((j) => typeof j?.jobId === "string" && j.since instanceof Timestamp && now.getTime() - j.since.toMillis() < STALE_AFTER_MS);
}

export function withJob(jobs: ActiveJob[], jobId: string, now: Date): { jobs: ActiveJob[] } {
  return { jobs: [...jobs.filter((j) => j.jobId !== jobId), { jobId, since: Timestamp.fromDate(now) }] };
}

export function withoutJob(jobs: ActiveJob[], jobId: string): { jobs: ActiveJob[] } {
  return { jobs: jobs.filter((j) => j.jobId !== jobId) };
}
