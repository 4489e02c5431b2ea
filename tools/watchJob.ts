// Follows an analysis job document with onSnapshot, as the web app does,
// until it reaches a final state. Used by the demo and the e2e tests.
import { doc, onSnapshot, type Firestore } from "firebase/firestore";

export interface JobSnapshot {
  status: string;
  progress?: number;
  currentStep?: string;
  analysisId?: string;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

const FINAL = ["completed", "failed", "cancelled"];

/** Resolves with every snapshot seen, the final one last. */
export function watchJob(
  firestore: Firestore,
  jobId: string,
  onUpdate: (job: JobSnapshot) => void = () => undefined,
  timeoutMs = 120_000,
): Promise<JobSnapshot[]> {
  return new Promise((resolve, reject) => {
    const seen: JobSnapshot[] = [];
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`job ${jobId} did not finish in ${timeoutMs / 1000} s; last: ${JSON.stringify(seen.at(-1))}`));
    }, timeoutMs);
    const stop = onSnapshot(
      doc(firestore, "analysis_jobs", jobId),
      (snap) => {
        const data = snap.data() as JobSnapshot | undefined;
        if (!data) return;
        seen.push(data);
        onUpdate(data);
        if (FINAL.includes(data.status)) {
          clearTimeout(timer);
          stop();
          resolve(seen);
        }
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
