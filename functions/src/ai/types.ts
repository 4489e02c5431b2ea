// The one interface for everything Lently asks of AI. Two implementations:
// `gemini` (@google/genai) and `local` (offline rules/lexicon models).

import type { Category, Emotion, ReplyTone, Sentiment } from "../domain/labels";

// The AI interface speaks in the labels of domain/labels.ts; they are re-exported
// here so the providers and prompts read every type of the interface from one place.
export { CATEGORIES, EMOTIONS, REPLY_TONES, SENTIMENTS, type Category, type Emotion, type ReplyTone, type Sentiment } from "../domain/labels";

/** Categories a creator should act on ("needs attention"). */
export const ACTIONABLE_CATEGORIES: readonly Category[] = ["question", "feedback", "suggestion", "request", "criticism"];

export interface CommentInput {
  /** Short id, unique within one request (e.g. "c17"); providers key their output by it. */
  id: string;
  text: string;
  author?: string;
  likeCount?: number;
  /** The channel owner already replied in this comment's thread. */
  answeredByOwner?: boolean;
  /** The thread has replies nobody read: whether the owner replied is unknown (youtube/threads.ts). */
  repliesUnchecked?: boolean;
  /** The channel owner wrote it: nothing the owner must answer (youtube/quality/filter.ts). */
  byOwner?: boolean;
  /** ISO 639-1 code detected by ai/language/detect.ts; null when undetermined (short, emoji only). */
  language?: string | null;
}

export interface CommentAnalysis {
  id: string;
  /** Null when the provider could not read the comment (`unread`): no verdict rather than a wrong one. */
  sentiment: Sentiment | null;
  /** -1 (very negative) … 1 (very positive); 0 when unread. */
  score: number;
  /** Most salient first; may be empty. */
  emotions: Emotion[];
  /** Null when unread. */
  category: Category | null;
  /** Why the provider gave no verdict: `language`, a language its models were not built for (the local provider and anything but English). */
  unread?: "language";
  /** ISO 639-1 code of the comment's language (ai/language/detect.ts), null when undetermined; set by the batch stage. */
  language?: string | null;
  /** Insults, harassment, hate, threats or obscenity aimed at a person. Both providers set it; absent on analyses stored before it existed. */
  toxic?: boolean;
  /** Set when the provider refused this comment (e.g. a safety block); the comment is kept, not lost. */
  blocked?: boolean;
}

export interface TokenUsage {
  calls: number;
  inputTokens: number;
  /** Billed output: the answer plus any thinking. */
  outputTokens: number;
  /** Of `outputTokens`, those the model spent thinking (Gemini's thoughtsTokenCount); absent when none. */
  thinkingTokens?: number;
  /** Of `inputTokens`, those billed at the cached rate (implicit caching: cachedContentTokenCount); absent when none. */
  cachedTokens?: number;
  /** The same figures per model, with the tasks each served (Gemini only; absent for the local provider). */
  models?: ModelUsage[];
}

export interface ModelUsage {
  model: string;
  /** The tasks (analysis, insights, summary, ask, replies) this model answered. */
  tasks: string[];
  calls: number;
  inputTokens: number;
  cachedTokens: number;
  outputTokens: number;
  thinkingTokens: number;
}

export interface AiResult<T> {
  value: T;
  usage: TokenUsage;
}

export interface VideoContext {
  id: string;
  title: string;
  channelTitle?: string;
  description?: string;
}

export interface SentimentSummary {
  total: number;
  counts: Record<Sentiment, number>;
  percentages: Record<Sentiment, number>;
  dominant: Sentiment;
  averageScore: number;
  topEmotions: Array<{ emotion: Emotion; count: number }>;
}

/** Toxic comments of an analysis: how many, their share of the analysed ones, and the most-liked few (cited by comment id). */
export interface ToxicitySummary {
  count: number;
  /** 0..1 of the analysed (not refused) comments. */
  share: number;
  examples: Array<{ commentId: string; text: string }>;
}

export interface ClassificationSummary {
  total: number;
  counts: Record<Category, number>;
  topCategory: Category;
  actionableCount: number;
}

export type AnalysedComment = CommentInput & CommentAnalysis;

export interface InsightsInput {
  video: VideoContext;
  comments: AnalysedComment[];
  sentiment: SentimentSummary;
  classification: ClassificationSummary;
}

export interface Theme {
  name: string;
  description: string;
  sentiment: Sentiment;
  commentIds: string[];
  mentions: number;
}

export interface ContentIdea {
  title: string;
  rationale: string;
  commentIds: string[];
}

export interface Insights {
  themes: Theme[];
  contentIdeas: ContentIdea[];
  audience: { summary: string; interests: string[]; experienceLevel?: string };
}

export interface SummaryInput extends InsightsInput {
  insights: Insights;
}

export interface PriorityAction {
  action: string;
  reason: string;
  priority: "high" | "medium" | "low";
  commentIds: string[];
}

export interface ExecutiveSummary {
  headline: string;
  overview: string;
  priorityActions: PriorityAction[];
}

export interface AskTurn {
  question: string;
  answer: string;
}

export interface AskInput {
  question: string;
  video: VideoContext;
  sentiment?: SentimentSummary;
  classification?: ClassificationSummary;
  /** The comments retrieved for this question, most relevant first. */
  comments: AnalysedComment[];
  history: AskTurn[];
  /** The analysis' themes, each citing those of `comments` it covers (by their ids here). */
  themes?: Array<Pick<Theme, "name" | "commentIds">>;
  /** The analysis' content ideas, each citing those of `comments` behind it (by their ids here). */
  contentIdeas?: ContentIdea[];
}

export interface AskAnswer {
  answer: string;
  confidence: number; // 0..1
  sources: Array<{ commentId: string; relevance: number }>;
  keyPoints: string[];
  followUpQuestions: string[];
}

export interface ReplyInput {
  comment: { text: string; author?: string };
  tone: ReplyTone;
  count: number; // 1..5
  video?: VideoContext;
  creatorName?: string;
}

/**
 * Receives an answer's text while the provider generates it (Ask AI's
 * streaming callers). The pieces, concatenated after the last `restart`, are
 * the text of the answer the call resolves with.
 */
export interface AnswerStream {
  text(delta: string): void | Promise<void>;
  /** Forget what was sent: the provider starts the answer again (a retry after a failed or unusable attempt). */
  restart(): void | Promise<void>;
}

export interface AiProvider {
  readonly name: "gemini" | "local";
  /** One call per batch: sentiment, emotions and category together for every comment. */
  analyzeComments(batch: CommentInput[], video: VideoContext): Promise<AiResult<CommentAnalysis[]>>;
  generateInsights(input: InsightsInput): Promise<AiResult<Insights>>;
  summarize(input: SummaryInput): Promise<AiResult<ExecutiveSummary>>;
  /** With `stream`, the answer's text is also sent piece by piece as it is generated. */
  answerQuestion(input: AskInput, stream?: AnswerStream): Promise<AiResult<AskAnswer>>;
  draftReplies(input: ReplyInput): Promise<AiResult<string[]>>;
}
