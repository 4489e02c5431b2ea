// What Ask AI gives a provider and how it checks the answer: short ids mapped
// back to stored comments, made-up sources dropped, stored text quoted, and an
// answer that repeats the system instructions refused. Pure: no emulator.
import { expect } from "chai";
import { AiMalformedResponseError } from "../../src/ai/errors";
import { DATA_RULE, LENTLY_PERSONA } from "../../src/ai/prompts/system";
import type { AskAnswer, ContentIdea } from "../../src/ai/types";
import type { AskableAnalysis } from "../../src/analysis/ownedAnalysis";
import { buildAskInput, leaksInstructions, MAX_SOURCES, resolveAnswer } from "../../src/ask/context";
import { retrieve } from "../../src/ask/retrieval";
import { storedComment } from "../support/ask";

const comments = [
  storedComment({ text: "The audio is too quiet.", sentiment: "negative", category: "criticism", likeCount: 9, author: "@ana" }),
  storedComment({ text: "Which mic is that?", category: "question", author: "@ben" }),
  storedComment({ text: "Buy followers now", category: "spam" }),
];

const analysis: AskableAnalysis = {
  id: "an1",
  userId: "u1",
  videoId: "vidAskTest1",
  video: { id: "vidAskTest1", title: "Studio build", channelTitle: "Sam", thumbnail: null },
  results: {},
};

function answer(partial: Partial<AskAnswer>): AskAnswer {
  return { answer: "Viewers find the audio too quiet.", confidence: 0.8, sources: [], keyPoints: [], followUpQuestions: [], ...partial };
}

describe("ask/context", () => {
  const retrieved = retrieve("audio mic", comments, { k: 10, filter: "all" });
  const { input, byShortId } = buildAskInput("What about the audio?", analysis, retrieved, [{ question: "q0", answer: "a0" }], comments);

  it("gives the provider short ids c0..cK in retrieval order, the history, and figures computed when the analysis skipped them", () => {
    expect(input.comments.map((c) => c.id)).to.deep.equal(["c0", "c1"]);
    expect(byShortId.get("c0")!.id).to.equal(retrieved[0].comment.id);
    expect(input.comments[0]).to.include({ text: retrieved[0].comment.text, likeCount: retrieved[0].comment.likeCount });
    expect(input.history).to.deep.equal([{ question: "q0", answer: "a0" }]);
    // No stored summaries: figures from the usable comments (spam left out).
    expect(input.sentiment!.total).to.equal(2);
    expect(input.classification!.counts.question).to.equal(1);
    expect(input.video).to.deep.equal({ id: "vidAskTest1", title: "Studio build", channelTitle: "Sam" });
  });

  it("tells the provider which comments the owner already answered or wrote, so 'reply first' lists only what waits", () => {
    const answered = storedComment({ text: "Which interface?", category: "question", answeredByOwner: true });
    const unread = storedComment({ text: "Which cable?", category: "question", repliesUnchecked: true });
    const own = storedComment({ text: "What should I cover next?", category: "question", byOwner: true });
    const built = buildAskInput("q", analysis, [answered, unread, own].map((comment) => ({ comment, score: 1, lexical: 1 })), [], [answered, unread, own]).input;
    expect(built.comments.map((c) => [c.answeredByOwner, c.repliesUnchecked, c.byOwner])).to.deep.equal([
      [true, false, false],
      [false, true, false],
      [false, false, true],
    ]);
  });

  it("gives the provider the analysis' content ideas, citing only the retrieved comments, by their short ids", () => {
    const withIdeas: AskableAnalysis = {
      ...analysis,
      results: {
        insights: {
          themes: [],
          contentIdeas: [
            { title: "Mic comparison", rationale: "Viewers ask which mic.", commentIds: [comments[1].id, "UgxNotRetrieved"] },
            { title: "Treating a rented room", rationale: "Renters ask.", commentIds: [] },
          ],
        },
      },
    };
    const built = buildAskInput("What do viewers want next?", withIdeas, retrieved, [], comments).input;
    const mic = `c${retrieved.findIndex((r) => r.comment.id === comments[1].id)}`;
    expect(built.contentIdeas).to.deep.equal([
      { title: "Mic comparison", rationale: "Viewers ask which mic.", commentIds: [mic] },
      { title: "Treating a rented room", rationale: "Renters ask.", commentIds: [] },
    ]);
    expect(buildAskInput("q", analysis, retrieved, [], comments).input.contentIdeas).to.deep.equal([]);
    // Stored by an older version, or hand-edited: no crash, nothing made up.
    const odd = { title: "Mic shootout" } as unknown as ContentIdea;
    const stored: AskableAnalysis = { ...analysis, results: { insights: { contentIdeas: [odd, { title: "", rationale: "x", commentIds: [] }] } } };
    expect(buildAskInput("q", stored, retrieved, [], comments).input.contentIdeas).to.deep.equal([{ title: "Mic shootout", rationale: "", commentIds: [] }]);
  });

  it("maps cited short ids to stored comments with their stored text, and drops ids it never gave", () => {
    const checked = resolveAnswer(
      answer({
        sources: [
          { commentId: "c1", relevance: 0.9 },
          { commentId: "c99", relevance: 1 },
          { commentId: comments[2].id, relevance: 1 }, // a real YouTube id, but not one it was given
          { commentId: "c1", relevance: 0.5 },
          { commentId: "c0", relevance: 7 },
        ],
      }),
      byShortId,
    );
    expect(checked.sources).to.deep.equal([
      { commentId: byShortId.get("c1")!.id, author: byShortId.get("c1")!.author, text: byShortId.get("c1")!.text, relevance: 0.9 },
      { commentId: byShortId.get("c0")!.id, author: byShortId.get("c0")!.author, text: byShortId.get("c0")!.text, relevance: 1 },
    ]);
    expect(checked.droppedSources).to.equal(2);
  });

  it("bounds sources, key points and follow-ups, strips control characters, clamps confidence", () => {
    const many = new Map(Array.from({ length: 20 }, (_, i) => [`c${i}`, storedComment({ text: `comment ${i}` })]));
    const checked = resolveAnswer(
      answer({
        answer: "  Fine\u0007 answer  ",
        confidence: 3,
        sources: [...many.keys()].map((commentId) => ({ commentId, relevance: 0.5 })),
        keyPoints: ["a", " ", "b", "c", "d", "e", "f"],
        followUpQuestions: ["x?", "y?", "z?", "w?"],
      }),
      many,
    );
    expect(checked.answer).to.equal("Fine answer");
    expect(checked.confidence).to.equal(1);
    expect(checked.sources).to.have.length(MAX_SOURCES);
    expect(checked.keyPoints).to.deep.equal(["a", "b", "c", "d", "e"]);
    expect(checked.followUpQuestions).to.have.length(3);
  });

  it("refuses an answer that repeats the system instructions (a comment talked the model into it)", () => {
    expect(leaksInstructions(`Sure! My instructions are: ${LENTLY_PERSONA}`)).to.equal(true);
    expect(leaksInstructions(DATA_RULE.toUpperCase().replace(/ /g, "  "))).to.equal(true);
    expect(leaksInstructions("Viewers love the lighting.")).to.equal(false);
    expect(() => resolveAnswer(answer({ answer: `System prompt: ${LENTLY_PERSONA} ${DATA_RULE}` }), byShortId)).to.throw(AiMalformedResponseError);
    expect(() => resolveAnswer(answer({ keyPoints: [DATA_RULE] }), byShortId)).to.throw(AiMalformedResponseError);
    expect(() => resolveAnswer(answer({ answer: "   " }), byShortId)).to.throw(AiMalformedResponseError);
  });
});
