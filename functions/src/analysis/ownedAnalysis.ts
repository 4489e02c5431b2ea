// The completed analysis Ask AI or the inbox is about, read on behalf of its owner:
// the analysis document (by id, or the caller's latest analysis of a video)
// and its stored comments. An analysis document exists only once its job
// completed (analysis/store.ts writes it last), so "exists" means "ready".
import type { DocumentData, Firestore } from "firebase-admin/firestore";
import type { ClassificationSummary, ContentIdea, ExecutiveSummary, SentimentSummary, Theme } from "../ai/types";
import type { StoredComment } from "./commentRecords";
import { notFound } from "../core/errors";
import { ownedDoc } from "../core/ownership";

export interface TopQuestion {
  commentId: string;
  author: string;
  text: string;
  likeCount: number;
  replyCount: number;
}

/** The parts of analyses/{id} that Ask AI reads. */
export interface AskableAnalysis {
  id: string;
  userId: string;
  videoId: string;
  video: { id: string; title: string; channelTitle?: string; thumbnail: string | null };
  results: {
    sentiment?: SentimentSummary;
    classification?: ClassificationSummary & { topQuestions?: TopQuestion[]; unansweredQuestions?: TopQuestion[] };
    insights?: { themes?: Theme[]; contentIdeas?: ContentIdea[]; audience?: { summary?: string; interests?: string[] } };
    summary?: ExecutiveSummary;
  };
  counts?: { analysed?: number };
}

export type AnalysisRef = { analysisId: string; videoId?: undefined } | { videoId: string; analysisId?: undefined };

function toAskable(id: string, data: DocumentData): AskableAnalysis {
  const video = (data.video ?? {}) as Partial<AskableAnalysis["video"]>;
  const videoId = typeof data.videoId === "string" ? data.videoId : (video.id ?? "");
  return {
    id,
    userId: String(data.userId),
    videoId,
    video: {
      id: video.id ?? videoId,
      title: typeof video.title === "string" ? video.title : "",
      channelTitle: typeof video.channelTitle === "string" ? video.channelTitle : undefined,
      thumbnail: typeof video.thumbnail === "string" ? video.thumbnail : null,
    },
    results: (data.results ?? {}) as AskableAnalysis["results"],
    counts: data.counts as AskableAnalysis["counts"],
  };
}

/**
 * The analysis the caller asks about. By id: not-found when missing or
 * someone else's (core/ownership ownedDoc). By video: the caller's most
 * recently completed analysis of that video (only their own are searched).
 */
export async function ownedAnalysis(db: Firestore, uid: string, ref: AnalysisRef): Promise<AskableAnalysis> {
  if (ref.analysisId !== undefined) {
    const snap = await ownedDoc(db.doc(`analyses/${ref.analysisId}`), uid, "Analysis");
    return toAskable(snap.id, snap.data()!);
  }
  const latest = await db
    .collection("analyses")
    .where("userId", "==", uid)
    .where("videoId", "==", ref.videoId)
    .orderBy("completedAt", "desc")
    .limit(1)
    .get();
  const doc = latest.docs[0];
  if (!doc) throw notFound("A completed analysis of this video");
  return toAskable(doc.id, doc.data());
}

/** Every stored comment of an analysis, in stored order (chunks 0000, 0001, …). */
export async function storedComments(db: Firestore, analysisId: string): Promise<StoredComment[]> {
  const chunks = await db.collection(`analyses/${analysisId}/comments`).orderBy("index").get();
  return chunks.docs.flatMap((d) => (d.get("comments") as StoredComment[] | undefined) ?? []);
}
