// Ask AI's streaming pieces: the Gemini stand-in's SSE route, reading the
// `answer` field out of a JSON answer while it streams, restarts on a retry,
// the local provider's sentences, and the guard that keeps a leak of the
// system instructions from ever reaching a streaming caller.
import { expect } from "chai";
import { JsonStringFieldReader } from "../../src/ai/gemini/jsonField";
import { LocalProvider } from "../../src/ai/local/provider";
import { LENTLY_PERSONA } from "../../src/ai/prompts/system";
import { sentencePieces } from "../../src/ai/sentences";
import type { AnalysedComment, AnswerStream, AskInput } from "../../src/ai/types";
import { GuardedAnswerStream } from "../../src/ask/answerStream";
import type { AskStreamChunk } from "../../src/contracts/ask";
import { standIn, standInUrl, TEST_KEY, testGemini } from "../support/gemini";

const comments: AnalysedComment[] = [
  { id: "q1", text: "Loved the editing tips, thank you!", likeCount: 30, sentiment: "positive", score: 0.9, emotions: ["gratitude"], category: "appreciation" },
  { id: "q2", text: "Please make a video about colour grading", likeCount: 12, sentiment: "neutral", score: 0, emotions: [], category: "request" },
  { id: "q3", text: "The audio is too quiet, hard to follow the editing", likeCount: 5, sentiment: "negative", score: -0.6, emotions: ["frustration"], category: "criticism" },
];
const input: AskInput = { question: "What do viewers want next?", video: { id: "vid00000001", title: "Editing basics" }, comments, history: [] };

/** Records what a provider streams: the text after the last restart, and how many pieces and restarts. */
function recorder(): AnswerStream & { pieces: string[]; restarts: number; current(): string } {
  const r = {
    pieces: [] as string[],
    restarts: 0,
    text(delta: string) {
      r.pieces.push(delta);
    },
    restart() {
      r.restarts += 1;
      r.pieces = [];
    },
    current: () => r.pieces.join(""),
  };
  return r;
}

describe("streaming: JSON answer field and sentences", () => {
  it("decodes the answer field from any split of the model's text, escapes included", () => {
    const answer = 'Viewers "love" the tips —\nand want \\ more é ☃ 🎬.';
    const raw = JSON.stringify({ answer, confidence: 0.8, sources: [] });
    for (const size of [1, 2, 3, 7, 50]) {
      const reader = new JsonStringFieldReader("answer");
      let out = "";
      for (let i = 0; i < raw.length; i += size) out += reader.push(raw.slice(i, i + size));
      expect(out, `pieces of ${size}`).to.equal(answer);
    }
    // \u escapes (how some encoders write non-ASCII) split across pieces.
    const reader = new JsonStringFieldReader("answer");
    expect(["{\"answer\": \"caf\\u00", "e9 ok\"", ", \"x\": 1}"].map((p) => reader.push(p)).join("")).to.equal("café ok");
  });

  it("cuts text into sentences that concatenate back to it", () => {
    const text = "12 comments relate to your question. They mention “audio” most! Is it the mic? (Yes.) The end";
    const pieces = sentencePieces(text);
    expect(pieces).to.have.length(5);
    expect(pieces.join("")).to.equal(text);
    expect(sentencePieces("One sentence.")).to.deep.equal(["One sentence."]);
  });

  it("the local provider streams its answer sentence by sentence", async () => {
    const stream = recorder();
    const { value } = await new LocalProvider().answerQuestion(input, stream);
    expect(stream.pieces.length).to.be.greaterThan(1);
    expect(stream.current()).to.equal(value.answer);
  });
});

describe("streaming: Gemini through the stand-in's streamGenerateContent (SSE)", () => {
  beforeEach(() => standIn.reset());

  it("serves the real SSE shape: text/event-stream, data events with the model's role, the last with finishReason and usage", async () => {
    await standIn.script({ responses: [{ json: { answer: "A long enough answer to be split into several pieces by the stand-in.", confidence: 0.5, sources: [], points: [], followUps: [] } }] });
    const res = await fetch(`${standInUrl()}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": TEST_KEY },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "hi" }] }] }),
    });
    expect(res.headers.get("content-type")).to.equal("text/event-stream");
    const events = (await res.text()).split("\r\n\r\n").filter(Boolean);
    expect(events.length).to.be.greaterThan(1);
    const parsed = events.map((e) => {
      expect(e.startsWith("data: ")).to.equal(true);
      return JSON.parse(e.slice(6)) as { candidates: Array<{ content: { role: string; parts: Array<{ text: string }> }; finishReason?: string }>; usageMetadata: { candidatesTokenCount?: number } };
    });
    for (const p of parsed) expect(p.candidates[0].content.role).to.equal("model");
    expect(parsed.slice(0, -1).every((p) => p.candidates[0].finishReason === undefined)).to.equal(true);
    expect(parsed.at(-1)!.candidates[0].finishReason).to.equal("STOP");
    expect(parsed.at(-1)!.usageMetadata.candidatesTokenCount).to.be.greaterThan(0);
    const text = parsed.map((p) => p.candidates[0].content.parts[0].text).join("");
    expect(JSON.parse(text)).to.have.property("answer");
  });

  it("streams the answer through @google/genai's generateContentStream; the pieces are the final answer", async () => {
    const answer = "Viewers ask for a colour grading video (row 2) and say the audio is too quiet; fix the mix first, then film the grading tutorial.";
    await standIn.script({ responses: [{ json: { answer, confidence: 0.8, sources: [{ i: 2, relevance: 0.9 }], points: ["colour grading"], followUps: ["What else?"] } }] });
    const stream = recorder();
    const { value, usage } = await testGemini().answerQuestion(input, stream);
    expect(value.answer).to.equal(answer);
    expect(stream.pieces.length).to.be.greaterThan(1);
    expect(stream.current()).to.equal(answer);
    expect(stream.restarts).to.equal(0);
    expect(value.sources).to.deep.equal([{ commentId: "q2", relevance: 0.9 }]);
    expect(usage.outputTokens).to.be.greaterThan(0);
  });

  it("a malformed answer already streamed is followed by a restart and the retried answer", async () => {
    const good = "The retried answer, complete and valid this time.";
    await standIn.script({
      responses: [
        { status: 503 },
        { text: '{"answer": "A first attempt that streams and then breaks off', },
        { json: { answer: good, confidence: 0.6, sources: [], points: [], followUps: [] } },
      ],
    });
    const stream = recorder();
    const { value } = await testGemini().answerQuestion(input, stream);
    expect(value.answer).to.equal(good);
    expect(stream.restarts).to.equal(1); // the 503 sent no text, so it needed no restart
    expect(stream.current()).to.equal(good);
  });
});

describe("streaming: the guard between the provider and the caller", () => {
  const collect = () => {
    const chunks: AskStreamChunk[] = [];
    const guard = new GuardedAnswerStream((chunk) => void chunks.push(chunk));
    const text = () => {
      const last = chunks.map((c) => c.type).lastIndexOf("restart");
      return chunks.slice(last + 1).map((c) => (c.type === "delta" ? c.text : "")).join("");
    };
    return { guard, chunks, text };
  };

  it("drops control characters, trims, and ends with exactly the checked answer", async () => {
    const { guard, chunks, text } = collect();
    for (const piece of ["  Hello", " there\u0007.", " Second sentence. ", "  "]) guard.text(piece);
    expect(text()).to.equal("Hello there. Second sentence.");
    await guard.finish("Hello there. Second sentence.");
    expect(text()).to.equal("Hello there. Second sentence.");
    expect(chunks.every((c) => c.type === "delta")).to.equal(true);
  });

  it("restarts when the checked answer is not what was streamed", async () => {
    const { guard, chunks, text } = collect();
    guard.text("Something the model said.");
    await guard.finish("Something else entirely.");
    expect(chunks.map((c) => c.type)).to.deep.equal(["delta", "restart", "delta"]);
    expect(text()).to.equal("Something else entirely.");
  });

  it("never sends the beginning of the system instructions, even one word at a time", () => {
    const { guard, text } = collect();
    guard.text("Sure, here are my instructions: ");
    for (const word of LENTLY_PERSONA.split(/(?<= )/)) guard.text(word);
    const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");
    expect(squash(text())).to.equal(squash("Sure, here are my instructions:"));
  });

  it("releases held-back text once it is clearly not the instructions", () => {
    const { guard, text } = collect();
    const opening = LENTLY_PERSONA.split(" ").slice(0, 2).join(" ");
    guard.text(`${opening} `);
    expect(text()).to.equal("");
    guard.text("loves this video and the comments agree.");
    expect(text()).to.equal(`${opening} loves this video and the comments agree.`);
  });
});
