// Gemini's streaming generation, read into the same RawResponse one
// generateContent call gives (text joined, the last finishReason and usage),
// while each piece of the answer's text is handed on as it arrives.
import type { RawResponse } from "./response";

type Chunk = RawResponse;

export async function collectStream(chunks: AsyncIterable<Chunk>, onText: (text: string) => void): Promise<RawResponse> {
  let text = "";
  let finishReason: string | undefined;
  let usageMetadata: RawResponse["usageMetadata"];
  let promptFeedback: RawResponse["promptFeedback"];
  let sawCandidate = false;
  for await (const chunk of chunks) {
    if (chunk.promptFeedback?.blockReason) promptFeedback = chunk.promptFeedback;
    if (chunk.usageMetadata) usageMetadata = chunk.usageMetadata;
    const candidate = chunk.candidates?.[0];
    if (!candidate) continue;
    sawCandidate = true;
    if (candidate.finishReason) finishReason = candidate.finishReason;
    const piece = (candidate.content?.parts ?? [])
      .filter((p) => !p.thought && typeof p.text === "string")
      .map((p) => p.text)
      .join("");
    if (piece) {
      text += piece;
      onText(piece);
    }
  }
  return {
    candidates: sawCandidate ? [{ content: { parts: text ? [{ text }] : [] }, finishReason }] : [],
    ...(promptFeedback ? { promptFeedback } : {}),
    ...(usageMetadata ? { usageMetadata } : {}),
  };
}
