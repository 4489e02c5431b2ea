// Insights over a whole analysis: themes, content ideas and the audience.
import { z } from "zod";
import { SENTIMENTS, type AnalysedComment, type Insights, type InsightsInput } from "../types";
import { clip, fence } from "./fence";
import { commentRows, idsOf, sampleComments, statsData } from "./rows";
import { arr, int, obj, str, type Prompt } from "./schema";
import { systemFor } from "./system";

export const INSIGHTS_SAMPLE = 200;

const INSTRUCTIONS =
  "From <comments> rows [n, text, likes, sentiment, category] and <stats>, find 3-8 recurring themes (name, one-sentence description, overall sentiment, ids: row numbers that mention it), " +
  "2-6 content ideas the audience asks for or would value (title, why: the evidence, ids), and the audience (summary, interests, level: beginner|intermediate|advanced|mixed). Cite only row numbers that exist.";

export const INSIGHTS_SCHEMA = obj({
  themes: arr(obj({ name: str(), description: str(), sentiment: str(SENTIMENTS), ids: arr(int) })),
  ideas: arr(obj({ title: str(), why: str(), ids: arr(int) })),
  audience: obj({ summary: str(), interests: arr(str()), level: str() }),
});

export function insightsPrompt(input: InsightsInput): { prompt: Prompt; shown: AnalysedComment[] } {
  const shown = sampleComments(input.comments, INSIGHTS_SAMPLE);
  const video = { title: input.video.title, channel: input.video.channelTitle, description: clip(input.video.description ?? "", 400) };
  return {
    shown,
    prompt: {
      task: "insights",
      system: systemFor(INSTRUCTIONS),
      user: [fence("video", video), fence("stats", statsData(input.sentiment, input.classification)), fence("comments", commentRows(shown, 500))].join("\n"),
      schema: INSIGHTS_SCHEMA,
      maxOutputTokens: 4_096,
      temperature: 0.4,
    },
  };
}

const nonEmpty = z.string().trim().min(1);

export const insightsResponse = z.object({
  themes: z.array(z.object({ name: nonEmpty, description: z.string(), sentiment: z.enum(SENTIMENTS), ids: z.array(z.number()) })),
  ideas: z.array(z.object({ title: nonEmpty, why: z.string(), ids: z.array(z.number()) })),
  audience: z.object({ summary: z.string(), interests: z.array(z.string()), level: z.string() }),
});

export function expandInsights(parsed: z.infer<typeof insightsResponse>, shown: readonly AnalysedComment[]): Insights {
  return {
    themes: parsed.themes.slice(0, 8).map((t) => {
      const commentIds = idsOf(t.ids, shown);
      return { name: t.name, description: t.description, sentiment: t.sentiment, commentIds, mentions: commentIds.length };
    }),
    contentIdeas: parsed.ideas.slice(0, 6).map((i) => ({ title: i.title, rationale: i.why, commentIds: idsOf(i.ids, shown) })),
    audience: {
      summary: parsed.audience.summary,
      interests: parsed.audience.interests.filter((s) => s.trim()).slice(0, 10),
      ...(parsed.audience.level.trim() ? { experienceLevel: parsed.audience.level.trim() } : {}),
    },
  };
}
