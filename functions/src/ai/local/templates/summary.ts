// The executive summary from templates: real numbers from the summaries and
// priority actions that point at real comments (open questions, requests,
// criticism clusters), most liked first.
import { isUnanswered, isViewerQuestion, uncheckedCounts, unansweredCounts } from "../../needsAnswer";
import type { AnalysedComment, Category, ExecutiveSummary, PriorityAction, SummaryInput } from "../../types";
import { commentsToThank, criticisesTheVideo } from "./picks";
import { languageName } from "../../language/mix";
import { listOf, pct, plural, quote } from "./text";

const ASKING: ReadonlySet<Category> = new Set(["question", "request"]);
const byLikes = (a: AnalysedComment, b: AnalysedComment) => (b.likeCount ?? 0) - (a.likeCount ?? 0);
const MAX_IDS = 10;

function inCategory(comments: readonly AnalysedComment[], category: Category): AnalysedComment[] {
  return comments.filter((c) => !c.blocked && c.category === category).sort(byLikes);
}

/** Those the creator has not replied to yet (in threads read whole): what the priority actions speak of. */
const unanswered = (comments: readonly AnalysedComment[]) => comments.filter(isUnanswered);

/** Themes by how many comments discuss them: the provider ranks phrases first ("Derek Banas" 26 before "HTML" 47). */
const mostDiscussed = (themes: SummaryInput["insights"]["themes"]) => [...themes].sort((a, b) => b.mentions - a.mentions);

function headline(input: SummaryInput): string {
  const s = input.sentiment;
  if (s.total === 0) return "No comments could be analysed for this video yet";
  const p = s.percentages;
  const theme = mostDiscussed(input.insights.themes)[0]?.name;
  const about = theme ? `, with “${theme}” the most discussed topic` : "";
  switch (s.dominant) {
    case "positive":
      return `Viewers like this video: ${p.positive}% of ${s.total} comments are positive${about}`;
    case "negative": {
      // On a tutorial the negative comments are mostly viewers stuck on a step, not critics of the video.
      const negative = input.comments.filter((c) => !c.blocked && c.sentiment === "negative");
      const asking = negative.filter((c) => c.category !== null && ASKING.has(c.category)).length;
      const critics = negative.filter(criticisesTheVideo).length;
      if (asking > critics && asking >= negative.length / 2) {
        return `Viewers are running into problems: ${p.negative}% of ${s.total} comments are negative, most of them questions${about}`;
      }
      if (critics >= negative.length / 4) return `Viewers are critical: ${p.negative}% of ${s.total} comments are negative${about}`;
      return `Reactions lean negative: ${p.negative}% of ${s.total} comments are negative, ${critics === 0 ? "none" : `${critics}`} criticising the video${about}`;
    }
    default:
      return `Mixed reactions across ${s.total} comments: ${p.positive}% positive, ${p.negative}% negative${about}`;
  }
}

function overview(input: SummaryInput): string {
  const { sentiment: s, classification: c, insights } = input;
  if (s.total === 0) return "There were no analysable comments, so there is nothing to summarise yet.";
  const sentences = [
    `Of ${plural(s.total, "analysed comment")}, ${s.percentages.positive}% are positive, ${s.percentages.neutral}% neutral, ${s.percentages.negative}% negative and ${s.percentages.mixed}% mixed (average score ${s.averageScore.toFixed(2)}).`,
  ];
  if (s.topEmotions.length) {
    sentences.push(`The strongest emotions are ${s.topEmotions.slice(0, 3).map((e) => `${e.emotion} (${e.count})`).join(", ")}.`);
  }
  const needs = [
    plural(c.counts.question, "question"),
    plural(c.counts.request, "content request"),
    plural(c.counts.suggestion, "suggestion"),
    plural(c.counts.criticism, "critical comment"),
  ].filter((_, k) => [c.counts.question, c.counts.request, c.counts.suggestion, c.counts.criticism][k] > 0);
  if (needs.length > 0) {
    sentences.push(`${plural(c.actionableCount, "comment")} (${pct(c.actionableCount, c.total)}%) need attention: ${listOf(needs)}.`);
  }
  const answered = input.comments.filter((c) => c.answeredByOwner).length;
  if (answered > 0) {
    const open = unansweredCounts(input.comments);
    sentences.push(
      `You already replied in ${plural(answered, "thread")}; still unanswered: ${plural(open.question, "question")}, ${plural(open.request, "request")} and ${plural(open.criticism, "critical comment")}.`,
    );
  }
  if (insights.themes.length) {
    sentences.push(`Viewers talk most about ${listOf(mostDiscussed(insights.themes).slice(0, 3).map((t) => `“${t.name}” (${t.mentions})`))}.`);
  }
  if (insights.contentIdeas.length) sentences.push(`The clearest content idea: ${insights.contentIdeas[0].title}.`);
  const unread = unreadNote(input.comments);
  if (unread) sentences.push(unread);
  return sentences.join(" ");
}

/**
 * The comments the local models left unread (written in a language they were
 * not built for), said in the summary: they are counted and listed, not judged.
 * This summary is in English whatever the creator's language (Gemini writes it in theirs).
 */
export function unreadNote(comments: readonly AnalysedComment[]): string | undefined {
  const unread = comments.filter((c) => c.unread === "language");
  if (unread.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const c of unread) if (c.language) counts.set(c.language, (counts.get(c.language) ?? 0) + 1);
  const named = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${languageName(code)} ${n}`);
  return (
    `${plural(unread.length, "comment")} in other languages (${listOf(named)}) ${unread.length === 1 ? "was" : "were"} not read: ` +
    "the local models read English only, so they have no sentiment or category here; with Gemini they are read. This summary is in English."
  );
}

function actions(input: SummaryInput): PriorityAction[] {
  const out: PriorityAction[] = [];
  const ids = (list: readonly AnalysedComment[]) => list.slice(0, MAX_IDS).map((c) => c.id);

  const allQuestions = input.comments.filter(isViewerQuestion).sort(byLikes);
  const questions = unanswered(allQuestions);
  if (questions.length) {
    const top = questions[0];
    const done = allQuestions.filter((c) => c.answeredByOwner).length;
    const unread = uncheckedCounts(allQuestions).question;
    out.push({
      action: `Answer the ${plural(questions.length, done > 0 ? "unanswered question" : "open question")}`,
      reason:
        `${top.likeCount ? `The most liked (${plural(top.likeCount, "like")})` : "The first of them"} asks ${quote(top.text)}.${done > 0 ? ` You already answered ${done}.` : ""}` +
        `${unread > 0 ? ` ${plural(unread, "more question")} sit in long threads Lently did not read whole; check those on YouTube.` : ""}` +
        " Answering in the comments or a pinned reply helps everyone who wonders the same.",
      priority: questions.length >= 3 || (top.likeCount ?? 0) >= 10 ? "high" : "medium",
      commentIds: ids(questions),
    });
  }

  const requests = unanswered([...inCategory(input.comments, "request"), ...inCategory(input.comments, "suggestion")]).sort(byLikes);
  if (requests.length) {
    const idea = input.insights.contentIdeas[0];
    out.push({
      action: idea ? `Plan content: ${idea.title}` : `Review the ${plural(requests.length, "content request")}`,
      reason: `${idea ? `${idea.rationale} ` : ""}Top ${requests[0].category === "suggestion" ? "suggestion" : "request"}: ${quote(requests[0].text)}.`,
      priority: requests.length >= 5 ? "high" : "medium",
      commentIds: idea?.commentIds.length ? idea.commentIds.slice(0, MAX_IDS) : ids(requests),
    });
  }

  const critical = unanswered(inCategory(input.comments, "criticism").filter(criticisesTheVideo));
  if (critical.length) {
    const criticalIds = new Set(critical.map((c) => c.id));
    // A theme most critics share is a cluster worth naming.
    const cluster = input.insights.themes
      .map((t) => ({ t, shared: t.commentIds.filter((id) => criticalIds.has(id)) }))
      .sort((a, b) => b.shared.length - a.shared.length)[0];
    const named = cluster && cluster.shared.length >= 2;
    out.push({
      action: named ? `Address the criticism about “${cluster.t.name}”` : `Review the ${plural(critical.length, "critical comment")}`,
      reason: `${plural(critical.length, "comment")} ${critical.length === 1 ? "criticises" : "criticise"} the video; the most liked says ${quote(critical[0].text)}.`,
      priority: critical.length >= Math.max(3, input.sentiment.total * 0.1) ? "high" : "medium",
      commentIds: named ? cluster.shared.slice(0, MAX_IDS) : ids(critical),
    });
  }

  const fans = inCategory(input.comments, "appreciation");
  if (fans.length) {
    // Counted as the analysis counts them; thanked only where the words thank or praise.
    const thank = commentsToThank(fans, MAX_IDS);
    out.push({
      action: "Thank your most engaged supporters",
      reason: `${plural(fans.length, "comment")} ${fans.length === 1 ? "expresses" : "express"} appreciation; a reply or a heart on ${thank.length ? `${quote(thank[0].text, 60)} ` : "the ones that thank you "}builds loyalty.`,
      priority: "low",
      commentIds: ids(thank.length ? thank : fans),
    });
  }
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return out.sort((a, b) => rank[a.priority] - rank[b.priority]);
}

export function localSummary(input: SummaryInput): ExecutiveSummary {
  return { headline: headline(input), overview: overview(input), priorityActions: actions(input) };
}
