// Ask AI: answer the creator's question from the retrieved comments only,
// citing them, with the conversation so far as context.
import { z } from "zod";
import type { AskAnswer, AskInput } from "../types";
import { clip, fence } from "./fence";
import { commentRows, statsData } from "./rows";
import { arr, int, num, obj, str, type Prompt } from "./schema";
import { systemFor } from "./system";

export const ASK_MAX_COMMENTS = 60;
export const ASK_HISTORY_TURNS = 6;
const ASK_MAX_IDEAS = 6;

const INSTRUCTIONS =
  "Answer the creator's <question> using only <comments> rows [n, text, likes, sentiment, category] and <stats>; <history> is the conversation so far (resolve follow-ups like 'what about…' with it); " +
  "<ideas>, when given, are the analysis' content ideas drawn from all comments (rows: those shown behind each): name them when asked what viewers want. " +
  "If the comments do not cover it, say so and give low confidence. Return answer (plain prose, quote short phrases), confidence 0..1, sources (i: row number, relevance 0..1, most relevant first; only rows that support the answer), " +
  "points (2-5 key points) and followUps (3 short questions the creator could ask next).";

// `answer` first: Ask AI streams it while the rest is still being generated.
const ASK_FIELDS = {
  answer: str(),
  confidence: num,
  sources: arr(obj({ i: int, relevance: num })),
  points: arr(str()),
  followUps: arr(str()),
};
export const ASK_SCHEMA = { ...obj(ASK_FIELDS), propertyOrdering: Object.keys(ASK_FIELDS) };

export function askPrompt(input: AskInput): Prompt {
  const comments = input.comments.slice(0, ASK_MAX_COMMENTS);
  const history = input.history.slice(-ASK_HISTORY_TURNS).map((t) => ({ q: t.question, a: clip(t.answer, 800) }));
  const rowOf = new Map(comments.map((c, i) => [c.id, i + 1]));
  const ideas = (input.contentIdeas ?? [])
    .slice(0, ASK_MAX_IDEAS)
    .map((idea) => ({ title: clip(idea.title, 160), why: clip(idea.rationale, 300), rows: idea.commentIds.flatMap((id) => rowOf.get(id) ?? []) }));
  return {
    task: "ask",
    system: systemFor(INSTRUCTIONS),
    user: [
      fence("video", { title: input.video.title, channel: input.video.channelTitle }),
      fence("stats", statsData(input.sentiment, input.classification)),
      fence("history", history),
      ...(ideas.length ? [fence("ideas", ideas)] : []),
      fence("comments", commentRows(comments, 600)),
      fence("question", input.question),
    ].join("\n"),
    schema: ASK_SCHEMA,
    maxOutputTokens: 2_048,
    temperature: 0.3,
  };
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

export const askResponse = z.object({
  answer: z.string().trim().min(1),
  confidence: z.number().finite(),
  sources: z.array(z.object({ i: z.number(), relevance: z.number().finite() })),
  points: z.array(z.string()),
  followUps: z.array(z.string()),
});

/** Sources are mapped back to real comment ids; a cited row that was not given is dropped, never invented. */
export function expandAsk(parsed: z.infer<typeof askResponse>, input: AskInput): AskAnswer {
  const comments = input.comments.slice(0, ASK_MAX_COMMENTS);
  const seen = new Set<string>();
  const sources: AskAnswer["sources"] = [];
  for (const s of parsed.sources) {
    const comment = Number.isInteger(s.i) ? comments[s.i - 1] : undefined;
    if (!comment || seen.has(comment.id)) continue;
    seen.add(comment.id);
    sources.push({ commentId: comment.id, relevance: Math.round(clamp01(s.relevance) * 100) / 100 });
  }
  const clean = (list: string[], max: number) => list.map((s) => s.trim()).filter(Boolean).slice(0, max);
  return {
    answer: parsed.answer,
    confidence: Math.round(clamp01(parsed.confidence) * 100) / 100,
    sources,
    keyPoints: clean(parsed.points, 5),
    followUpQuestions: clean(parsed.followUps, 3),
  };
}
