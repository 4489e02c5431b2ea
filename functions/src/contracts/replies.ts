// Reply drafting.
import { z } from "zod";
import { REPLY_TONES } from "../domain/labels";
import { docId, text } from "../domain/schemas";

export const generateRepliesRequest = z
  .strictObject({
    comment: z.strictObject({ text: text(10_000), author: text(200).optional() }),
    tone: z.enum(REPLY_TONES, { error: `must be one of ${REPLY_TONES.join(", ")}` }),
    count: z.number().int("must be a whole number").min(1, "must be at least 1").max(5, "must be at most 5").default(3),
    video: z
      .strictObject({
        title: text(300),
        id: text(64).optional(),
        channelTitle: text(200).optional(),
        description: text(5_000, 0).optional(),
      })
      .optional(),
    analysisId: docId.optional(),
  })
  .refine((input) => !(input.video && input.analysisId), { message: "give video or analysisId, not both", path: ["analysisId"] });

export const generateRepliesResponse = z.lazy(() => z.strictObject({
  replies: z.array(z.strictObject({ text: z.string().min(1), tone: z.enum(REPLY_TONES) })).min(1),
  tone: z.enum(REPLY_TONES),
  provider: z.enum(["gemini", "local"]),
}));
