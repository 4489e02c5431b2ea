// Prompt overhead of per-comment analysis: input tokens billed per analysed
// comment, divided by the comment's own tokens, at a given batch size. Both
// sides use the same estimate (ceil(chars / 4), functions/src/ai/tokens.ts),
// which is also what the Gemini stand-in reports as promptTokenCount, so the
// figure matches what the benchmark measures through the stand-in.
//
//   node --import tsx tools/bench/tokens.ts [batchSize…]     (default 50 and 100)
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analysisPrompt } from "../../functions/src/ai/prompts/analysis";
import { estimateRequestTokens, estimateTokens } from "../../functions/src/ai/tokens";
import { parseCsvRecords } from "../csv";
import { SHARED_DATASETS } from "../eval/datasets";

export interface PromptOverhead {
  batchSize: number;
  comments: number;
  batches: number;
  /** Sum of the comments' own estimated tokens. */
  commentTokens: number;
  /** Sum of the estimated input tokens of every batch request (system + user + schema). */
  inputTokens: number;
  /** inputTokens / commentTokens: 1.0 would be no overhead at all. */
  ratio: number;
  /** Fixed part of one request (instructions, schema, video block), tokens. */
  fixedTokensPerRequest: number;
}

export function measurePromptOverhead(comments: readonly string[], batchSize: number, videoTitle = "A typical YouTube video title"): PromptOverhead {
  const video = { id: "bench", title: videoTitle };
  let commentTokens = 0;
  let inputTokens = 0;
  let batches = 0;
  for (let i = 0; i < comments.length; i += batchSize) {
    const batch = comments.slice(i, i + batchSize).map((text, n) => ({ id: `c${i + n}`, text }));
    const prompt = analysisPrompt(batch, video);
    inputTokens += estimateRequestTokens(prompt.system, prompt.user, prompt.schema);
    for (const c of batch) commentTokens += estimateTokens(c.text);
    batches += 1;
  }
  const empty = analysisPrompt([], video);
  return {
    batchSize,
    comments: comments.length,
    batches,
    commentTokens,
    inputTokens,
    ratio: commentTokens ? Math.round((inputTokens / commentTokens) * 1000) / 1000 : 0,
    fixedTokensPerRequest: estimateRequestTokens(empty.system, empty.user, empty.schema),
  };
}

export const CORPUS_CSV = join(SHARED_DATASETS, "yt-comments-corpus", "comments.csv");

/** The corpus's non-empty comments (column Comment), or undefined when the shared datasets are absent. */
export function readCorpusComments(file = CORPUS_CSV): string[] | undefined {
  if (!existsSync(file)) return undefined;
  return parseCsvRecords(readFileSync(file, "utf8"))
    .map((r) => r.Comment?.trim() ?? "")
    .filter((t) => t.length > 0);
}

if (require.main === module) {
  const comments = readCorpusComments();
  if (!comments) {
    console.log(`skipped: ${CORPUS_CSV} is not here (the shared datasets are absent on this machine)`);
  } else {
    const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
    for (const size of sizes.length ? sizes : [50, 100]) console.log(JSON.stringify(measurePromptOverhead(comments, size)));
  }
}
