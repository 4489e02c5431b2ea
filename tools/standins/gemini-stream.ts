// The Gemini stand-in's streaming route, `models/{model}:streamGenerateContent?alt=sse`:
// the same answer generateContent would give (scripted, rule-based or smart),
// sent the way the API streams it — `text/event-stream`, one
// `data: <GenerateContentResponse>\r\n\r\n` event per piece of the text, each
// with the candidate's role, index and the usage so far, the last one with
// finishReason and the full usage. Errors (429, 5xx…) are answered before any
// event, as plain JSON with their status, as the real API does.
//
// gemini.ts routes here by handing its generate() a response that records
// what it would send as JSON (asEventStream) and streams it instead.
import type { ServerResponse } from "node:http";

/** Characters of answer text per event: the real API sends a few dozen tokens per chunk. */
export const STREAM_PIECE_CHARS = 48;

interface Candidate {
  content?: { role?: string; parts?: Array<{ text?: string }> };
  finishReason?: string;
  index?: number;
}

interface GenerateContentResponse {
  candidates?: Candidate[];
  usageMetadata?: { promptTokenCount?: number; candidatesTokenCount?: number; totalTokenCount?: number };
  [key: string]: unknown;
}

/** Splits text into pieces of about `size` characters, cut after a space where one is near. */
export function pieces(text: string, size = STREAM_PIECE_CHARS): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const space = rest.lastIndexOf(" ", size);
    const cut = space > size / 2 ? space + 1 : size;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest || out.length === 0) out.push(rest);
  return out;
}

/** The events of one streamed answer: text pieces, then finishReason and full usage on the last. */
export function streamEvents(answer: GenerateContentResponse): GenerateContentResponse[] {
  const candidate = answer.candidates?.[0];
  const text = (candidate?.content?.parts ?? []).map((p) => p.text ?? "").join("");
  if (!candidate?.content || !text) return [answer]; // a refusal, an empty answer: one event, as the API does
  const usage = answer.usageMetadata ?? {};
  const promptOnly = { promptTokenCount: usage.promptTokenCount, totalTokenCount: usage.promptTokenCount };
  const all = pieces(text);
  return all.map((piece, i) => {
    const last = i === all.length - 1;
    return {
      ...answer,
      candidates: [
        {
          content: { role: "model", parts: [{ text: piece }] },
          ...(last ? { finishReason: candidate.finishReason ?? "STOP" } : {}),
          index: candidate.index ?? 0,
        },
      ],
      usageMetadata: last ? usage : promptOnly,
    };
  });
}

/**
 * A response for gemini.ts's generate(): an error (status ≠ 200) passes through
 * as JSON; a 200 answer is written as server-sent events instead.
 */
export function asEventStream(res: ServerResponse): ServerResponse {
  let status = 200;
  let headers: Record<string, string | number> = {};
  const proxy: ServerResponse = new Proxy(res, {
    get(target, prop, receiver) {
      if (prop === "writeHead") {
        return (code: number, head?: Record<string, string | number>) => {
          status = code;
          headers = head ?? {};
          return proxy;
        };
      }
      if (prop === "end") {
        return (data?: string) => {
          if (status !== 200) {
            target.writeHead(status, headers);
            target.end(data);
            return proxy;
          }
          target.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
          for (const event of streamEvents(JSON.parse(data ?? "{}") as GenerateContentResponse)) {
            target.write(`data: ${JSON.stringify(event)}\r\n\r\n`);
          }
          target.end();
          return proxy;
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver === proxy ? target : receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return proxy;
}
