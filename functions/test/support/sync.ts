// Drives a watched source's sync in this process, in the order the queues
// would: the sync task, every batch task it enqueued (the analysis' own), the
// sync finalize. Also builds channels on the YouTube stand-in and adds comments.
import type { AiProvider } from "../../src/ai/types";
import { UnitMeter } from "../../src/core/budgets/unitMeter";
import { db } from "../../src/core/firebase";
import { runBatchTask } from "../../src/analysis/fanout/batchStage";
import type { AnalysisDispatcher } from "../../src/analysis/fanout/dispatch";
import type { NamedSyncObserver } from "../../src/domain/sync";
import { runSyncFinalize, type SyncFinalizeOutcome } from "../../src/sync/finalize";
import { runSyncTask, type SyncOutcome } from "../../src/sync/run";
import type { AddedComment, ChannelSpec } from "../../../tools/standins/fixtures";
import { standInYouTube, withAnalyze } from "./pipeline";
import { standInUrl } from "./youtube";

async function post(path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${standInUrl()}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`stand-in ${path}: HTTP ${res.status}`);
  return res.json();
}

export const createChannel = (spec: ChannelSpec) => post("/__channel", spec);
export const addComments = async (videoId: string, comments: AddedComment[]) => ((await post("/__comments", { videoId, comments })) as { ids: string[] }).ids;

/** A provider that counts its calls and the comments it was shown. */
export function countingProvider(base: AiProvider) {
  const seen = { calls: 0, comments: 0 };
  const provider = withAnalyze(base, (inputs, video) => {
    seen.calls += 1;
    seen.comments += inputs.length;
    return base.analyzeComments(inputs, video);
  });
  return { provider, seen };
}

export interface SyncDrive {
  sync: SyncOutcome;
  finalize: SyncFinalizeOutcome | null;
  units: number;
  batches: number;
}

/** One sync of `sourceId` in `window`, end to end. */
export async function driveSync(uid: string, sourceId: string, window: string, ai: AiProvider, options: { observers?: readonly NamedSyncObserver[]; batchSize?: number } = {}): Promise<SyncDrive> {
  const batches: Array<{ jobId: string; index: number }> = [];
  const finalizes: string[] = [];
  const dispatcher: AnalysisDispatcher = {
    enqueueBatches: (jobId, indexes) => Promise.resolve(void batches.push(...indexes.map((index) => ({ jobId, index })))),
    enqueueFinalize: (jobId) => Promise.resolve(void finalizes.push(jobId)),
  };
  const meter = new UnitMeter();
  const sync = await runSyncTask(
    { db: db(), youtube: standInYouTube, meter: () => meter, dispatcher, batchSize: options.batchSize ?? 50 },
    { uid, sourceId, window },
  );
  for (const b of batches) await runBatchTask({ db: db(), connect: () => Promise.resolve(ai), dispatcher }, b, { retryCount: 0, maxAttempts: 1 });
  let finalize: SyncFinalizeOutcome | null = null;
  for (const jobId of finalizes) finalize = await runSyncFinalize({ db: db(), ...(options.observers ? { observers: options.observers } : {}) }, jobId);
  return { sync, finalize, units: meter.units, batches: batches.length };
}
