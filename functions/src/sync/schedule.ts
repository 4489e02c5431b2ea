// The schedule (scheduleSyncs, every 15 minutes): one sync task per due
// watched source. The task id is the source and its window (the hour for
// hourly sources, the day for daily ones), so a schedule that runs twice, or
// overlaps itself, enqueues one task per source and window.
import { createHash } from "node:crypto";
import { Timestamp, type Firestore } from "firebase-admin/firestore";
import { CADENCE_MS } from "../domain/plans";
import type { SyncTaskData } from "./run";
import type { WatchedSource } from "./sources";

/** Sources enqueued per schedule run at most (the rest stay due for the next). */
export const MAX_DUE_PER_RUN = 500;
export const SYNC_QUEUE = "syncSource";

export interface SyncDispatcher {
  enqueueSync(data: SyncTaskData): Promise<void>;
}

export function windowOf(cadence: WatchedSource["cadence"], now: Date): string {
  const iso = now.toISOString();
  const day = iso.slice(0, 10).replace(/-/g, "");
  return cadence === "hourly" ? `${day}${iso.slice(11, 13)}` : day;
}

export const syncTaskId = (data: SyncTaskData) => `sync-${createHash("sha256").update(`${data.uid}\u0000${data.sourceId}\u0000${data.window}`).digest("hex").slice(0, 40)}`;

export async function enqueueDueSyncs(db: Firestore, dispatcher: SyncDispatcher, now = new Date()): Promise<{ enqueued: number }> {
  const due = await db.collectionGroup("watched").where("nextSyncAt", "<=", Timestamp.fromDate(now)).orderBy("nextSyncAt").limit(MAX_DUE_PER_RUN).get();
  let enqueued = 0;
  for (const doc of due.docs) {
    const source = doc.data() as WatchedSource;
    if (source.status !== "active") continue;
    await dispatcher.enqueueSync({ uid: source.userId, sourceId: doc.id, window: windowOf(source.cadence, now) });
    await doc.ref.update({ nextSyncAt: Timestamp.fromMillis(now.getTime() + CADENCE_MS[source.cadence]) });
    enqueued += 1;
  }
  return { enqueued };
}

export async function cloudTasksSyncDispatcher(): Promise<SyncDispatcher> {
  const { getFunctions } = await import("firebase-admin/functions");
  const queue = getFunctions().taskQueue<SyncTaskData>(SYNC_QUEUE);
  return {
    async enqueueSync(data) {
      try {
        await queue.enqueue(data, { id: syncTaskId(data) });
      } catch (err) {
        if ((err as { code?: string }).code !== "functions/task-already-exists") throw err;
      }
    },
  };
}
