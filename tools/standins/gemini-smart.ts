// The Gemini stand-in's default answers: it reads the data blocks of the
// prompt it received (with its own reader, gemini-request.ts) and answers with
// Lently's local models. The answer is then shaped by the request's own
// responseSchema (conformToSchema): every field the schema asks for is
// filled — from the local models' analysis when they have a field of that
// name, else with a typed default — so a new field in Lently's schema keeps
// working without a change here. End-to-end runs with AI_PROVIDER=gemini
// therefore produce sensible analyses, not lorem ipsum.
import { analyzeCommentsLocally } from "../../functions/src/ai/local/analyze";
import { LocalProvider } from "../../functions/src/ai/local/provider";
import { summarizeClassification, summarizeSentiment } from "../../functions/src/ai/summaries";
import { readBlock as unfence, type SchemaNode, type StandInTask } from "./gemini-request";
import {
  CATEGORIES,
  REPLY_TONES,
  SENTIMENTS,
  type AnalysedComment,
  type AskTurn,
  type Category,
  type ClassificationSummary,
  type Emotion,
  type SentimentSummary,
  type Insights,
  type ReplyTone,
  type Sentiment,
  type VideoContext,
} from "../../functions/src/ai/types";

const local = new LocalProvider();

/** The sentiment codes a request's schema lists for `s`, mapped to the local models' words. */
const SENTIMENT_CODES = { pos: "positive", neg: "negative", neu: "neutral", mix: "mixed" } as const satisfies Record<string, Sentiment>;
const codeOfSentiment = (s: Sentiment) => (Object.keys(SENTIMENT_CODES) as Array<keyof typeof SENTIMENT_CODES>).find((c) => SENTIMENT_CODES[c] === s) ?? "neu";

/** A prompt row: [n, text, likes, sentiment code, category]. */
type CommentRow = [number, string, number, string, string];

function video(user: string): VideoContext {
  const v = (unfence(user, "video") ?? {}) as { title?: string; channel?: string };
  return { id: "standin", title: v.title ?? "", channelTitle: v.channel };
}

/** Rows [n, text, likes, sentiment code, category] back into analysed comments with id "n". */
function analysed(user: string): AnalysedComment[] {
  const rows = (unfence(user, "comments") ?? []) as CommentRow[];
  return rows.map(([n, text, likes, s, c]) => {
    const sentiment: Sentiment = SENTIMENT_CODES[s as keyof typeof SENTIMENT_CODES] ?? "neutral";
    const score = sentiment === "positive" ? 0.6 : sentiment === "negative" ? -0.6 : 0;
    return { id: String(n), text, likeCount: likes, sentiment, score, emotions: [], category: c as Category };
  });
}

const nums = (ids: readonly string[]) => ids.map(Number).filter(Number.isInteger);

interface StatsBlock {
  comments?: number;
  sentimentPct?: Partial<Record<Sentiment, number>>;
  averageScore?: number;
  topEmotions?: string[];
  categories?: Partial<Record<Category, number>>;
  actionable?: number;
}

/**
 * The whole analysis' figures from the <stats> block when the prompt has one
 * (the comments shown are only a sample), else computed from those comments.
 */
function figures(user: string, comments: AnalysedComment[]): { sentiment: SentimentSummary; classification: ClassificationSummary } {
  const sample = { sentiment: summarizeSentiment(comments), classification: summarizeClassification(comments) };
  const stats = unfence(user, "stats") as StatsBlock | undefined;
  if (!stats?.comments || !stats.sentimentPct) return sample;
  const total = stats.comments;
  const percentages = Object.fromEntries(SENTIMENTS.map((k) => [k, stats.sentimentPct?.[k] ?? 0])) as Record<Sentiment, number>;
  const counts = Object.fromEntries(SENTIMENTS.map((k) => [k, Math.round((percentages[k] * total) / 100)])) as Record<Sentiment, number>;
  const categoryCounts = Object.fromEntries(CATEGORIES.map((k) => [k, stats.categories?.[k] ?? 0])) as Record<Category, number>;
  return {
    sentiment: {
      total,
      counts,
      percentages,
      dominant: SENTIMENTS.reduce((best, k) => (counts[k] > counts[best] ? k : best), "neutral" as Sentiment),
      averageScore: stats.averageScore ?? 0,
      topEmotions: (stats.topEmotions ?? []).map((e) => {
        const [emotion, count] = e.split(":");
        return { emotion: emotion as Emotion, count: Number(count) };
      }),
    },
    classification: {
      total,
      counts: categoryCounts,
      topCategory: CATEGORIES.reduce((best, k) => (categoryCounts[k] > categoryCounts[best] ? k : best), "other" as Category),
      actionableCount: stats.actionable ?? 0,
    },
  };
}

async function insightsOf(user: string): Promise<unknown> {
  const comments = analysed(user);
  const { value } = await local.generateInsights({ video: video(user), comments, ...figures(user, comments) });
  return {
    themes: value.themes.map((t) => ({ name: t.name, description: t.description, sentiment: t.sentiment, ids: nums(t.commentIds) })),
    ideas: value.contentIdeas.map((i) => ({ title: i.title, why: i.rationale, ids: nums(i.commentIds) })),
    audience: { summary: value.audience.summary, interests: value.audience.interests, level: value.audience.experienceLevel ?? "" },
  };
}

async function summaryOf(user: string): Promise<unknown> {
  const comments = analysed(user);
  const given = (unfence(user, "insights") ?? {}) as {
    themes?: Array<{ name: string; sentiment: Sentiment; mentions: number }>;
    ideas?: string[];
    audience?: string;
  };
  const insights: Insights = {
    themes: (given.themes ?? []).map((t) => ({ ...t, description: "", commentIds: [] })),
    contentIdeas: (given.ideas ?? []).map((title) => ({ title, rationale: "", commentIds: [] })),
    audience: { summary: given.audience ?? "", interests: [] },
  };
  const { value } = await local.summarize({ video: video(user), comments, ...figures(user, comments), insights });
  return {
    headline: value.headline,
    overview: value.overview,
    actions: value.priorityActions.map((a) => ({ action: a.action, reason: a.reason, priority: a.priority, ids: nums(a.commentIds) })),
  };
}

async function askOf(user: string): Promise<unknown> {
  const comments = analysed(user);
  const history = ((unfence(user, "history") ?? []) as Array<{ q: string; a: string }>).map((t): AskTurn => ({ question: t.q, answer: t.a }));
  const { value } = await local.answerQuestion({
    question: (unfence(user, "question") as string | undefined) ?? "",
    video: video(user),
    comments,
    history,
    contentIdeas: ((unfence(user, "ideas") ?? []) as Array<{ title: string; why: string; rows: number[] }>).map((i) => ({ title: i.title, rationale: i.why, commentIds: i.rows.map(String) })),
    ...figures(user, comments),
  });
  return {
    answer: value.answer,
    confidence: value.confidence,
    sources: value.sources.map((s) => ({ i: Number(s.commentId), relevance: s.relevance })),
    points: value.keyPoints,
    followUps: value.followUpQuestions,
  };
}

async function repliesOf(system: string, user: string): Promise<unknown> {
  const match = /Write (\d+) distinct replies[^]*?tone: (\w+)/.exec(system);
  const tone = (REPLY_TONES as readonly string[]).includes(match?.[2] ?? "") ? (match![2] as ReplyTone) : "friendly";
  const comment = (unfence(user, "comment") ?? { text: "" }) as { author?: string; text: string };
  const { value } = await local.draftReplies({ comment, tone, count: Number(match?.[1] ?? 3), video: video(user) });
  return { replies: value };
}

/**
 * The JSON a capable model would answer for this request, made by the local
 * models and shaped by the request's responseSchema.
 */
export async function smartAnswer(task: StandInTask | undefined, system: string, user: string, schema?: SchemaNode): Promise<unknown> {
  const answer = await localAnswer(task, system, user);
  return schema ? conformToSchema(schema, answer) : answer;
}

async function localAnswer(task: StandInTask | undefined, system: string, user: string): Promise<unknown> {
  switch (task) {
    case "analysis": {
      const pairs = (unfence(user, "comments") ?? []) as Array<[number, string]>;
      const results = analyzeCommentsLocally(pairs.map(([n, text]) => ({ id: String(n), text })));
      // Every field of the local analysis travels along (e.g. a `toxic` flag), so a schema asking for it gets it.
      return { r: results.map((a) => ({ ...a, i: Number(a.id), s: codeOfSentiment(a.sentiment ?? "neutral"), x: a.score, e: a.emotions, c: a.category })) };
    }
    case "insights":
      return insightsOf(user);
    case "summary":
      return summaryOf(user);
    case "ask":
      return askOf(user);
    case "replies":
      return repliesOf(system, user);
    default:
      return { text: "The Gemini stand-in does not know this request's schema." };
  }
}

/** Short answer keys and the local analysis field each stands for, where the name alone does not say. */
const ALIASES: Record<string, string> = { t: "toxic", tx: "toxic" };

/**
 * `value` reshaped to `schema`: every property the schema lists is present
 * (taken from the value under its own name or alias, else a typed default:
 * "", 0, false, [], the first enum value), nothing else is, and strings outside
 * an enum become its first value. What a model under constrained decoding does.
 */
export function conformToSchema(schema: SchemaNode, value: unknown): unknown {
  const type = String(schema.type ?? "").toUpperCase();
  switch (type) {
    case "OBJECT": {
      const source = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        const given = key in source ? source[key] : ALIASES[key] ? source[ALIASES[key]] : undefined;
        out[key] = conformToSchema(child, given);
      }
      return out;
    }
    case "ARRAY":
      return Array.isArray(value) && schema.items ? value.map((item) => conformToSchema(schema.items!, item)) : [];
    case "STRING": {
      const options = schema.enum;
      if (typeof value === "string" && (!options || options.includes(value))) return value;
      return options?.[0] ?? "";
    }
    case "INTEGER":
      return typeof value === "number" && Number.isFinite(value) ? Math.round(value) : 0;
    case "NUMBER":
      return typeof value === "number" && Number.isFinite(value) ? value : 0;
    case "BOOLEAN":
      return typeof value === "boolean" ? value : false;
    default:
      return value ?? null;
  }
}
