// replayRules: the current rules over comments already stored, the latest
// analysis of a video (or a given one). Replies Lently already posted count
// as answered threads.
import { randomUUID } from "node:crypto";
import { ownedAnalysis, storedComments } from "../analysis/ownedAnalysis";
import { postedReplies } from "../inbox/replyHistory";
import { fromStored } from "./comment";
import type { RulesDeps } from "./deps";
import { runRules } from "./run";

export async function replayRules(deps: RulesDeps, uid: string, input: { videoId?: string; analysisId?: string }) {
  const analysis = await ownedAnalysis(deps.db, uid, input.analysisId !== undefined ? { analysisId: input.analysisId } : { videoId: input.videoId! });
  const [stored, posted] = await Promise.all([storedComments(deps.db, analysis.id), postedReplies(deps.db, uid, analysis.videoId)]);
  const comments = stored.map((c) => ({ ...fromStored(c, analysis.videoId), ...(posted.has(c.id) ? { answered: true } : {}) }));
  return runRules(deps, uid, { comments, analysisId: analysis.id, videoTitle: () => analysis.video.title, runId: `replay_${randomUUID()}` });
}
