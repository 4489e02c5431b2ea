// What the provider is given for one question, and how its answer is checked
// before anyone sees it. Comments go to the provider under short per-request
// ids (c0, c1, …) rather than YouTube ids: a model can only cite what it was
// shown, and `resolveAnswer` maps those ids back to the stored comments,
// dropping anything else, so a made-up source never reaches a client or
// Firestore. Quoted text is always the stored text, never the model's copy.
import { AiMalformedResponseError } from "../ai/errors";
import { clip } from "../ai/prompts/fence";
import { DATA_RULE, LENTLY_PERSONA } from "../ai/prompts/system";
import { summarizeClassification, summarizeSentiment } from "../ai/summaries";
import type { AnalysedComment, AskAnswer, AskInput, AskTurn, ClassificationSummary } from "../ai/types";
import type { StoredComment } from "../analysis/commentRecords";
import type { AskableAnalysis } from "../analysis/ownedAnalysis";
import { isUsable, type Retrieved } from "./retrieval";

export interface AskContext {
  input: AskInput;
  /** Short id given to the provider → the stored comment it stands for. */
  byShortId: Map<string, StoredComment>;
}

/** Figures for the whole analysis; computed from the stored comments when the analysis skipped them. */
function figures(analysis: AskableAnalysis, all: readonly StoredComment[]): Pick<AskInput, "sentiment" | "classification"> {
  const usable = all.filter(isUsable);
  const stored = analysis.results.classification;
  let classification: ClassificationSummary | undefined;
  if (stored) {
    const { total, counts, topCategory, actionableCount } = stored;
    classification = { total, counts, topCategory, actionableCount };
  } else if (usable.length) {
    classification = summarizeClassification(usable);
  }
  const sentiment = analysis.results.sentiment ?? (usable.length ? summarizeSentiment(usable) : undefined);
  return { sentiment, classification };
}

export function buildAskInput(
  question: string,
  analysis: AskableAnalysis,
  retrieved: readonly Retrieved[],
  history: AskTurn[],
  all: readonly StoredComment[],
): AskContext {
  const byShortId = new Map<string, StoredComment>();
  const comments: AnalysedComment[] = retrieved.map(({ comment }, i) => {
    const id = `c${i}`;
    byShortId.set(id, comment);
    return {
      id,
      text: comment.text,
      author: comment.author,
      likeCount: comment.likeCount,
      sentiment: comment.sentiment,
      score: comment.score,
      emotions: comment.emotions,
      category: comment.category,
      // Whether a reply is still owed ("which comments should I reply to first?").
      answeredByOwner: comment.answeredByOwner === true,
      repliesUnchecked: comment.repliesUnchecked === true,
      byOwner: comment.byOwner === true,
    };
  });
  return {
    input: {
      question,
      video: { id: analysis.video.id, title: analysis.video.title, channelTitle: analysis.video.channelTitle },
      ...figures(analysis, all),
      comments,
      history,
      ...insightsOf(analysis, byShortId),
    },
    byShortId,
  };
}

/** The analysis' themes and content ideas, citing the retrieved comments by the short ids the provider sees. */
function insightsOf(analysis: AskableAnalysis, byShortId: Map<string, StoredComment>): Pick<AskInput, "themes" | "contentIdeas"> {
  const shortIds = new Map<string, string>();
  for (const [short, comment] of byShortId) shortIds.set(comment.id, short);
  const cited = (ids: readonly string[]) => ids.flatMap((id) => shortIds.get(id) ?? []);
  const insights = analysis.results.insights;
  return {
    themes: (insights?.themes ?? []).map((theme) => ({ name: theme.name, commentIds: cited(theme.commentIds) })),
    // Stored documents are not always what the types promise: an idea without a title is left out.
    contentIdeas: (insights?.contentIdeas ?? [])
      .filter((idea) => typeof idea?.title === "string" && idea.title.trim() !== "")
      .map((idea) => ({
        title: idea.title,
        rationale: typeof idea.rationale === "string" ? idea.rationale : "",
        commentIds: cited(Array.isArray(idea.commentIds) ? idea.commentIds : []),
      })),
  };
}

export interface AnswerSource {
  /** The YouTube comment id. */
  commentId: string;
  author: string;
  text: string;
  relevance: number;
}

export interface CheckedAnswer {
  answer: string;
  confidence: number;
  sources: AnswerSource[];
  keyPoints: string[];
  followUpQuestions: string[];
  /** Sources the provider cited that were not among the comments it was given. */
  droppedSources: number;
}

export const MAX_SOURCES = 10;
export const MAX_ANSWER_CHARS = 6_000;
const MAX_POINT_CHARS = 300;
const MAX_FOLLOW_UP_CHARS = 200;

const round2 = (x: number) => Math.round(Math.max(0, Math.min(1, Number.isFinite(x) ? x : 0)) * 100) / 100;
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const tidy = (s: string, max: number) => clip(s.replace(CONTROL, "").trim(), max);

// Lently's standing instructions, as a model could repeat them when a comment
// talks it into "printing its prompt". Compared without case or spacing.
const SECRETS = [LENTLY_PERSONA, DATA_RULE].map((s) => squash(s).slice(0, 60));

export function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** True when `squashed` (a squash()ed text) could be how repeated instructions begin. */
export function mayBeginLeak(squashed: string): boolean {
  return squashed.length > 0 && SECRETS.some((secret) => secret.startsWith(squashed));
}

/** True when a text repeats Lently's system instructions (a prompt-injection symptom). */
export function leaksInstructions(text: string): boolean {
  const flat = squash(text);
  return SECRETS.some((secret) => flat.includes(secret));
}

/**
 * The provider's answer made safe to store and show: sources mapped to stored
 * comments (unknown ids dropped, repeats once, at most MAX_SOURCES), texts
 * trimmed and bounded. An answer that repeats the system instructions is
 * refused as unusable rather than shown.
 */
export function resolveAnswer(answer: AskAnswer, byShortId: ReadonlyMap<string, StoredComment>): CheckedAnswer {
  const text = tidy(answer.answer, MAX_ANSWER_CHARS);
  const keyPoints = answer.keyPoints.map((p) => tidy(p, MAX_POINT_CHARS)).filter(Boolean).slice(0, 5);
  const followUpQuestions = answer.followUpQuestions.map((q) => tidy(q, MAX_FOLLOW_UP_CHARS)).filter(Boolean).slice(0, 3);
  if (!text) throw new AiMalformedResponseError("ask", "empty answer");
  if ([text, ...keyPoints, ...followUpQuestions].some(leaksInstructions)) {
    throw new AiMalformedResponseError("ask", "the answer repeats the system instructions");
  }
  const seen = new Set<string>();
  const sources: AnswerSource[] = [];
  let droppedSources = 0;
  for (const source of answer.sources) {
    const comment = byShortId.get(source.commentId);
    if (!comment) {
      droppedSources += 1;
      continue;
    }
    if (seen.has(comment.id) || sources.length >= MAX_SOURCES) continue;
    seen.add(comment.id);
    sources.push({ commentId: comment.id, author: comment.author, text: comment.text, relevance: round2(source.relevance) });
  }
  return { answer: text, confidence: round2(answer.confidence), sources, keyPoints, followUpQuestions, droppedSources };
}
