// Suggested questions for one analysis, built from what that analysis found:
// the viewer questions nobody answered yet, the themes (negative ones first),
// the content ideas, the dominant kind of comment and the summary's top
// action. Deterministic and free (no AI call): the same analysis always gets
// the same suggestions, and generic questions only fill up to the minimum.
import { clip } from "../ai/prompts/fence";
import type { AskableAnalysis } from "../analysis/ownedAnalysis";
import type { ContextFilter } from "./retrieval";

export type SuggestionBasis =
  | "unanswered_question"
  | "viewer_questions"
  | "negative_theme"
  | "negative_comments"
  | "split_reaction"
  | "theme"
  | "content_idea"
  | "confusion"
  | "top_category"
  | "priority_action"
  | "general";

export interface SuggestedQuestion {
  question: string;
  /** The context filter that suits the question best. */
  contextFilter: ContextFilter;
  /** What in the analysis prompted it. */
  basis: SuggestionBasis;
}

export const MIN_SUGGESTIONS = 4;
export const MAX_SUGGESTIONS = 6;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/g;
/** Analysis-derived text (theme names, idea titles, comments — possibly model-written) made fit to quote in a question. */
const quoted = (s: string, max: number) => clip(s.replace(CONTROL, " ").replace(/\s+/g, " ").trim(), max);
/** The same, without closing punctuation, to sit inside a sentence. */
const phrase = (s: string, max = 60) => quoted(s, max).replace(/[.!?]+$/, "");
/** A theme name mid-sentence: "Acoustic Panels" → "acoustic panels"; "SM7B" or "iPhone" stay as written. */
const themeName = (s: string) => {
  const p = phrase(s);
  return /^[A-Z][a-z]+(?: [A-Z]?[a-z]+)*$/.test(p) ? p.toLowerCase() : p;
};

const GENERAL: SuggestedQuestion[] = [
  { question: "What do viewers like most about this video?", contextFilter: "positive", basis: "general" },
  { question: "Which comments should I reply to first?", contextFilter: "all", basis: "general" },
  { question: "What content do viewers want me to make next?", contextFilter: "feedback", basis: "general" },
  { question: "How do viewers feel about the video overall?", contextFilter: "all", basis: "general" },
  { question: "What are the most common criticisms?", contextFilter: "negative", basis: "general" },
];

/** The questions, in priority order; 4–6 of them, no two alike. */
export function suggestQuestions(analysis: AskableAnalysis): SuggestedQuestion[] {
  const { sentiment, classification, insights, summary } = analysis.results;
  const candidates: SuggestedQuestion[] = [];
  const add = (question: string, contextFilter: ContextFilter, basis: SuggestionBasis) => candidates.push({ question, contextFilter, basis });

  const questionCount = classification?.counts.question ?? 0;
  // Without a reply from the channel when the analysis fetched whole threads; before that, without any reply.
  const unanswered = classification?.unansweredQuestions ?? (classification?.topQuestions ?? []).filter((q) => q.replyCount === 0);
  const asked = unanswered[0] ?? classification?.topQuestions?.[0];
  if (asked?.text.trim()) {
    add(`How should I answer “${quoted(asked.text, 90)}”, and do other viewers ask the same?`, "questions", unanswered.length ? "unanswered_question" : "viewer_questions");
  }
  if (questionCount >= 2) add(`Which of the ${questionCount} viewer questions should I answer first?`, "questions", "viewer_questions");

  const themes = insights?.themes ?? [];
  const negativeTheme = themes.filter((t) => t.sentiment === "negative").sort((a, b) => b.mentions - a.mentions)[0];
  const negatives = sentiment?.counts.negative ?? 0;
  if (negativeTheme) add(`Why are viewers unhappy about ${themeName(negativeTheme.name)}?`, "negative", "negative_theme");
  else if (negatives > 0) add(`What are the main complaints in the ${negatives} negative comment${negatives === 1 ? "" : "s"}?`, "negative", "negative_comments");

  if (sentiment && sentiment.percentages.positive >= 20 && sentiment.percentages.negative >= 20) {
    add("Why is the reaction split between positive and negative?", "all", "split_reaction");
  }

  const theme = themes.filter((t) => t !== negativeTheme).sort((a, b) => b.mentions - a.mentions)[0];
  if (theme) add(`What do viewers say about ${themeName(theme.name)}?`, "all", "theme");

  const idea = insights?.contentIdeas?.[0];
  if (idea?.title) add(`How many viewers want a video on “${phrase(idea.title)}”, and what exactly do they ask for?`, "feedback", "content_idea");

  if (sentiment?.topEmotions.some((e) => e.emotion === "confusion" && e.count >= 2)) {
    add("What are viewers confused about?", "questions", "confusion");
  }

  switch (classification?.topCategory) {
    case "appreciation":
      add(`What do viewers like most about “${phrase(analysis.video.title)}”?`, "positive", "top_category");
      break;
    case "criticism":
    case "feedback":
    case "suggestion":
      add("What should I change based on viewer feedback?", "feedback", "top_category");
      break;
    case "request":
      add("What content do viewers want me to make next?", "feedback", "top_category");
      break;
    case "discussion":
      add("What are viewers discussing most in the comments?", "all", "top_category");
      break;
    default:
      break;
  }

  const action = summary?.priorityActions?.[0];
  if (action?.action) add(`Which comments are behind the action “${phrase(action.action, 80)}”?`, "all", "priority_action");

  const picked: SuggestedQuestion[] = [];
  const seen = new Set<string>();
  for (const s of [...candidates, ...GENERAL]) {
    const key = s.question.toLowerCase();
    if (seen.has(key)) continue;
    // General questions only fill up to the minimum: tailored ones are the point.
    if (s.basis === "general" && picked.length >= MIN_SUGGESTIONS) break;
    seen.add(key);
    picked.push(s);
    if (picked.length >= MAX_SUGGESTIONS) break;
  }
  return picked;
}
