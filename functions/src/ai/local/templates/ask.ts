// Ask AI without a model: the comments were already retrieved for the
// question (most relevant first); this ranks them by word overlap with the
// question, and answers with real counts and quoted comments.
import type { AnalysedComment, AskAnswer, AskInput, Category } from "../../types";
import { contentWords, pct, plural, quote } from "./text";

type Intent = "sentiment" | "questions" | "requests" | "criticism" | "general";

const INTENTS: Array<[Intent, RegExp]> = [
  ["questions", /\b(?:ask|asking|question|questions|confus\w*|wonder\w*|unclear)\b/i],
  ["requests", /\b(?:want|wants|request\w*|next video|ideas?|suggest\w*|more of|make next)\b/i],
  ["criticism", /\b(?:complain\w*|critic\w*|negative|dislike\w*|hate|improve|wrong|problem\w*|issue\w*|bad)\b/i],
  ["sentiment", /\b(?:feel|feeling|think|sentiment|react\w*|opinion\w*|like|love|enjoy\w*|happy|overall)\b/i],
];

const INTENT_CATEGORIES: Partial<Record<Intent, Category[]>> = {
  questions: ["question"],
  requests: ["request", "suggestion"],
  criticism: ["criticism", "feedback"],
};

const FOLLOW_UPS: Record<Intent, string> = {
  sentiment: "How do viewers feel about the video overall?",
  questions: "What are viewers asking most?",
  requests: "What content do viewers want next?",
  criticism: "What do viewers criticise or want improved?",
  general: "Which comments should I reply to first?",
};

function intentOf(question: string): Intent {
  return INTENTS.find(([, re]) => re.test(question))?.[0] ?? "general";
}

/** A follow-up like "what about the audio?" or "and why?" leans on the previous turn. */
function isFollowUp(question: string): boolean {
  return /^(?:and|but|what about|how about|why|so|also|then)\b/i.test(question.trim()) || contentWords(question).length <= 1;
}

const MAX_SOURCES = 8;

export function localAnswer(input: AskInput): AskAnswer {
  const previous = input.history[input.history.length - 1];
  const followUp = previous !== undefined && isFollowUp(input.question);
  // A follow-up borrows the topic words of the question it follows.
  const queryText = followUp ? `${input.question} ${previous.question}` : input.question;
  const intent = intentOf(input.question) === "general" && followUp ? intentOf(previous.question) : intentOf(input.question);
  const query = new Set(contentWords(queryText));
  const wanted = INTENT_CATEGORIES[intent];

  const usable = input.comments.filter((c) => !c.blocked);
  const scored = usable.map((c, rank) => {
    const words = new Set(contentWords(c.text));
    const overlap = query.size ? [...query].filter((w) => words.has(w)).length / query.size : 0;
    const fits = wanted?.includes(c.category) ? 0.3 : 0;
    // Retrieval order counts too: the caller ranked these for the question.
    const relevance = Math.min(1, 0.25 + overlap * 0.5 + fits + 0.2 * (1 - rank / Math.max(1, usable.length)));
    return { c, relevance: Math.round(relevance * 100) / 100 };
  });
  scored.sort((a, b) => b.relevance - a.relevance || (b.c.likeCount ?? 0) - (a.c.likeCount ?? 0));
  const top = scored.slice(0, MAX_SOURCES);

  const otherIntents = (Object.keys(FOLLOW_UPS) as Intent[]).filter((i) => i !== intent);
  const followUpQuestions = otherIntents.slice(0, 3).map((i) => FOLLOW_UPS[i]);

  if (top.length === 0) {
    return {
      answer: `None of the analysed comments address “${input.question.trim()}”, so I can't answer it from what viewers wrote.`,
      confidence: 0.1,
      sources: [],
      keyPoints: [],
      followUpQuestions,
    };
  }

  const related: AnalysedComment[] = top.map((t) => t.c);
  const count = (pred: (c: AnalysedComment) => boolean) => related.filter(pred).length;
  const positive = count((c) => c.sentiment === "positive");
  const negative = count((c) => c.sentiment === "negative");
  const inWanted = wanted ? count((c) => wanted.includes(c.category)) : 0;
  const mostLiked = [...related].sort((a, b) => (b.likeCount ?? 0) - (a.likeCount ?? 0))[0];

  const sentences: string[] = [];
  if (followUp) sentences.push(`Following up on “${previous.question.trim()}”:`);
  sentences.push(
    `${plural(related.length, "comment")} relate to your question; ${positive} ${positive === 1 ? "is" : "are"} positive and ${negative} negative.`,
  );
  if (wanted && inWanted) sentences.push(`${inWanted} of them ${inWanted === 1 ? "is a" : "are"} ${wanted.join(" or ")}${inWanted === 1 ? "" : "s"}.`);
  sentences.push(`The most liked (${mostLiked.likeCount ?? 0} likes) says ${quote(mostLiked.text)}.`);
  const second = related.find((c) => c !== mostLiked);
  if (second) sentences.push(`Another viewer wrote ${quote(second.text)}.`);
  const s = input.sentiment;
  if (s && s.total > 0 && (intent === "sentiment" || intent === "general")) {
    sentences.push(`Across all ${s.total} analysed comments, ${s.percentages.positive}% are positive and ${s.percentages.negative}% negative.`);
  }

  const keyPoints = [
    `${pct(positive, related.length)}% of the related comments are positive, ${pct(negative, related.length)}% negative.`,
    `Most liked related comment: ${quote(mostLiked.text, 70)} (${mostLiked.likeCount ?? 0} likes).`,
    ...(wanted && inWanted ? [`${plural(inWanted, wanted[0])} among them.`] : []),
    ...(input.classification ? [`${input.classification.actionableCount} comments in the whole analysis need attention.`] : []),
  ];
  const meanRelevance = top.reduce((sum, t) => sum + t.relevance, 0) / top.length;
  return {
    answer: sentences.join(" "),
    confidence: Math.round(Math.min(0.85, 0.2 + 0.05 * top.length + 0.3 * meanRelevance) * 100) / 100,
    sources: top.map((t) => ({ commentId: t.c.id, relevance: t.relevance })),
    keyPoints: keyPoints.slice(0, 4),
    followUpQuestions,
  };
}
