// What a streaming Ask AI caller receives while the answer is generated, held
// to the rules the final answer is checked by (context.ts resolveAnswer):
// control characters dropped, leading and trailing space trimmed, nothing past
// the length the answer is clipped to, and never the beginning of repeated
// system instructions — text that could start such a leak is held back until
// it is clearly something else, and a leak stops the stream (the call then
// fails as a non-streaming one does). finish() reconciles with the checked
// answer, so the pieces after the last restart are exactly its text.
import type { AnswerStream } from "../ai/types";
import type { AskStreamChunk } from "../contracts/ask";
import { CONTROL, leaksInstructions, MAX_ANSWER_CHARS, mayBeginLeak, squash } from "./context";

export type ChunkSink = (chunk: AskStreamChunk) => unknown;

/** How far back a held-back leak prefix is looked for (60 squashed characters, with room for spacing and punctuation). */
const LOOKBACK = 400;
/** clip() may cut the final answer anywhere past 80% of its limit; stream no further. */
const STREAM_LIMIT = Math.floor(MAX_ANSWER_CHARS * 0.8);

export class GuardedAnswerStream implements AnswerStream {
  private buffer = "";
  private sent = 0;
  private stopped = false;

  constructor(private readonly send: ChunkSink) {}

  text(delta: string): void {
    if (this.stopped) return;
    this.buffer += delta.replace(CONTROL, "");
    const text = this.buffer.trimStart();
    if (leaksInstructions(text)) {
      this.stopped = true;
      return;
    }
    const end = Math.min(this.holdFrom(text), STREAM_LIMIT);
    if (end > this.sent) {
      void this.send({ type: "delta", text: text.slice(this.sent, end) });
      this.sent = end;
    }
  }

  restart(): void {
    if (this.sent > 0) void this.send({ type: "restart" });
    this.buffer = "";
    this.sent = 0;
    this.stopped = false;
  }

  /** Sends what is missing of the checked answer (or restarts with all of it if the stream went elsewhere). */
  async finish(answer: string): Promise<void> {
    const sentText = this.buffer.trimStart().slice(0, this.sent);
    if (answer.startsWith(sentText)) {
      if (answer.length > this.sent) await this.send({ type: "delta", text: answer.slice(this.sent) });
    } else {
      await this.send({ type: "restart" });
      await this.send({ type: "delta", text: answer });
    }
    this.sent = answer.length;
  }

  /** Where the text to hold back begins: trailing space, and the longest tail that could begin a leak. */
  private holdFrom(text: string): number {
    let end = text.trimEnd().length;
    const from = Math.max(0, end - LOOKBACK);
    // Positions in `text` of each character that squash() keeps.
    const kept: number[] = [];
    for (let i = from; i < end; i += 1) if (squash(text[i]) !== "") kept.push(i);
    const squashed = squash(text.slice(from, end));
    for (let j = 0; j < kept.length; j += 1) {
      if (mayBeginLeak(squashed.slice(j))) {
        end = kept[j];
        break;
      }
    }
    return end;
  }
}
