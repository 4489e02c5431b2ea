// Per-comment analysis: one request per batch answers sentiment, emotions and
// category for every comment together. This prompt is paid for on every
// batch, so it is terse and the per-comment framing is a bare [n, text] pair
// with positional ids (1..n) instead of the caller's ids; the answer uses
// one-letter keys and is expanded here.
import { z } from "zod";
import { CATEGORIES, EMOTIONS, type CommentAnalysis, type CommentInput, type Emotion, type Sentiment, type VideoContext } from "../types";
import { clip, fence } from "./fence";
import { arr, bool, int, num, obj, str, type Prompt } from "./schema";
import { systemFor } from "./system";

/** Longer comments are cut for analysis: the sentiment and intent are clear well before this. */
export const ANALYSIS_MAX_COMMENT_CHARS = 2_000;

export const SENTIMENT_CODES = { pos: "positive", neg: "negative", neu: "neutral", mix: "mixed" } as const satisfies Record<string, Sentiment>;
type SentimentCode = keyof typeof SENTIMENT_CODES;
const CODES = Object.keys(SENTIMENT_CODES) as SentimentCode[];
export const codeOfSentiment = (s: Sentiment): SentimentCode => CODES.find((c) => SENTIMENT_CODES[c] === s) ?? "neu";

const INSTRUCTIONS =
  "For each [n, text] in <comments> return r items {i:n, s:sentiment toward the video/creator (pos|neg|neu|mix), x:score -1..1, e:up to 3 emotions, most salient first, [] if none, c:category, t:true if toxic (insult, harassment, hate, threat or obscenity aimed at a person), else false}. " +
  "Categories: question; feedback (opinion on the video); suggestion (how to improve); appreciation (praise/thanks); criticism; request (asks for content); discussion (about the topic); spam (promo/scam); other.";

export const ANALYSIS_SCHEMA = obj({
  r: arr(obj({ i: int, s: str(CODES), x: num, e: arr(str(EMOTIONS)), c: str(CATEGORIES), t: bool })),
});

export function analysisPrompt(batch: readonly CommentInput[], video: VideoContext): Prompt {
  const pairs = batch.map((c, n) => [n + 1, clip(c.text, ANALYSIS_MAX_COMMENT_CHARS)]);
  return {
    task: "analysis",
    system: systemFor(INSTRUCTIONS),
    user: `${fence("video", { title: video.title })}\n${fence("comments", pairs)}`,
    schema: ANALYSIS_SCHEMA,
    // ~25 output tokens per comment, with room to spare.
    maxOutputTokens: 256 + 48 * batch.length,
    temperature: 0,
  };
}

const EMOTION_SET = new Set<string>(EMOTIONS);

export const analysisResponse = z.object({
  r: z.array(
    z.object({
      i: z.number().int(),
      s: z.enum(CODES),
      x: z.number().finite(),
      // Unknown emotion words are dropped rather than failing the whole batch.
      e: z.array(z.string()).transform((list) => [...new Set(list.filter((e) => EMOTION_SET.has(e)))].slice(0, 3) as Emotion[]),
      c: z.enum(CATEGORIES),
      // A model that leaves the flag out has not called the comment toxic.
      t: z.boolean().optional(),
    }),
  ),
});
export type AnalysisResponse = z.infer<typeof analysisResponse>;

/**
 * The analyses by position in the batch. Items whose id is not in the batch are
 * ignored, the first item wins for a repeated id, and positions the model left
 * out are simply absent (the provider asks again for those).
 */
export function expandAnalysis(parsed: AnalysisResponse, batch: readonly CommentInput[]): Map<number, CommentAnalysis> {
  const out = new Map<number, CommentAnalysis>();
  for (const item of parsed.r) {
    const index = item.i - 1;
    const comment = batch[index];
    if (!comment || out.has(index)) continue;
    out.set(index, {
      id: comment.id,
      sentiment: SENTIMENT_CODES[item.s],
      score: Math.max(-1, Math.min(1, Math.round(item.x * 1000) / 1000)),
      emotions: item.e,
      category: item.c,
      toxic: item.t === true,
    });
  }
  return out;
}

/** What a refused comment is stored with: neutral placeholders, marked, never dropped. */
export function blockedAnalysis(id: string): CommentAnalysis {
  return { id, sentiment: "neutral", score: 0, emotions: [], category: "other", toxic: false, blocked: true };
}
