// Themes and content ideas from the noun phrases comments share (tagged by
// compromise, see nounPhrases.ts): what several viewers talk about, which
// comments say it, and how those comments feel. Singular and plural count as
// one ("panel", "panels"); a phrase and its head noun that cite the same
// comments are one theme.
import type { AnalysedComment, Category, ContentIdea, Sentiment, Theme } from "../types";
import type { NounPhraser } from "./nounPhrases";
import { STOPWORDS } from "./stopwords";
import { askedWords, quote } from "./templates/text";

interface Term {
  /** Canonical key: last word singular ("acoustic panel"). */
  key: string;
  words: number;
  /** Indexes of the comments using it, ascending, each once. */
  docs: number[];
  /** How each written form ("acoustic panels") occurs, by number of comments. */
  forms: Map<string, number>;
}

// A phrase says more than either of its words: prefer it when it is about as frequent.
const PHRASE_BOOST = 2;
const MAX_IDS = 50;
const MIN_WORD_LENGTH = 3;
// Parsing is the costly part; the first comments (most engaging first) say what the rest say.
const MAX_PARSED = 300;
// A theme is something at least this many people said, in its own words.
const MIN_VERBATIM = 3;
// Nouns every comment section has: never a theme on their own.
const GENERIC = new Set([
  "video", "vid", "thing", "lot", "guy", "people", "time", "way", "channel", "comment", "one", "stuff", "bit", "day", "everyone", "anyone",
  "something", "year", "today", "thanks", "thank", "lol", "man", "bro", "dude", "part", "kind", "sort", "question", "idea", "point", "reason",
  "minute", "second", "hour", "week", "month", "end", "start", "sense", "fact", "life", "world", "work", "job", "look", "yes", "please", "hi", "hey",
]);

// Modifiers that make no subject of a generic noun: "new video", "great job".
const PLAIN_MODIFIERS = new Set(["new", "old", "good", "great", "best", "nice", "last", "next", "first", "whole", "other", "same", "full", "entire", "real", "awesome", "amazing", "cool", "long", "short", "little", "big", "whole"]);

const isWord = (w: string): boolean => w.length >= MIN_WORD_LENGTH && !STOPWORDS.has(w) && !/^\d/.test(w);

/** "panels" → "panel", "replies" → "reply"; "focus", "class", "analysis" stay. */
export function singular(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) return w.slice(0, -1);
  return w;
}

interface TermStats {
  terms: Map<string, Term>;
  /** For each comment, the keys of the terms it uses. */
  docTerms: string[][];
}

/** Noun phrases (whole, and their last one or two words) with the comments that use each. */
function termStats(texts: readonly string[], phraser: NounPhraser): TermStats {
  const terms = new Map<string, Term>();
  const docTerms: string[][] = texts.map(() => []);
  texts.slice(0, MAX_PARSED).forEach((text, doc) => {
    const lower = text.toLowerCase();
    const seen = new Set<string>();
    for (const np of phraser(text)) {
      const words = np.words;
      // The phrase, its head noun, and its inner runs of two or three words
      // ("wireless charging" inside "wireless charging speeds").
      const parts: string[][] = [words.slice(-1)];
      for (let from = 0; from < words.length; from += 1)
        for (let to = from + 2; to <= Math.min(words.length, from + 3); to += 1) parts.push(words.slice(from, to));
      for (const part of parts) {
        const head = part[part.length - 1];
        if (!isWord(head) || part.some((w) => !/^[\p{L}][\p{L}'-]*$/u.test(w))) continue;
        // "video" alone says nothing; "battery life" does, "new video" does not.
        if (GENERIC.has(singular(head)) && (part.length === 1 || part.some((w) => PLAIN_MODIFIERS.has(w) || GENERIC.has(singular(w)) && w !== head))) continue;
        if (part.length > 1 && !isWord(part[0])) continue;
        const form = part.join(" ");
        if (!lower.includes(form)) continue;
        const key = [...part.slice(0, -1), singular(head)].join(" ");
        const term = terms.get(key) ?? { key, words: part.length, docs: [], forms: new Map<string, number>() };
        if (!seen.has(`${key}|${form}`)) term.forms.set(form, (term.forms.get(form) ?? 0) + 1);
        seen.add(`${key}|${form}`);
        if (term.docs[term.docs.length - 1] !== doc) {
          term.docs.push(doc);
          docTerms[doc].push(key);
        }
        terms.set(key, term);
      }
    }
  });
  mergeEsPlurals(terms, docTerms);
  return { terms, docTerms };
}

/**
 * "classes" and "boxes" lose only their "s" above ("classe"): where the comments
 * also say "class" or "box", the two are one term. Only after s, x, z, ch, sh,
 * where English writes "-es", so "caches" stays with "cache" and "planes" with "plane".
 */
function mergeEsPlurals(terms: Map<string, Term>, docTerms: string[][]): void {
  for (const [key, term] of terms) {
    if (!/(?:s|x|z|ch|sh)e$/.test(key)) continue;
    const base = terms.get(key.slice(0, -1));
    if (!base) continue;
    for (const [form, n] of term.forms) base.forms.set(form, (base.forms.get(form) ?? 0) + n);
    base.docs = [...new Set([...base.docs, ...term.docs])].sort((a, b) => a - b);
    for (const doc of term.docs) docTerms[doc] = [...new Set(docTerms[doc].map((k) => (k === key ? base.key : k)))];
    terms.delete(key);
  }
}

/** The form most comments wrote, ties to the shorter then alphabetical. */
function commonForm(term: Term): [string, number] {
  return [...term.forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0];
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
    .filter((t) => t.docs.length >= minDocs && commonForm(t)[1] >= MIN_VERBATIM)
    .map((t) => ({ t, weight: t.docs.length * (t.words > 1 ? PHRASE_BOOST : 1) }))
    .sort((a, b) => b.weight - a.weight || b.t.words - a.t.words || (a.t.key < b.t.key ? -1 : 1));
  const chosen: Term[] = [];
  for (const { t } of ranked) {
    if (chosen.length >= max) break;
    // Skip a term whose comments are mostly an already chosen theme's: "panel"
    // after "acoustic panel", or two phrases that always come together.
    const duplicate = chosen.some((c) => {
      const common = shared(t.docs, c.docs);
      const nested = c.key.split(" ").includes(t.key) || t.key.split(" ").includes(c.key) || c.key.endsWith(` ${t.key}`) || t.key.endsWith(` ${c.key}`);
      return nested ? common / t.docs.length >= 0.5 : common / Math.min(t.docs.length, c.docs.length) >= 0.8;
    });
    if (!duplicate) chosen.push(t);
  }
  return chosen;
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wholeWord = (phrase: string, flags = "giu") => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, flags);

/** A comment in capitals ("I LOVE THIS SONG") says nothing about how its words are spelled. */
function shouts(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters += 1;
      if (ch !== ch.toLowerCase()) upper += 1;
    }
  }
  return letters >= 4 && upper / letters >= 0.7;
}

const ALL_CAPS = /^[\p{Lu}\p{N}]{2,}$/u;
const capsWord = (w: string) => ALL_CAPS.test(w) && /\p{L}/u.test(w);
/**
 * A word in capitals among shouted words ("I LOVE GANGNAM STYLE", "LEON IS THE
 * GOAT") is shouted, not spelled; acronyms side by side ("HTML CSS and
 * JavaScript") are spelled.
 */
function shoutedAt(text: string, from: number, to: number): boolean {
  const before = text.slice(Math.max(0, from - 60), from).split(/[^\p{L}\p{N}']+/u).filter(Boolean).slice(-2);
  const after = text.slice(to, to + 60).split(/[^\p{L}\p{N}']+/u).filter(Boolean).slice(0, 2);
  const near = [before[before.length - 1], after[0]].filter((w): w is string => w !== undefined);
  if (near.some((w) => capsWord(w) && STOPWORDS.has(w.toLowerCase()))) return true;
  return [...before, ...after].filter(capsWord).length >= 3;
}

// The same comments are read for every word of every theme and title: lower-cased once per list.
const loweredLists = new WeakMap<readonly string[], string[]>();
function lowered(texts: readonly string[]): string[] {
  let out = loweredLists.get(texts);
  if (!out) loweredLists.set(texts, (out = texts.map((t) => t.toLowerCase())));
  return out;
}

/**
 * How viewers spell a word or phrase, by how many occurrences, leaving out
 * comments that shout, capitals among shouted words and, with `midSentence`,
 * occurrences that start a sentence (where any word has a capital).
 */
function casings(phrase: string, texts: readonly string[], midSentence: boolean): { forms: Map<string, number>; total: number } {
  const forms = new Map<string, number>();
  let total = 0;
  const pattern = wholeWord(phrase);
  const lower = phrase.toLowerCase();
  const lowers = lowered(texts);
  for (let i = 0; i < texts.length; i += 1) {
    // A plain substring test first: most comments do not contain the word at all.
    if (!lowers[i].includes(lower)) continue;
    const text = texts[i];
    const found = [...text.matchAll(pattern)];
    if (found.length === 0 || shouts(text)) continue;
    for (const m of found) {
      const at = m.index;
      if (midSentence && /(?:^|[.!?])$/u.test(text.slice(0, at).trimEnd())) continue;
      if (ALL_CAPS.test(m[0].replace(/\s+/g, "")) && shoutedAt(text, at, at + m[0].length)) continue;
      total += 1;
      forms.set(m[0], (forms.get(m[0]) ?? 0) + 1);
    }
  }
  return { forms, total };
}

// "HTML", "iPad", "MinGW"; but a long word in capitals ("GANGNAM") is shouted, not an acronym.
const hasInnerCapital = (w: string) => /^.\p{L}*\p{Lu}/u.test(w) && (/\p{Ll}/u.test(w) || w.length <= 5);
const capitalisedShare = (forms: Map<string, number>, total: number, test: (written: string) => boolean) => {
  let n = 0;
  for (const [written, count] of forms) if (test(written)) n += count;
  return total > 0 ? n / total : 0;
};

/**
 * A word as viewers write it: with inner capitals ("HTML", "iPad", "MinGW")
 * when at least two and a fifth of them write it so (most type in lower case:
 * "html" 97 times, "HTML" 79); with `properNoun`, capitalised ("Python",
 * "Windows") when at least 40% write it so mid-sentence; otherwise undefined.
 */
function writtenWord(word: string, texts: readonly string[], properNoun: boolean): string | undefined {
  const { forms, total } = casings(word, texts, properNoun);
  const ranked = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const inner = ranked.find(([w, n]) => hasInnerCapital(w) && n >= 2 && n >= total * 0.2);
  if (inner) return inner[0];
  if (!properNoun) return undefined;
  return capitalisedShare(forms, total, (w) => /^\p{Lu}/u.test(w)) >= 0.4 ? titleCase(word) : undefined;
}

/** A theme's name: title case, but a word viewers write with inner capitals keeps them ("HTML", "iPad", "OBS"). */
function displayName(form: string, texts: readonly string[]): string {
  return form
    .split(" ")
    .map((word) => writtenWord(word, texts, false) ?? titleCase(word))
    .join(" ");
}

/** A title's words as viewers write them: names and acronyms capitalised ("Python", "HTML"), the rest as given. */
function asWritten(words: readonly string[], texts: readonly string[]): string[] {
  return words.map((word) => (/^\p{L}[\p{L}\p{N}'-]*$/u.test(word) ? (writtenWord(word, texts, true) ?? word) : word));
}

/** Whether a phrase names someone or something: each word capitalised, not shouted, in most of the comments that write it ("Derek Banas", "Katy Perry"). */
function isName(form: string, texts: readonly string[]): boolean {
  const { forms, total } = casings(form, texts, false);
  return capitalisedShare(forms, total, (w) => w.split(/\s+/).every((x) => /^\p{Lu}\p{Ll}/u.test(x))) >= 0.5;
}

/** A phrase in a sentence: names capitalised, otherwise lower case but for acronyms ("talk about Derek Banas", "talk about HTML", "talk about web development"). */
function inSentence(form: string, texts: readonly string[]): string {
  const words = form.split(" ");
  if (words.length === 1) return asWritten(words, texts)[0];
  return isName(form, texts) ? displayName(form, texts) : words.map((w) => writtenWord(w, texts, false) ?? w).join(" ");
}

/**
 * A person or product named in full and by its first word ("Derek Banas",
 * "Derek"; "Katy Perry", "Katy") is one theme under the full name, citing the
 * comments that use either: the full name stays verbatim in those that say it.
 */
function mergeFirstNames(terms: Map<string, Term>, texts: readonly string[]): void {
  const parsed = texts.slice(0, MAX_PARSED);
  for (const term of [...terms.values()]) {
    if (term.words !== 2 || commonForm(term)[1] < MIN_VERBATIM) continue;
    const [first] = term.key.split(" ");
    if (!isWord(first) || PLAIN_MODIFIERS.has(first) || GENERIC.has(singular(first))) continue;
    if (!isName(commonForm(term)[0], term.docs.map((i) => texts[i]))) continue;
    // "Derek" alone is a name too; "text" (of "Text Wrangler") is a word.
    const { forms, total } = casings(first, parsed, true);
    if (capitalisedShare(forms, total, (w) => /^\p{Lu}\p{Ll}/u.test(w)) < 0.5) continue;
    const alone = wholeWord(first, "iu");
    const docs = new Set(term.docs);
    parsed.forEach((text, i) => {
      if (alone.test(text)) docs.add(i);
    });
    term.docs = [...docs].sort((a, b) => a - b);
    terms.delete(singular(first));
  }
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

/** `channelTitle`: the creator's own name ("Derek Banas"), which viewers greet but is no topic of theirs. */
export function extractThemes(comments: AnalysedComment[], phraser: NounPhraser, max = 6, channelTitle?: string): Theme[] {
  if (comments.length === 0 || max <= 0) return [];
  const texts = comments.map((c) => c.text);
  const { terms } = termStats(texts, phraser);
  mergeFirstNames(terms, texts);
  const channel = channelTitle?.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  if (channel) for (const [key, term] of terms) if (commonForm(term)[0] === channel || key === channel) terms.delete(key);
  const minDocs = Math.max(MIN_VERBATIM, Math.round(Math.min(comments.length, MAX_PARSED) * 0.01));
  // How viewers spell a word is a property of the word: read it in all the comments parsed, not the theme's few.
  const said = texts.slice(0, MAX_PARSED);
  return pickTerms(terms, max, minDocs).map((term) => {
    const [form] = commonForm(term);
    // The comments that say the label cite first: a creator opening the theme reads its words.
    const verbatim = wholeWord(form, "iu");
    const all = term.docs.map((i) => comments[i]);
    const members = [...all.filter((c) => verbatim.test(c.text)), ...all.filter((c) => !verbatim.test(c.text))];
    const sentiment = sentimentOf(members);
    const share = Math.round((members.length / comments.length) * 100);
    return {
      name: displayName(form, said),
      description: `${members.length} comment${members.length === 1 ? "" : "s"} (${share}%) talk about ${inSentence(form, said)}; ${FEELING[sentiment]}.`,
      sentiment,
      commentIds: members.slice(0, MAX_IDS).map((c) => c.id),
      mentions: members.length,
    };
  });
}

const IDEA_SOURCES: Partial<Record<Category, number>> = { request: 3, suggestion: 2, question: 2 };

// What a request asks for: "make a video on <topic>", "a follow-up on how you <topic>".
const TOPIC_AFTER = /\b(?:video|videos|vid|tutorial|tutorials|episode|series|part|guide|review|follow up|followup|more) (?:on|about|covering|explaining) (.+)$/;
// "how do you stop the desk from vibrating", "how did you mount the panels".
const HOW = /\bhow (?:(?:do|did|can|could|should) (?:you|i|we|one)|to) (.+)$/;
const MAX_TITLE_WORDS = 9;

function sentenceCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const SECOND_PERSON: Record<string, string> = {
  my: "your", mine: "yours", i: "you", me: "you", myself: "yourself", "i'm": "you're", im: "you're", "i've": "you've",
  ive: "you've", "i'd": "you'd", "i'll": "you'll",
};
// The viewer's verb after "I", once it is "you": "if i am using" → "if you are using".
const AFTER_YOU: Record<string, string> = { am: "are", was: "were", "'m": "'re" };

/** The viewer's words in the creator's voice: "I"/"my" become "you"/"your", with the verb agreeing. */
function toSecondPerson(words: string[]): string[] {
  return words.map((w, k) => (words[k - 1] === "i" && AFTER_YOU[w] ? AFTER_YOU[w] : (SECOND_PERSON[w] ?? w)));
}

/** A title a creator could publish for what this comment asks, or undefined when it does not say. */
function titleOf(text: string): string | undefined {
  const lower = text.toLowerCase().replace(/[\u2019']/g, "'");
  const clause = (s: string): string | undefined => {
    const words = askedWords(s, MAX_TITLE_WORDS);
    return words.length >= 3 ? toSecondPerson(words).join(" ") : undefined;
  };
  const topic = TOPIC_AFTER.exec(lower);
  if (topic) {
    const asked = clause(topic[1].replace(/^how (?:you|i|to) /, "how to "));
    if (asked) return sentenceCase(asked);
  }
  const how = HOW.exec(lower);
  if (how) {
    const rest = clause(how[1]);
    if (rest) return `How to ${rest}`;
  }
  return undefined;
}

export function contentIdeas(comments: AnalysedComment[], phraser: NounPhraser, max = 5): ContentIdea[] {
  const sources = comments.filter((c) => c.category !== null && IDEA_SOURCES[c.category] !== undefined);
  if (sources.length === 0 || max <= 0) return [];
  const { terms, docTerms } = termStats(sources.map((c) => c.text), phraser);
  const weightOf = (t: Term): number => t.docs.length * (t.words > 1 ? PHRASE_BOOST : 1);
  const groups = new Map<string, { term: Term; members: AnalysedComment[]; weight: number }>();
  sources.forEach((c, i) => {
    // Grouped by the comment's most shared noun phrase.
    let best: Term | undefined;
    for (const key of docTerms[i] ?? []) {
      const t = terms.get(key);
      if (!t) continue;
      const diff = best ? weightOf(t) - weightOf(best) : 1;
      if (diff > 0 || (diff === 0 && best !== undefined && t.key < best.key)) best = t;
    }
    if (!best) return;
    const group = groups.get(best.key) ?? { term: best, members: [], weight: 0 };
    group.members.push(c);
    group.weight += (c.category && IDEA_SOURCES[c.category]) || 0;
    groups.set(best.key, group);
  });
  const ideas: ContentIdea[] = [];
  // Names and acronyms in the viewers' spelling ("How to install Python on Windows", "The HTML and CSS basics"),
  // read in all the questions and requests: one group is too few to tell.
  const said = sources.map((m) => m.text);
  const ranked = [...groups.values()]
    .filter((g) => g.members.length >= 2 || g.members.some((m) => m.category === "request") || sources.length <= 10)
    .sort((a, b) => b.weight - a.weight || (a.term.key < b.term.key ? -1 : 1));
  for (const g of ranked) {
    if (ideas.length >= max) break;
    const [form] = commonForm(g.term);
    // Requests first: what viewers asked for in their own words makes the title.
    const ordered = [...g.members].sort((a, b) => ((b.category && IDEA_SOURCES[b.category]) || 0) - ((a.category && IDEA_SOURCES[a.category]) || 0) || (b.likeCount ?? 0) - (a.likeCount ?? 0));
    // A title that names the group's subject, else the first the viewers' words make.
    const titled = ordered.flatMap((m) => {
      const t = titleOf(m.text);
      return t ? [{ m, t }] : [];
    });
    const pick = titled.find(({ t }) => t.toLowerCase().includes(form)) ?? titled[0];
    let title = pick?.t;
    const source = pick?.m ?? ordered[0];
    // Several questions on one multi-word subject: a Q&A on it. A single word alone never makes a title.
    if (!title && g.term.words > 1 && g.members.length >= 2) title = `${titleCase(form)}: your questions answered`;
    if (title) title = sentenceCase(asWritten(title.split(" "), said).join(" "));
    if (!title || ideas.some((i) => i.title === title)) continue;
    const count = (cat: Category): number => g.members.filter((c) => c.category === cat).length;
    const parts = [
      [count("request"), "request"],
      [count("question"), "question"],
      [count("suggestion"), "suggestion"],
    ]
      .filter(([n]) => Number(n) > 0)
      .map(([n, what]) => `${n} ${what}${n === 1 ? "" : "s"}`);
    ideas.push({
      title,
      rationale: `Viewers raised ${inSentence(form, said)} in ${parts.join(", ")}, e.g. ${quote(source.text, 120)}.`,
      commentIds: ordered.slice(0, MAX_IDS).map((c) => c.id),
    });
  }
  return ideas;
}
