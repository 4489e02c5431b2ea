// Themes and content ideas from keyword statistics: which words and phrases
// many comments share, which comments say them, and how those comments feel.
import type { AnalysedComment, Category, ContentIdea, Sentiment, Theme } from "../types";
import { STOPWORDS } from "./stopwords";
import { flatten } from "./tokenize";

interface Term {
  /** "battery life", "tutorial". */
  key: string;
  words: number;
  /** Indexes of the comments using it, ascending, each once. */
  docs: number[];
}

// A phrase says more than either of its words: prefer it when it is about as frequent.
const PHRASE_BOOST = 2;
const MAX_IDS = 50;
const MIN_WORD_LENGTH = 3;

function isContentWord(w: string): boolean {
  return w.length >= MIN_WORD_LENGTH && !STOPWORDS.has(w) && !/^\d/.test(w) && w !== "<url>";
}

/** Plural to singular when the singular is also used ("videos" → "video"), so both count as one term. */
function singularise(words: Set<string>): (w: string) => string {
  return (w) => {
    if (w.length > 4 && w.endsWith("s") && !w.endsWith("ss")) {
      const one = w.slice(0, -1);
      if (words.has(one)) return one;
    }
    return w;
  };
}

interface TermStats {
  terms: Map<string, Term>;
  /** For each comment, the keys of the terms it uses. */
  docTerms: string[][];
}

/** Unigrams and adjacent-content-word bigrams, with the comments (by index) that use each. */
function termStats(texts: string[]): TermStats {
  const perDoc = texts.map((text) => {
    // Stopwords break phrases: only words that stood next to each other form a bigram.
    const raw = flatten(text).trim().split(" ");
    const runs: string[][] = [];
    let run: string[] = [];
    for (const w of raw) {
      if (isContentWord(w)) run.push(w);
      else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
    return runs;
  });
  const vocabulary = new Set(perDoc.flat(2));
  const canonical = singularise(vocabulary);
  const terms = new Map<string, Term>();
  const docTerms: string[][] = texts.map(() => []);
  const note = (key: string, words: number, doc: number): void => {
    const term = terms.get(key) ?? { key, words, docs: [] };
    if (term.docs[term.docs.length - 1] !== doc) {
      term.docs.push(doc);
      docTerms[doc].push(key);
    }
    terms.set(key, term);
  };
  perDoc.forEach((runs, doc) => {
    for (const run of runs) {
      const words = run.map(canonical);
      for (let i = 0; i < words.length; i += 1) {
        note(words[i], 1, doc);
        if (i + 1 < words.length && words[i] !== words[i + 1]) note(`${words[i]} ${words[i + 1]}`, 2, doc);
      }
    }
  });
  return { terms, docTerms };
}

function shared(a: number[], b: number[]): number {
  const set = new Set(b);
  let n = 0;
  for (const x of a) if (set.has(x)) n += 1;
  return n;
}

/** The most frequent distinct terms: phrases preferred, near-duplicates (same comments) dropped. */
function pickTerms(terms: Map<string, Term>, max: number, minDocs: number): Term[] {
  const ranked = [...terms.values()]
    .filter((t) => t.docs.length >= minDocs)
    .map((t) => ({ t, weight: t.docs.length * (t.words > 1 ? PHRASE_BOOST : 1) }))
    .sort((a, b) => b.weight - a.weight || b.t.words - a.t.words || (a.t.key < b.t.key ? -1 : 1));
  const chosen: Term[] = [];
  for (const { t } of ranked) {
    if (chosen.length >= max) break;
    // Skip a term whose comments are mostly an already chosen theme's: "sublime"
    // after "sublime text", or two words that always come together.
    const duplicate = chosen.some((c) => {
      const common = shared(t.docs, c.docs);
      const nested = c.key.split(" ").includes(t.key) || t.key.split(" ").includes(c.key);
      return nested ? common / t.docs.length >= 0.5 : common / Math.min(t.docs.length, c.docs.length) >= 0.8;
    });
    if (!duplicate) chosen.push(t);
  }
  return chosen;
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** Overall feeling of a set of comments: mixed when both sides are substantial. */
export function sentimentOf(comments: AnalysedComment[]): Sentiment {
  let pos = 0;
  let neg = 0;
  let mixed = 0;
  for (const c of comments) {
    if (c.sentiment === "positive") pos += 1;
    else if (c.sentiment === "negative") neg += 1;
    else if (c.sentiment === "mixed") mixed += 1;
  }
  const n = comments.length || 1;
  if (pos / n >= 0.25 && neg / n >= 0.25) return "mixed";
  if (mixed / n >= 0.4) return "mixed";
  if (pos > neg && pos / n >= 0.4) return "positive";
  if (neg > pos && neg / n >= 0.4) return "negative";
  return "neutral";
}

const FEELING: Record<Sentiment, string> = {
  positive: "mostly positive",
  negative: "mostly negative",
  neutral: "mostly neutral",
  mixed: "divided",
};

export function extractThemes(comments: AnalysedComment[], max = 6): Theme[] {
  if (comments.length === 0 || max <= 0) return [];
  const { terms } = termStats(comments.map((c) => c.text));
  // A theme is something several people said; in tiny batches, two is several.
  const minDocs = Math.max(2, Math.round(comments.length * 0.01));
  return pickTerms(terms, max, minDocs).map((term) => {
    const members = term.docs.map((i) => comments[i]);
    const sentiment = sentimentOf(members);
    const share = Math.round((members.length / comments.length) * 100);
    return {
      name: titleCase(term.key),
      description: `${members.length} comment${members.length === 1 ? "" : "s"} (${share}%) mention "${term.key}"; ${FEELING[sentiment]}.`,
      sentiment,
      commentIds: members.slice(0, MAX_IDS).map((c) => c.id),
      mentions: members.length,
    };
  });
}

const IDEA_SOURCES: Partial<Record<Category, number>> = { request: 3, suggestion: 2, question: 2 };

// What a request asks for: "make a video on <topic>", "tutorial about <topic>".
const TOPIC_AFTER = /\b(?:video|videos|vid|tutorial|tutorials|episode|series|part|guide|review|one|more) (?:on|about|of|for|covering|explaining) (.+)$/;

function topicOf(text: string): string | undefined {
  const m = TOPIC_AFTER.exec(flatten(text).trim());
  if (!m) return undefined;
  const words = m[1].split(" ").filter((w) => !STOPWORDS.has(w) || w === "and");
  const topic = words.slice(0, 4).join(" ").replace(/ and$/, "");
  return topic.length >= MIN_WORD_LENGTH ? topic : undefined;
}

export function contentIdeas(comments: AnalysedComment[], max = 5): ContentIdea[] {
  const sources = comments.filter((c) => IDEA_SOURCES[c.category] !== undefined);
  if (sources.length === 0 || max <= 0) return [];
  const { terms, docTerms } = termStats(sources.map((c) => c.text));
  const weightOf = (t: Term): number => t.docs.length * (t.words > 1 ? PHRASE_BOOST : 1);
  const groups = new Map<string, { topic: string; members: AnalysedComment[]; weight: number; explicit: boolean }>();
  sources.forEach((c, i) => {
    // Group by the comment's most shared phrase or word; for an explicit ask
    // ("a video on wireless charging speeds") only among the words of the ask.
    const asked = topicOf(c.text);
    const explicit = asked !== undefined;
    const askedWords = new Set(asked?.split(" "));
    let best: Term | undefined;
    for (const key of docTerms[i]) {
      const t = terms.get(key);
      if (!t || (asked && !key.split(" ").every((w) => askedWords.has(w)))) continue;
      const diff = best ? weightOf(t) - weightOf(best) : 1;
      if (diff > 0 || (diff === 0 && best !== undefined && t.key < best.key)) best = t;
    }
    const topic = asked && (!best || best.docs.length < 2) ? asked : best?.key;
    if (!topic) return;
    const group = groups.get(topic) ?? { topic, members: [], weight: 0, explicit: false };
    group.members.push(c);
    group.weight += IDEA_SOURCES[c.category] ?? 0;
    group.explicit ||= explicit;
    groups.set(topic, group);
  });
  return [...groups.values()]
    .filter((g) => g.explicit || g.members.length >= 2 || sources.length <= 10)
    .sort((a, b) => b.weight - a.weight || (a.topic < b.topic ? -1 : 1))
    .slice(0, max)
    .map((g) => {
      const count = (cat: Category): number => g.members.filter((c) => c.category === cat).length;
      const asks = count("request");
      const questions = count("question");
      const suggestions = count("suggestion");
      // Named after what most of its comments do: ask for a video, ask a question, or suggest.
      const title =
        asks * 3 >= Math.max(questions, suggestions) * 2
          ? `A video on ${g.topic}`
          : questions >= suggestions
            ? `Explaining ${g.topic}`
            : `Improving ${g.topic}`;
      const parts = [
        asks ? `${asks} request${asks === 1 ? "" : "s"}` : "",
        questions ? `${questions} question${questions === 1 ? "" : "s"}` : "",
        suggestions ? `${suggestions} suggestion${suggestions === 1 ? "" : "s"}` : "",
      ].filter(Boolean);
      return {
        title: titleCase(title),
        rationale: `Viewers raised "${g.topic}" in ${parts.join(", ")}.`,
        commentIds: g.members.slice(0, MAX_IDS).map((c) => c.id),
      };
    });
}
