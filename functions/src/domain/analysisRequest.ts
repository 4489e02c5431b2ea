// What a creator asks for when starting an analysis. The same schema checks
// startAnalysis' input and, again, the `input` of a job document a client
// wrote directly (client-written documents are untrusted).
import { z } from "zod";
import { includeSchema } from "./settings";

export const analysisRequestSchema = z.strictObject({
  videoUrlOrId: z.string().max(500, "must be at most 500 characters"),
  maxComments: z.number().int("must be a whole number").min(1, "must be at least 1").max(10_000, "must be at most 10000").optional(),
  include: includeSchema.partial().optional(),
});

export type AnalysisRequest = z.infer<typeof analysisRequestSchema>;

export interface AnalysisOptions {
  maxComments: number;
  include: { sentiment: boolean; classification: boolean; insights: boolean; summary: boolean };
}

/**
 * Fills defaults from the user's settings and caps comments at the plan's
 * per-video limit. Returns a message when nothing would be analysed.
 */
export function resolveOptions(
  request: AnalysisRequest,
  defaults: AnalysisOptions,
  planCommentLimit: number,
): { options: AnalysisOptions & { truncatedToPlanLimit: boolean }; problem?: { field: string; why: string } } {
  const wanted = request.maxComments ?? defaults.maxComments;
  const include = { ...defaults.include, ...request.include };
  const options = {
    maxComments: Math.min(wanted, planCommentLimit),
    truncatedToPlanLimit: wanted > planCommentLimit,
    include,
  };
  if (!Object.values(include).some(Boolean)) {
    return { options, problem: { field: "include", why: "choose at least one of sentiment, classification, insights, summary" } };
  }
  return { options };
}
