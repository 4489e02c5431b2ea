// Reply drafts for one comment, in the creator's voice and a chosen tone.
import { z } from "zod";
import type { ReplyInput, ReplyTone } from "../types";
import { clip, fence } from "./fence";
import { arr, obj, str, type Prompt } from "./schema";
import { systemFor } from "./system";

export const REPLY_MAX_CHARS = 500;

export const TONE_GUIDE: Record<ReplyTone, string> = {
  friendly: "warm and casual, like talking to a regular viewer",
  professional: "polite, clear and concise",
  humorous: "light and playful, a gentle joke, never at the commenter's expense",
  grateful: "sincerely thankful for the comment and the support",
  informative: "helpful and factual: answer or explain what the comment raises",
};

export function repliesPrompt(input: ReplyInput): Prompt {
  // The channel name is the creator's own text, but still untrusted: it goes in a fence, never in the instructions.
  const voice = input.creatorName ? "the creator named in <creator>" : "the video's creator";
  const instructions =
    `Write ${input.count} distinct replies to the viewer's <comment> as ${voice}, tone: ${input.tone} (${TONE_GUIDE[input.tone]}). ` +
    `Each under ${REPLY_MAX_CHARS} characters and different in wording and angle; address the commenter by name when given; respond to what they actually said ` +
    "(answer a question, thank praise, acknowledge criticism); no hashtags, links or promises you cannot keep.";
  return {
    task: "replies",
    system: systemFor(instructions),
    user: [
      ...(input.creatorName ? [fence("creator", { name: clip(input.creatorName, 200) })] : []),
      ...(input.video ? [fence("video", { title: input.video.title, channel: input.video.channelTitle })] : []),
      fence("comment", { author: input.comment.author, text: clip(input.comment.text, 4_000) }),
    ].join("\n"),
    schema: obj({ replies: arr(str()) }),
    maxOutputTokens: 1_024,
    temperature: 0.9,
  };
}

export const repliesResponse = z.object({ replies: z.array(z.string()) });

const key = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Distinct, trimmed, bounded replies; the provider asks again when fewer than `count` remain. */
export function distinctReplies(replies: readonly string[], count: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of replies) {
    const text = clip(raw.trim(), REPLY_MAX_CHARS);
    if (!text || seen.has(key(text))) continue;
    seen.add(key(text));
    out.push(text);
    if (out.length === count) break;
  }
  return out;
}
