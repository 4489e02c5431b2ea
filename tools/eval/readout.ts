// What the local provider tells a creator about real videos, to read as a
// creator would: per video, the themes, content ideas, summary and the Ask AI
// answers to a fixed set of typical questions, run the deployed way (spam
// filter → per-comment analysis → insights → summary; Ask AI through the same
// retrieval, context and answer check as askQuestion). Prints text; nothing is
// scored. Reads ../shared/datasets in place; without it, says so.
//
//   node --import tsx tools/eval/readout.ts [demo|concerns|spam|corpus|all] [--video ID] [--corpus-videos N] [--json]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeCommentsLocally } from "../../functions/src/ai/local/analyze";
import { LocalProvider } from "../../functions/src/ai/local/provider";
import { summarizeClassification, summarizeSentiment } from "../../functions/src/ai/summaries";
import type { AskAnswer, ExecutiveSummary, Insights } from "../../functions/src/ai/types";
import { resolveInsights, resolveSummary, joinAnalyses, shortId } from "../../functions/src/analysis/commentRecords";
import { buildAskInput, resolveAnswer, type CheckedAnswer } from "../../functions/src/ask/context";
import { retrieve } from "../../functions/src/ask/retrieval";
import { ASK_TOP_K } from "../../functions/src/ask/service";
import { filterComments } from "../../functions/src/youtube/quality/filter";
import type { YouTubeComment } from "../../functions/src/youtube/types";
import { parseCsvRecords } from "../csv";
import { findFixture, FIXTURE_IDS } from "../standins/fixtures";
import { readConcernVideos, readSpamVideos, SHARED_DATASETS } from "./datasets";

/** The questions a creator typically asks, plus a word no comment uses and an empty-ish one. */
export const CREATOR_QUESTIONS = [
  "What do viewers want next?",
  "What are people confused about?",
  "What do they complain about?",
  "Which comments should I reply to first?",
  "Did anyone mention the audio?",
  "What do they say about the zebra?",
  "??",
];

export interface ReadoutVideo {
  set: string;
  id: string;
  title: string;
  comments: YouTubeComment[];
}

const AT = "2024-01-01T00:00:00Z";
const asComment = (id: string, text: string, likeCount = 0): YouTubeComment => ({ id, author: `viewer-${id}`, text, likeCount, replyCount: 0, publishedAt: AT, updatedAt: AT });

function concernVideos(): ReadoutVideo[] {
  const dir = join(SHARED_DATASETS, "comment-concerns");
  if (!existsSync(dir)) return [];
  return readConcernVideos(dir).map((v) => ({
    set: "comment-concerns",
    id: v.id,
    title: "A coding tutorial",
    comments: [...v.concerns, ...v.others].map((text, i) => asComment(`${v.id}-${i}`, text)),
  }));
}

/** The demo's video, as the YouTube stand-in serves it to `npm run demo` (no stack needed here). */
function demoVideo(): ReadoutVideo[] {
  const video = findFixture(FIXTURE_IDS.demo);
  if (!video) return [];
  const comments = video.comments().map(({ id, author, text, likeCount, replyCount, publishedAt, updatedAt }) => ({ id, author, text, likeCount, replyCount, publishedAt, updatedAt }));
  return [{ set: "demo", id: video.id, title: video.title, comments }];
}

function spamVideos(): ReadoutVideo[] {
  const dir = join(SHARED_DATASETS, "youtube-spam");
  if (!existsSync(dir)) return [];
  return readSpamVideos(dir).map((v) => ({ set: "youtube-spam", id: v.id, title: v.id.replace(/\.csv$/, ""), comments: v.comments.map((c) => c.comment) }));
}

/** Every `stride`-th video of the corpus (ten comments each), so the sample spans its topics. */
function corpusVideos(count: number): ReadoutVideo[] {
  const dir = join(SHARED_DATASETS, "yt-comments-corpus");
  if (!existsSync(join(dir, "comments.csv"))) return [];
  const titles = new Map<string, string>();
  if (existsSync(join(dir, "videos-stats.csv"))) {
    for (const r of parseCsvRecords(readFileSync(join(dir, "videos-stats.csv"), "utf8"))) titles.set(r["Video ID"] ?? "", `${r.Title ?? ""} [${r.Keyword ?? ""}]`);
  }
  const byVideo = new Map<string, YouTubeComment[]>();
  for (const r of parseCsvRecords(readFileSync(join(dir, "comments.csv"), "utf8"))) {
    const id = r["Video ID"] ?? "";
    const list = byVideo.get(id) ?? [];
    list.push(asComment(`${id}-${list.length}`, r.Comment ?? "", Math.round(Number(r.Likes) || 0)));
    byVideo.set(id, list);
  }
  const ids = [...byVideo.keys()];
  const stride = Math.max(1, Math.floor(ids.length / Math.max(1, count)));
  return ids
    .filter((_, i) => i % stride === 0)
    .slice(0, count)
    .map((id) => ({ set: "yt-comments-corpus", id, title: titles.get(id) ?? id, comments: byVideo.get(id)! }));
}

export interface Readout {
  video: Pick<ReadoutVideo, "set" | "id" | "title">;
  kept: number;
  removed: number;
  insights: Insights;
  summary: ExecutiveSummary;
  answers: Array<{ question: string } & CheckedAnswer>;
}

/** One video through the local provider the way an analysis and askQuestion run it. */
export async function readout(video: ReadoutVideo, questions: readonly string[] = CREATOR_QUESTIONS): Promise<Readout> {
  const provider = new LocalProvider();
  const filtered = filterComments(video.comments);
  const analyses = analyzeCommentsLocally(filtered.kept.map((c, i) => ({ id: shortId(i), text: c.text })));
  const { stored, analysed } = joinAnalyses(filtered.kept, analyses);
  const base = { video: { id: video.id, title: video.title }, comments: analysed, sentiment: summarizeSentiment(analysed), classification: summarizeClassification(analysed) };
  const insights = (await provider.generateInsights(base)).value;
  const summary = (await provider.summarize({ ...base, insights })).value;
  const resolved = resolveInsights(insights, stored);
  const analysis = {
    id: video.id,
    userId: "readout",
    videoId: video.id,
    video: { id: video.id, title: video.title, thumbnail: null },
    results: { sentiment: base.sentiment, classification: base.classification, insights: resolved },
  };
  const answers: Readout["answers"] = [];
  for (const question of questions) {
    const retrieved = retrieve(question, stored, { k: ASK_TOP_K, filter: "all" });
    const context = buildAskInput(question, analysis, retrieved, [], stored);
    const answer: AskAnswer = (await provider.answerQuestion(context.input)).value;
    answers.push({ question, ...resolveAnswer(answer, context.byShortId) });
  }
  return { video, kept: filtered.kept.length, removed: filtered.removed.length, insights: resolved, summary: resolveSummary(summary, stored), answers };
}

function print(r: Readout, texts: Map<string, string>): void {
  const cite = (ids: string[]) => ids.slice(0, 3).map((id) => `      · ${(texts.get(id) ?? `?${id}`).replace(/\s+/g, " ").slice(0, 110)}`).join("\n");
  console.log(`\n=== ${r.video.set} ${r.video.id} — ${r.video.title} (${r.kept} kept, ${r.removed} removed)`);
  console.log("themes:");
  for (const t of r.insights.themes) console.log(`  - ${t.name} [${t.sentiment}, ${t.mentions}] ${t.description}\n${cite(t.commentIds)}`);
  console.log("content ideas:");
  for (const i of r.insights.contentIdeas) console.log(`  - ${i.title}\n      ${i.rationale}`);
  console.log(`audience: ${r.insights.audience.summary}`);
  console.log(`summary: ${r.summary.headline}\n  ${r.summary.overview}`);
  for (const a of r.summary.priorityActions) console.log(`  [${a.priority}] ${a.action} — ${a.reason}`);
  for (const a of r.answers) {
    console.log(`Q: ${a.question}\nA: ${a.answer} (confidence ${a.confidence})`);
    for (const s of a.sources.slice(0, 3)) console.log(`      · ${s.text.replace(/\s+/g, " ").slice(0, 110)}`);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const which = argv.find((a) => !a.startsWith("--") && !/^\d+$/.test(a)) ?? "all";
  const flag = (key: string) => {
    const i = argv.indexOf(key);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!existsSync(SHARED_DATASETS)) {
    console.log(`readout: ${SHARED_DATASETS} is absent; nothing to read.`);
    return;
  }
  const sets: Record<string, () => ReadoutVideo[]> = {
    demo: demoVideo,
    concerns: concernVideos,
    spam: spamVideos,
    corpus: () => corpusVideos(Number(flag("--corpus-videos") ?? 12)),
  };
  if (which !== "all" && !(which in sets)) {
    console.error(`usage: readout.ts [${Object.keys(sets).join("|")}|all] [--video ID] [--corpus-videos N] [--json]`);
    process.exit(2);
  }
  const only = flag("--video");
  const videos = (which === "all" ? Object.values(sets) : [sets[which]]).flatMap((f) => f()).filter((v) => !only || v.id === only);
  for (const video of videos) {
    const r = await readout(video);
    if (argv.includes("--json")) console.log(JSON.stringify(r));
    else print(r, new Map(video.comments.map((c) => [c.id, c.text])));
  }
}

if (require.main === module) void main();
