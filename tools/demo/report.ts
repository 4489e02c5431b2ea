// Renders an analysis as a readable terminal report.
import { listOf } from "../../functions/src/ai/local/templates/text";

interface Meter {
  [key: string]: unknown;
}

const pct = (n: unknown) => `${Math.round(Number(n ?? 0))}%`;
const num = (n: unknown) => Number(n ?? 0).toLocaleString("en-US");

function wrap(text: string, width: number, indent: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if ((line + " " + word).trim().length > width) {
      lines.push(line);
      line = word;
    } else line = (line + " " + word).trim();
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join("\n");
}

function quote(text: unknown, max = 110): string {
  const s = (typeof text === "string" ? text : "").replace(/\s+/g, " ").trim();
  return `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
}

function bar(share: number, width = 24): string {
  const filled = Math.round((Math.max(0, Math.min(100, share)) / 100) * width);
  return "█".repeat(filled) + "·".repeat(width - filled);
}

/** "3 questions and 1 critical comment have no reply from you yet": zeros left out, the verb agreed. */
function waitingForReply(u: Meter): string {
  const kinds: Array<[number, string]> = [
    [Number(u.question ?? 0), "question"],
    [Number(u.request ?? 0), "request"],
    [Number(u.criticism ?? 0), "critical comment"],
  ];
  const waiting = kinds.filter(([n]) => n > 0);
  if (waiting.length === 0) return "Every question, request and critical comment has a reply from you";
  const total = waiting.reduce((sum, [n]) => sum + n, 0);
  return `${listOf(waiting.map(([n, kind]) => `${num(n)} ${n === 1 ? kind : `${kind}s`}`))} ${total === 1 ? "has" : "have"} no reply from you yet`;
}

export function renderReport(analysis: Meter): string {
  const out: string[] = [];
  const video = (analysis.video ?? {}) as Meter;
  const results = (analysis.results ?? {}) as Meter;
  const counts = (analysis.counts ?? {}) as Meter;
  const cost = (analysis.cost ?? {}) as Meter;
  const h = (title: string) => out.push("", `── ${title} ${"─".repeat(Math.max(0, 60 - title.length))}`);

  out.push("", `▶ ${String(video.title)}`, `  ${String(video.channelTitle)} · ${num(video.viewCount)} views · ${num(video.commentCount)} comments`);
  out.push(
    `  Analysed ${num(counts.analysed)} of ${num(counts.fetched)} fetched comments (${num(counts.spamRemoved)} spam removed, ${num(counts.lowValue)} low-value kept) with the ${String(analysis.provider)} provider`,
  );

  const sentiment = results.sentiment as Meter | undefined;
  if (sentiment) {
    h("Sentiment");
    const p = sentiment.percentages as Record<string, number>;
    for (const key of ["positive", "neutral", "mixed", "negative"]) out.push(`  ${key.padEnd(9)} ${bar(p[key])} ${pct(p[key])}`);
    const emotions = (sentiment.topEmotions as Array<{ emotion: string; count: number }>) ?? [];
    if (emotions.length) out.push(`  Top emotions: ${emotions.slice(0, 5).map((e) => `${e.emotion} (${e.count})`).join(", ")}`);
  }

  const classification = results.classification as Meter | undefined;
  if (classification) {
    h("What viewers are saying");
    const c = classification.counts as Record<string, number>;
    const total = Math.max(1, Number(classification.total));
    for (const [key, value] of Object.entries(c).sort((a, b) => b[1] - a[1])) {
      if (value > 0) out.push(`  ${key.padEnd(13)} ${bar((value / total) * 100)} ${value}`);
    }
    out.push(`  ${num(classification.actionableCount)} comments need your attention`);
    const questions = (classification.topQuestions as Meter[]) ?? [];
    if (questions.length) {
      h("Top questions");
      for (const q of questions.slice(0, 5)) out.push(`  • ${quote(q.text)} — ${String(q.author)} (${num(q.likeCount)} likes)`);
    }    const open = classification.unansweredQuestions as Meter[] | undefined;
    if (open) {
      const u = (classification.unanswered ?? {}) as Meter;
      h("Unanswered questions");
      out.push(`  ${waitingForReply(u)} (you replied in ${num(classification.answeredByOwner)} threads)`);
      // Threads not read whole are neither answered nor unanswered: said apart.
      const unread = Number((classification.unchecked as Meter | undefined)?.total ?? 0);
      if (unread > 0) out.push(`  ${unread} more in long threads Lently did not read whole: check those on YouTube`);
      for (const q of open.slice(0, 5)) out.push(`  • ${quote(q.text)} — ${String(q.author)} (${num(q.likeCount)} likes)`);
    }
  }

  const insights = results.insights as Meter | undefined;
  if (insights) {
    h("Themes");
    for (const t of ((insights.themes as Meter[]) ?? []).slice(0, 6)) {
      out.push(`  • ${String(t.name)} (${num(t.mentions)} mentions, ${String(t.sentiment)}): ${wrap(String(t.description), 70, "      ")}`);
    }
    const ideas = (insights.contentIdeas as Meter[]) ?? [];
    if (ideas.length) {
      h("Content ideas");
      for (const idea of ideas.slice(0, 5)) out.push(`  • ${String(idea.title)} — ${wrap(String(idea.rationale), 70, "      ")}`);
    }
  }

  const summary = results.summary as Meter | undefined;
  if (summary) {
    h("Executive summary");
    out.push(`  ${wrap(String(summary.headline), 76, "  ")}`, `  ${wrap(String(summary.overview), 76, "  ")}`, "", "  Priority actions:");
    for (const a of (summary.priorityActions as Meter[]) ?? []) {
      out.push(`  [${String(a.priority).toUpperCase()}] ${wrap(String(a.action), 68, "         ")}`);
      out.push(`         ${wrap(String(a.reason), 68, "         ")}`);
    }
  }

  h("Cost");
  out.push(
    `  AI calls ${num(cost.aiCalls)} · tokens in ${num(cost.inputTokens)} / out ${num(cost.outputTokens)} · YouTube units ${num(cost.youtubeUnits)} · Firestore ${num(cost.firestoreReads)} reads / ${num(cost.firestoreWrites)} writes · ${(Number(cost.wallMs ?? 0) / 1000).toFixed(1)} s`,
  );
  return out.join("\n");
}

/** One progress line: a bar on a terminal, plain text otherwise. */
export function renderProgress(progress: number, step: string, tty: boolean): string {
  const share = Math.round(progress * 100);
  return tty ? `\r  [${bar(share, 30)}] ${String(share).padStart(3)}%  ${step.padEnd(48)}` : `  ${String(share).padStart(3)}%  ${step}`;
}
