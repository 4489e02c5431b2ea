// Ask AI without a model: the comments were already retrieved for the
// question, most relevant first. This keeps the ones that actually speak to it
// (they share its words, or are the kind of comment it asks about) and answers
// with real counts, the words those comments share, and quotes — the most
// relevant comment first, then the most liked.
import { isUnanswered, ownerKind, OWNER_KINDS } from "../../needsAnswer";
import type { AnalysedComment, AskAnswer, AskInput, Category } from "../../types";
import { clip } from "../../prompts/fence";
import { singular } from "../themes";
import { criticisesTheVideo } from "./picks";
import { contentWords, listOf, pct, plural, quote } from "./text";

type Intent = "priorities" | "sentiment" | "questions" | "requests" | "criticism" | "general";

const INTENTS: Array<[Intent, RegExp]> = [
  // "Which comments should I reply to first?": what waits for the creator, not comments that say "reply".
  ["priorities", /\b(?:repl(?:y|ies)|respond\w*|answer\w*)\b.*\b(?:first|priorit\w*|most)\b|\bpriorit\w*\b|\bwhich comments? (?:should|do|must) i\b/i],
  ["questions", /\b(?:ask|asking|question|questions|confus\w*|wonder\w*|unclear)\b/i],
  ["requests", /\b(?:want|wants|request\w*|next|ideas?|suggest\w*|more of)\b/i],
  ["criticism", /\b(?:complain\w*|critic\w*|negative|dislike\w*|hate|improve|wrong|problem\w*|issue\w*|bad)\b/i],
  ["sentiment", /\b(?:feel|feeling|think|sentiment|react\w*|opinion\w*|like|love|enjoy\w*|happy|overall)\b/i],
];

const INTENT_CATEGORIES: Partial<Record<Intent, Category[]>> = {
  priorities: [...OWNER_KINDS],
  questions: ["question"],
  requests: ["request", "suggestion"],
  criticism: ["criticism", "feedback"],
};

const FOLLOW_UPS: Record<Intent, string> = {
  priorities: "Which comments should I reply to first?",
  sentiment: "How do viewers feel about the video overall?",
  questions: "What are viewers asking most?",
  requests: "What content do viewers want next?",
  criticism: "What do viewers criticise or want improved?",
  general: "What are viewers talking about most?",
};

// Words of a question about comments that say nothing about its topic.
const QUESTION_WORDS = new Set([
  "viewers", "viewer", "audience", "commenters", "mention", "mentions", "mentioned", "most", "main", "overall", "what", "about", "reply", "replies",
  "respond", "priority", "priorities", "prioritise", "prioritize",
]);
/** A word that only says what kind of comment is wanted ("asking", "dislike") is not a topic to match. */
const isIntentWord = (w: string) => INTENTS.some(([, re]) => re.test(w));

/** How the comments an intent asks for are named in a sentence ("3 of them are …"). */
const KIND_NAMES: Partial<Record<Intent, [string, string]>> = {
  questions: ["a question", "questions"],
  requests: ["a request or suggestion", "requests or suggestions"],
  criticism: ["criticism or feedback", "criticism or feedback"],
};

/** "Did anyone mention the audio?": a question a yes or no answers first. */
const YES_NO = /^\s*(?:did|does|do|has|have|is|are|was|were)\s+(?:anyone|anybody|someone|somebody|any(?:one)?\s+\w+|viewers|people|they)\b/i;

/** What a creator hears when the comments hold none of the kind the question asks about. */
const NONE_OF_KIND: Partial<Record<Intent, string>> = {
  priorities: "No question, request or criticism is waiting for your reply.",
  questions: "No viewer asks a question.",
  requests: "No viewer asks for a video or suggests one.",
  criticism: "No comment criticises the video or gives feedback.",
};

function intentOf(question: string): Intent {
  return INTENTS.find(([, re]) => re.test(question))?.[0] ?? "general";
}

/** A follow-up like "what about the audio?" or "and why?" leans on the previous turn. */
function isFollowUp(question: string): boolean {
  return /^(?:and|but|what about|how about|why|so|also|then)\b/i.test(question.trim()) || contentWords(question).length <= 1;
}

const wordsOf = (text: string) => new Set(contentWords(text).map(singular));

const MAX_SOURCES = 8;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Content words that several of the comments share, beyond the question's own: what they talk about. */
function sharedWords(comments: AnalysedComment[], exclude: Set<string>, max = 3): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const c of comments) for (const w of wordsOf(c.text)) if (!exclude.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, max);
}

/**
 * The analysis' themes that two or more of the comments belong to, most shared
 * first, leaving out the question's own topic: what the comments talk about, in
 * the report's words ("Background Noise"), where shared words would name
 * whatever their wording repeats ("update", "week").
 */
function sharedThemes(comments: AnalysedComment[], themes: NonNullable<AskInput["themes"]>, exclude: Set<string>, max = 3): Array<[string, number]> {
  const ids = new Set(comments.map((c) => c.id));
  return themes
    .filter((t) => ![...wordsOf(t.name)].every((w) => exclude.has(w)))
    .map((t): [string, number] => [t.name, t.commentIds.filter((id) => ids.has(id)).length])
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max);
}

function sentimentSplit(comments: AnalysedComment[]): string {
  const n = (s: AnalysedComment["sentiment"]) => comments.filter((c) => c.sentiment === s).length;
  const other = n("neutral") + n("mixed");
  return `${n("positive")} ${n("positive") === 1 ? "is" : "are"} positive, ${n("negative")} negative${other ? ` and ${other} neutral or mixed` : ""}`;
}

/** “a”, “a” or “b”: the words a creator asked about, as they wrote them. */
const asked = (words: string[]) => (words.length <= 1 ? `“${words[0] ?? ""}”` : `${words.slice(0, -1).map((w) => `“${w}”`).join(", ")} or “${words[words.length - 1]}”`);

type Scored = { c: AnalysedComment; overlap: number; fits: number; relevance: number };

const byLikes = (a: Scored, b: Scored) => (b.c.likeCount ?? 0) - (a.c.likeCount ?? 0);
const likesOf = (c: AnalysedComment) => (c.likeCount ? ` (${plural(c.likeCount, "like")})` : "");
const KIND_WORDS: Record<(typeof OWNER_KINDS)[number], [string, string]> = {
  question: ["question", "questions"],
  request: ["request", "requests"],
  criticism: ["criticism", "criticisms"],
};

/** "Which comments should I reply to first?": the questions, requests and criticism nobody answered, most liked first. */
function priorities(waiting: Scored[], given: number, classification: AskInput["classification"], followUpQuestions: string[]): AskAnswer {
  const ordered = [...waiting].sort(byLikes).slice(0, MAX_SOURCES);
  const counts = OWNER_KINDS.map((k) => [k, waiting.filter((s) => ownerKind(s.c) === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${KIND_WORDS[k][n === 1 ? 0 : 1]}`);
  const listed = ordered.slice(0, 5).map((s) => `${quote(s.c.text)}${likesOf(s.c)}`);
  // The provider sees the comments retrieved for the question, not all: say which figure is which.
  const inAll = classification
    ? OWNER_KINDS.filter((k) => classification.counts[k] > 0).map((k) => `${classification.counts[k]} ${KIND_WORDS[k][classification.counts[k] === 1 ? 0 : 1]}`)
    : [];
  const sentences = [
    `Reply first to the most liked of the comments waiting for an answer: ${listed.join("; ")}.`,
    `Of the ${plural(given, "comment")} most worth reading, ${waiting.length} ${waiting.length === 1 ? "waits" : "wait"} for you (${listOf(counts)})${inAll.length ? `; the whole analysis has ${listOf(inAll)}` : ""}.`,
  ];
  return {
    answer: sentences.join(" "),
    confidence: round2(Math.min(0.85, 0.45 + 0.08 * waiting.length)),
    sources: ordered.map((s) => ({ commentId: s.c.id, relevance: s.relevance })),
    keyPoints: [`${plural(waiting.length, "comment")} waiting for an answer: ${listOf(counts)}.`, `Most liked of them: ${quote(ordered[0].c.text, 70)}${likesOf(ordered[0].c)}.`],
    followUpQuestions,
  };
}

/**
 * "What do viewers want next?": the analysis' content ideas (drawn from every
 * comment, not only those retrieved) and why the first one, in its own words.
 */
function ideasSaid(ideas: AskInput["contentIdeas"]): string[] {
  const listed = (ideas ?? []).slice(0, 3);
  if (listed.length === 0) return [];
  const why = listed[0].rationale.replace(/\s+/g, " ").trim();
  return [`Content ideas from the analysis: ${listOf(listed.map((i) => `“${clip(i.title, 100)}”`))}.`, ...(why ? [/[.!?…]["”]?$/.test(why) ? why : `${why}.`] : [])];
}

/** The comments hold none of the kind asked about: say so, then what comes closest (negative comments for complaints, questions for wishes). */
function noneOfKind(intent: Intent, scored: Scored[], ideas: string[], followUpQuestions: string[]): AskAnswer {
  const closest =
    intent === "criticism" ? scored.filter((s) => s.c.sentiment === "negative") : intent === "requests" ? scored.filter((s) => s.c.category === "question") : [];
  const top = closest.slice(0, MAX_SOURCES);
  const sentences = [NONE_OF_KIND[intent] ?? "", ...ideas];
  if (top.length) {
    const n = closest.length;
    const lead = intent === "criticism" ? `${plural(n, "comment")} ${n === 1 ? "is" : "are"} negative` : `What ${n === 1 ? "one viewer asks" : `${n} viewers ask`} shows what they want explained`;
    sentences.push(`${lead}: ${top.slice(0, 2).map((s) => `${quote(s.c.text)}${likesOf(s.c)}`).join("; ")}.`);
  }
  return {
    answer: sentences.join(" "),
    confidence: top.length ? 0.35 : 0.2,
    sources: top.map((s) => ({ commentId: s.c.id, relevance: s.relevance })),
    keyPoints: [NONE_OF_KIND[intent] ?? ""].filter(Boolean),
    followUpQuestions,
  };
}

export function localAnswer(input: AskInput): AskAnswer {
  const previous = input.history[input.history.length - 1];
  const followUp = previous !== undefined && isFollowUp(input.question);
  // A follow-up borrows the topic words of the question it follows.
  const queryText = followUp ? `${input.question} ${previous.question}` : input.question;
  const intent = intentOf(input.question) === "general" && followUp ? intentOf(previous.question) : intentOf(input.question);
  const query = new Set([...wordsOf(queryText)].filter((w) => !QUESTION_WORDS.has(w) && !isIntentWord(w)));
  const wanted = INTENT_CATEGORIES[intent];
  // "??", "🤔": nothing to look for; the overall picture is the useful answer.
  const wordless = !followUp && !/\p{L}\p{L}/u.test(input.question);

  const usable = input.comments.filter((c) => !c.blocked);
  const ideas = intent === "requests" ? ideasSaid(input.contentIdeas) : [];
  // The comments behind a content idea say what viewers want, whatever their kind.
  const behindIdeas = new Set(intent === "requests" ? (input.contentIdeas ?? []).flatMap((i) => i.commentIds) : []);
  // A "criticism" about the viewers who disliked the video is no complaint about it.
  const fitsIntent = (c: AnalysedComment) => (c.category !== null && wanted?.includes(c.category) === true && (c.category !== "criticism" || criticisesTheVideo(c))) || behindIdeas.has(c.id);
  const scored: Scored[] = usable.map((c, rank) => {
    const words = wordsOf(c.text);
    const overlap = query.size ? [...query].filter((w) => words.has(w)).length / query.size : 0;
    const fits = fitsIntent(c) ? 0.3 : 0;
    // Retrieval order counts too: the caller ranked these for the question.
    const relevance = Math.min(1, 0.25 + overlap * 0.5 + fits + 0.2 * (1 - rank / Math.max(1, usable.length)));
    return { c, overlap, fits, relevance: round2(relevance) };
  });

  const otherIntents = (Object.keys(FOLLOW_UPS) as Intent[]).filter((i) => i !== intent);
  const followUpQuestions = otherIntents.slice(0, 3).map((i) => FOLLOW_UPS[i]);

  if (scored.length === 0) {
    return {
      answer: `None of the analysed comments address “${input.question.trim()}”, so I can't answer it from what viewers wrote.`,
      confidence: 0.1,
      sources: [],
      keyPoints: [],
      followUpQuestions,
    };
  }
  // A topic no comment mentions: the comments were retrieved for its words, so none of the analysis has them.
  if (query.size > 0 && !scored.some((s) => s.overlap > 0)) {
    const said = contentWords(queryText).filter((w, k, all) => query.has(singular(w)) && all.indexOf(w) === k);
    const total = input.classification?.total ?? input.sentiment?.total ?? usable.length;
    return {
      answer: `No — none of the ${total} analysed comments mention ${asked(said)}.`,
      confidence: 0.1,
      sources: [],
      keyPoints: [],
      followUpQuestions,
    };
  }
  const onTopic = (s: Scored) => query.size === 0 || s.overlap > 0;
  if (wanted) {
    const fitting = scored.filter((s) => s.fits > 0 && onTopic(s) && (intent !== "priorities" || (ownerKind(s.c) !== undefined && isUnanswered(s.c))));
    if (fitting.length === 0) return noneOfKind(intent, scored.filter(onTopic), ideas, followUpQuestions);
    if (intent === "priorities") return priorities(fitting, usable.length, input.classification, followUpQuestions);
  }
  // The comments that speak to the question; for an open question ("how do they feel?") all of them.
  const matching = scored.filter((s) => s.overlap > 0 || s.fits > 0);
  const related = (matching.length ? matching : scored).sort(
    (a, b) => b.relevance - a.relevance || (b.c.likeCount ?? 0) - (a.c.likeCount ?? 0),
  );
  const top = related.slice(0, MAX_SOURCES);

  const comments = related.map((t) => t.c);
  const best = top[0].c;
  const mostLiked = [...comments].sort((a, b) => (b.likeCount ?? 0) - (a.likeCount ?? 0))[0];
  const inWanted = wanted ? comments.filter((c) => c.category !== null && wanted.includes(c.category)).length : 0;
  const topics = sharedThemes(comments, input.themes ?? [], query);
  const shared = topics.length ? [] : sharedWords(comments, query);

  const sentences: string[] = [];
  if (followUp) sentences.push(`Following up on “${previous.question.trim()}”:`);
  else if (query.size > 0 && YES_NO.test(input.question)) sentences.push("Yes —");
  if (ideas.length) {
    // The ideas come from comments of every kind: say when none of those given asks outright.
    if (!related.some((t) => t.c.category !== null && wanted?.includes(t.c.category))) sentences.push(NONE_OF_KIND.requests ?? "");
    sentences.push(...ideas);
  }
  if (wordless) sentences.push(`Your question names no topic, so here is the overall picture: of the ${plural(comments.length, "comment")} most worth reading, ${sentimentSplit(comments)}.`);
  else sentences.push(`${plural(comments.length, "comment")} ${comments.length === 1 ? "relates" : "relate"} to your question; ${sentimentSplit(comments)}.`);
  const kind = KIND_NAMES[intent];
  // The comments given are the ones retrieved for the question (a few dozen): say how many of the kind the analysis has.
  const ofKind = wanted && input.classification ? wanted.reduce((sum, c) => sum + (input.classification?.counts[c] ?? 0), 0) : 0;
  const inAll = ofKind >= inWanted && ofKind > 0 ? `; the whole analysis has ${ofKind}` : "";
  if (kind && inWanted) sentences.push(`${inWanted} of them ${inWanted === 1 ? `is ${kind[0]}` : `are ${kind[1]}`}${inAll}.`);
  if (topics.length) sentences.push(`They talk most about ${listOf(topics.map(([name, n]) => `“${name}” (${n})`))}.`);
  if (shared.length) sentences.push(`They mention ${listOf(shared.map(([w, n]) => `${w} (${n})`))} most.`);
  sentences.push(`The most relevant says ${quote(best.text)}${best.likeCount ? ` (${plural(best.likeCount, "like")})` : ""}.`);
  if (mostLiked !== best && (mostLiked.likeCount ?? 0) > 0) {
    sentences.push(`The most liked of them (${plural(mostLiked.likeCount ?? 0, "like")}) says ${quote(mostLiked.text)}.`);
  } else {
    const second = top.find((t) => t.c !== best)?.c;
    if (second) sentences.push(`Another viewer wrote ${quote(second.text)}.`);
  }
  const s = input.sentiment;
  if (s && s.total > 0 && (intent === "sentiment" || intent === "general")) {
    sentences.push(`Across all ${s.total} analysed comments, ${s.percentages.positive}% are positive and ${s.percentages.negative}% negative.`);
  }

  const positive = comments.filter((c) => c.sentiment === "positive").length;
  const negative = comments.filter((c) => c.sentiment === "negative").length;
  const keyPoints = [
    ...(ideas.length ? [`Content ideas: ${(input.contentIdeas ?? []).slice(0, 3).map((i) => clip(i.title, 100)).join("; ")}.`] : []),
    `${pct(positive, comments.length)}% of the related comments are positive, ${pct(negative, comments.length)}% negative.`,
    ...(topics.length ? [`Topics: ${listOf(topics.map(([name]) => `“${name}”`))}.`] : []),
    ...(shared.length ? [`Recurring words: ${listOf(shared.map(([w]) => w))}.`] : []),
    `Most liked related comment: ${quote(mostLiked.text, 70)} (${plural(mostLiked.likeCount ?? 0, "like")}).`,
    ...(kind && inWanted ? [`${inWanted} of them ${inWanted === 1 ? `is ${kind[0]}` : `are ${kind[1]}`}.`] : []),
    ...(input.classification ? [`${input.classification.actionableCount} comments in the whole analysis need attention.`] : []),
  ];
  const meanRelevance = top.reduce((sum, t) => sum + t.relevance, 0) / top.length;
  // Fewer matching comments, or none at all (an open question), is less to go on.
  const coverage = matching.length ? Math.min(1, matching.length / 5) : 0.5;
  return {
    answer: sentences.join(" "),
    confidence: round2(Math.min(0.85, 0.15 + 0.3 * coverage + 0.4 * meanRelevance)),
    sources: top.map((t) => ({ commentId: t.c.id, relevance: t.relevance })),
    keyPoints: keyPoints.slice(0, 5),
    followUpQuestions,
  };
}
