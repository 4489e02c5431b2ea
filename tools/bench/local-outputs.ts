// Fingerprints of everything the local models output, for speed work that must
// not change a byte: SHA-256 of the JSON of the per-comment analyses, of their
// intermediate figures (tokens, lexicon score, logit, category rule, feature
// lists, toxicity probability), of the spam filter's result and of the themes
// and content ideas, over the yt-comments corpus plus the texts of the other
// shared datasets and a few edge cases. Run it before and after a change; the
// hashes must match.
//
//   node --import tsx tools/bench/local-outputs.ts [--json]
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeCommentsLocally } from "../../functions/src/ai/local/analyze";
import { explainCategory } from "../../functions/src/ai/local/category";
import { concernSparse } from "../../functions/src/ai/local/concernFeatures";
import { detectEmotions } from "../../functions/src/ai/local/emotion";
import { sparseFeatures } from "../../functions/src/ai/local/features";
import { lexiconScore } from "../../functions/src/ai/local/lexicon-score";
import { loadNounPhraser } from "../../functions/src/ai/local/nounPhrases";
import { sentimentOfTokens } from "../../functions/src/ai/local/sentiment";
import { contentIdeas, extractThemes } from "../../functions/src/ai/local/themes";
import { flatten, tokenize } from "../../functions/src/ai/local/tokenize";
import { toxicCounts, toxicSparse, toxicTokens } from "../../functions/src/ai/local/toxicFeatures";
import { isToxic, toxicProbabilityOfTokens } from "../../functions/src/ai/local/toxicity";
import { filterComments } from "../../functions/src/youtube/quality/filter";
import type { YouTubeComment } from "../../functions/src/youtube/types";
import { parseCsvRecords } from "../csv";
import { readLines, SHARED_DATASETS } from "../eval/datasets";
import { readCorpusComments } from "./tokens";

const sha = (value: unknown): string => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** Texts of the labelled datasets (their labels are not needed here). */
function otherTexts(): string[] {
  const out: string[] = [];
  const lines = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) lines(path);
      else if (entry.name.endsWith(".txt") && !entry.name.includes("readme")) out.push(...readLines(path));
    }
  };
  lines(join(SHARED_DATASETS, "sentube-tablets"));
  lines(join(SHARED_DATASETS, "comment-concerns"));
  const csv = (file: string, column: string): void => {
    if (existsSync(file)) for (const r of parseCsvRecords(readFileSync(file, "utf8"))) out.push(r[column] ?? "");
  };
  csv(join(SHARED_DATASETS, "youtoxic", "youtoxic-dev.csv"), "Text");
  for (const f of ["Youtube01-Psy.csv", "Youtube02-KatyPerry.csv", "Youtube03-LMFAO.csv"]) csv(join(SHARED_DATASETS, "youtube-spam", f), "CONTENT");
  return out;
}

// Inputs the datasets may not hold: empty, invisible characters, elongations, emoticons, an over-long comment.
const EDGE_CASES = [
  "",
  " ",
  "\uFEFF\u200B",
  "sooooo gooood!!!! :DDD xD <3<3 (: ):",
  "Oh great, the audio is OUT OF SYNC again 🙄🙄",
  "NOT BAD AT ALL!!! no doubt the best 👍🏽👍🏽 ❤️",
  "f*ck you idiot, sh1t video www.spam.example http://x.example/a?b=c @someone",
  `${"word ".repeat(1200)}why? `.repeat(2),
];

function internals(text: string): unknown {
  const tokens = tokenize(text);
  const flat = flatten(text);
  const details = sentimentOfTokens(tokens, text);
  return {
    tokens,
    flat,
    details,
    lexicon: lexiconScore(tokens),
    rule: explainCategory(text, details, flat).rule,
    sparse: sparseFeatures(tokens),
    toxicSparse: toxicSparse(toxicTokens(tokens, text)),
    toxicCounts: toxicCounts(toxicTokens(tokens, text)),
    toxicProbability: toxicProbabilityOfTokens(toxicTokens(tokens, text)),
    isToxic: isToxic(text),
    concernSparse: concernSparse(flat),
    emotions: detectEmotions(text),
  };
}

async function main(): Promise<void> {
  const corpus = readCorpusComments();
  if (!corpus) {
    console.log(JSON.stringify({ skipped: "no shared datasets" }));
    return;
  }
  const texts = [...corpus, ...otherTexts(), ...EDGE_CASES];
  const batch = texts.map((text, i) => ({ id: `c${i}`, text }));
  const analyses = analyzeCommentsLocally(batch);
  // A missing text (stored data is not always what the types promise) is an empty comment.
  const missing = analyzeCommentsLocally([{ id: "none", text: undefined as unknown as string }]);

  const at = "2024-01-01T00:00:00Z";
  const comments: YouTubeComment[] = corpus.map((text, i) => ({ id: `y${i}`, author: `a${i % 997}`, text, likeCount: i % 7, replyCount: i % 3, publishedAt: at, updatedAt: at }));
  const filtered = filterComments(comments);

  const phraser = await loadNounPhraser();
  const analysed = analyses.slice(0, corpus.length).map((a, i) => ({ ...batch[i], ...a }));
  const insights = [0, 1000, 5000].map((from) => {
    const slice = analysed.slice(from, from + 1000);
    return { themes: extractThemes(slice, phraser), ideas: contentIdeas(slice, phraser) };
  });

  const report = {
    texts: texts.length,
    analysis: sha([analyses, missing]),
    internals: sha(texts.map(internals)),
    filter: sha(filtered),
    insights: sha(insights),
  };
  console.log(process.argv.includes("--json") ? JSON.stringify(report) : JSON.stringify(report, null, 2));
}

void main();
