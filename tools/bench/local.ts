// The local models on the real corpus, on one core: per-comment analysis
// (sentiment, emotions, category, toxicity), the spam filter (rules + learned
// model) and the insights step (noun phrases by compromise: its load once, then
// themes and content ideas over 1,000 analysed comments). Part of `npm run
// bench`; alone, without the emulators: `npm run build && node --import tsx tools/bench/local.ts`.
//
// It times the compiled functions (functions/lib, what Cloud Functions runs),
// not the TypeScript through tsx, whose getters behind every imported name
// made the same code ~7–15 % slower here.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type * as Analyze from "../../functions/src/ai/local/analyze";
import type * as NounPhrases from "../../functions/src/ai/local/nounPhrases";
import type * as Themes from "../../functions/src/ai/local/themes";
import type * as Filter from "../../functions/src/youtube/quality/filter";
import type * as NearDup from "../../functions/src/youtube/quality/nearDup";
import type * as Waves from "../../functions/src/youtube/quality/waves";
import type { YouTubeComment } from "../../functions/src/youtube/types";
import { readCorpusComments } from "./tokens";

const LIB = join(__dirname, "..", "..", "functions", "lib");

function built<T>(path: string): T {
  const file = join(LIB, `${path}.js`);
  if (!existsSync(file)) throw new Error(`bench local: ${file} is missing; run \`npm run build\` first`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as T;
}

const { analyzeCommentsLocally } = built<typeof Analyze>("ai/local/analyze");
const { loadNounPhraser } = built<typeof NounPhrases>("ai/local/nounPhrases");
const { contentIdeas, extractThemes } = built<typeof Themes>("ai/local/themes");
const { filterComments } = built<typeof Filter>("youtube/quality/filter");
const { bandKeys } = built<typeof NearDup>("youtube/quality/nearDup");
const { WaveIndex } = built<typeof Waves>("youtube/quality/waves");

function median(run: () => void, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function benchLocalModels(corpus: string[]) {
  const batch = corpus.map((text, i) => ({ id: `c${i}`, text }));
  analyzeCommentsLocally(batch.slice(0, 500)); // warm up regexes and the JIT
  const analyseMs = median(() => analyzeCommentsLocally(batch));
  const at = "2024-01-01T00:00:00Z";
  const comments: YouTubeComment[] = corpus.map((text, i) => ({ id: `y${i}`, author: `a${i % 997}`, text, likeCount: 0, replyCount: 0, publishedAt: at, updatedAt: at }));
  filterComments(comments.slice(0, 500));
  const filterMs = median(() => filterComments(comments));
  // As on the owner's video: the channel's names, a spammer list, and a wave index of 2,000 comments from "other videos".
  const waves = new WaveIndex();
  corpus.slice(0, 2000).forEach((text, i) => waves.add(bandKeys(text.toLowerCase()), { author: `o${i % 500}`, videoId: `v${i % 9}` }));
  const channelOptions = { videoId: "benchvideo1", channelId: "UCbenchchannel", ownerNames: ["Lently Bench Channel", "@lentlybench"], knownSpammers: new Map([["a1", "banned"]]), waves };
  filterComments(comments.slice(0, 500), channelOptions);
  const channelFilterMs = median(() => filterComments(comments, channelOptions));

  const loadStart = performance.now();
  const phraser = await loadNounPhraser();
  const phraserLoadMs = performance.now() - loadStart;
  const analysed = analyzeCommentsLocally(batch.slice(0, 1000)).map((a, i) => ({ ...batch[i], ...a }));
  const insightsStart = performance.now();
  const themes = extractThemes(analysed, phraser);
  const ideas = contentIdeas(analysed, phraser);
  const insightsMs = performance.now() - insightsStart;
  return {
    comments: batch.length,
    analysisCommentsPerSecond: Math.round(batch.length / (analyseMs / 1000)),
    filterCommentsPerSecond: Math.round(comments.length / (filterMs / 1000)),
    /** With the channel checks of the owner's video (names, spammer list, waves across videos). */
    filterWithChannelChecksCommentsPerSecond: Math.round(comments.length / (channelFilterMs / 1000)),
    /** The local provider's analysis and the spam filter (with channel checks) one after the other, as ingest and the batches run them. */
    localProviderWithFilterCommentsPerSecond: Math.round(batch.length / ((analyseMs + channelFilterMs) / 1000)),
    insights: { comments: analysed.length, phraserLoadMs: Math.round(phraserLoadMs), themesAndIdeasMs: Math.round(insightsMs), themes: themes.length, ideas: ideas.length },
  };
}

if (require.main === module) {
  const corpus = readCorpusComments();
  if (!corpus) console.log(JSON.stringify({ skipped: "no shared datasets" }));
  else void benchLocalModels(corpus).then((r) => console.log(JSON.stringify(r)));
}
