// The executive summary: a headline, an overview and priority actions that
// point at real comments.
import { z } from "zod";
import { isUnanswered, ownerKind } from "../needsAnswer";
import type { AnalysedComment, ExecutiveSummary, SummaryInput } from "../types";
import { fence } from "./fence";
import { commentRows, idsOf, sampleComments, statsData, unansweredData } from "./rows";
import { arr, int, obj, str, type Prompt } from "./schema";
import { systemFor } from "./system";

export const SUMMARY_SAMPLE = 120;
const PRIORITIES = ["high", "medium", "low"] as const;

const INSTRUCTIONS =
  "Write an executive summary for the creator from <stats>, <insights> and <comments> rows [n, text, likes, sentiment, category]: " +
  "headline (one sentence), overview (3-5 sentences with the real numbers), and 3-6 actions (action, reason, priority high|medium|low, ids: row numbers of the comments behind it), " +
  "covering unanswered questions, top requests and criticism first. When <stats> has `unanswered`, count and cite only comments the creator has not replied to (`notChecked`: threads not read whole, neither answered nor unanswered).";

export const SUMMARY_SCHEMA = obj({
  headline: str(),
  overview: str(),
  actions: arr(obj({ action: str(), reason: str(), priority: str(PRIORITIES), ids: arr(int) })),
});

export function summaryPrompt(input: SummaryInput): { prompt: Prompt; shown: AnalysedComment[] } {
  // Threads the creator already answered are done, and unread ones are not known to be open: the actions cite only open ones.
  const shown = sampleComments(input.comments.filter((c) => isUnanswered(c) || !ownerKind(c)), SUMMARY_SAMPLE);
  const insights = {
    themes: input.insights.themes.map((t) => ({ name: t.name, sentiment: t.sentiment, mentions: t.mentions })),
    ideas: input.insights.contentIdeas.map((i) => i.title),
    audience: input.insights.audience.summary,
  };
  return {
    shown,
    prompt: {
      task: "summary",
      system: systemFor(INSTRUCTIONS),
      user: [
        fence("video", { title: input.video.title, channel: input.video.channelTitle }),
        fence("stats", { ...statsData(input.sentiment, input.classification), ...(unansweredData(input.comments) ? { unanswered: unansweredData(input.comments) } : {}) }),
        fence("insights", insights),
        fence("comments", commentRows(shown, 400)),
      ].join("\n"),
      schema: SUMMARY_SCHEMA,
      maxOutputTokens: 2_048,
      temperature: 0.4,
    },
  };
}

const nonEmpty = z.string().trim().min(1);

export const summaryResponse = z.object({
  headline: nonEmpty,
  overview: nonEmpty,
  actions: z.array(z.object({ action: nonEmpty, reason: z.string(), priority: z.enum(PRIORITIES), ids: z.array(z.number()) })),
});

export function expandSummary(parsed: z.infer<typeof summaryResponse>, shown: readonly AnalysedComment[]): ExecutiveSummary {
  return {
    headline: parsed.headline,
    overview: parsed.overview,
    priorityActions: parsed.actions.slice(0, 6).map((a) => ({
      action: a.action,
      reason: a.reason,
      priority: a.priority,
      commentIds: idsOf(a.ids, shown),
    })),
  };
}
