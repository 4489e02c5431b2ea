// The demo's Ask AI step: ask one question worth asking about a finished
// analysis — one that getSuggestedQuestions proposes for it, preferring a
// concrete topic — through httpsCallable('askQuestion'), and render the answer
// with its key points and the comments it cites (author and quote) as a
// printable block.

/** Anything that calls a Cloud Function as a signed-in user (tools/webClient.ts's WebClient does). */
export interface CallableClient {
  call<Res = unknown>(name: string, data?: unknown): Promise<Res>;
}

interface Suggested {
  question: string;
  contextFilter: string;
  basis?: string;
}

/** The suggestions that make the best first impression: a concrete topic, with quotes to show. */
const DEMO_PREFERENCE = ["negative_theme", "theme", "unanswered_question", "content_idea"];

interface Answer {
  answer: string;
  confidence: number;
  sources: Array<{ commentId: string; author: string; text: string; relevance: number }>;
  keyPoints: string[];
  followUpQuestions: string[];
  provider: string;
  contextFilter: string;
  questionsRemaining: number | null;
}

/** Used when no suggestion is available (e.g. an older server): still a question every analysis can answer. */
const FALLBACK: Suggested = { question: "What do viewers want me to improve or make next?", contextFilter: "feedback" };

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

function quote(text: string, max = 110): string {
  const s = text.replace(/\s+/g, " ").trim();
  return `“${s.length > max ? `${s.slice(0, max - 1)}…` : s}”`;
}

async function pickQuestion(client: CallableClient, analysisId: string): Promise<Suggested> {
  try {
    const { questions } = await client.call<{ questions: Suggested[] }>("getSuggestedQuestions", { analysisId });
    const rank = (q: Suggested) => {
      const i = DEMO_PREFERENCE.indexOf(q.basis ?? "");
      return i < 0 ? DEMO_PREFERENCE.length : i;
    };
    return [...questions].sort((a, b) => rank(a) - rank(b))[0] ?? FALLBACK;
  } catch {
    return FALLBACK;
  }
}

/** Asks one tailored question about `analysisId` and returns the answer as a printable block. */
export async function askDemoQuestion(client: CallableClient, analysisId: string): Promise<string> {
  const { question, contextFilter } = await pickQuestion(client, analysisId);
  const a = await client.call<Answer>("askQuestion", { analysisId, question, contextFilter });
  const out: string[] = ["", `── Ask AI ${"─".repeat(52)}`];
  out.push(`  Q: ${wrap(question, 74, "     ")}${contextFilter === "all" ? "" : `  [${contextFilter} comments]`}`);
  out.push(`  A: ${wrap(a.answer, 74, "     ")}`);
  const left = a.questionsRemaining === null ? "unlimited questions" : `${a.questionsRemaining} question${a.questionsRemaining === 1 ? "" : "s"} left this month`;
  out.push(`     confidence ${Math.round(a.confidence * 100)}% · ${a.provider} provider · ${left}`);
  if (a.keyPoints.length) {
    out.push("  Key points:");
    for (const point of a.keyPoints) out.push(`    • ${wrap(point, 72, "      ")}`);
  }
  if (a.sources.length) {
    out.push("  Sources:");
    a.sources.slice(0, 5).forEach((s, i) => out.push(`    [${i + 1}] ${s.author}: ${wrap(quote(s.text), 66, "        ")}`));
    if (a.sources.length > 5) out.push(`    … and ${a.sources.length - 5} more`);
  }
  if (a.followUpQuestions.length) out.push(`  Ask next: ${a.followUpQuestions.slice(0, 2).join(" · ")}`);
  return out.join("\n");
}
