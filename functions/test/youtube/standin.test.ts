// The YouTube stand-in itself (a private instance on a free port): the API
// surface it promises the service and the benchmarks.
import { expect } from "chai";
import { parseCsv, parseCsvRecords } from "../../../tools/csv";
import { corpusAvailable, corpusVideoId, createCorpusVideo, FIXTURE_IDS, findFixture } from "../../../tools/standins/fixtures";
import { startYouTubeServer, YOUTUBE_STANDIN_KEY, type YouTubeStandIn } from "../../../tools/standins/youtube";

interface ThreadList {
  kind: string;
  etag: string;
  nextPageToken?: string;
  pageInfo: { totalResults: number; resultsPerPage: number };
  items: Array<{ id: string; snippet: { totalReplyCount: number; topLevelComment: { snippet: { textDisplay: string; textOriginal: string; authorChannelId: { value: string } } } } }>;
}

interface ErrorBody {
  error: { code: number; message: string; errors: Array<{ domain: string; reason: string }>; status?: string; details?: Array<{ reason: string }> };
}

describe("tools/standins/youtube: the YouTube Data API stand-in", () => {
  let standIn: YouTubeStandIn;
  const get = async <T>(path: string, params: Record<string, string | number>): Promise<{ status: number; body: T }> => {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
    const res = await fetch(`${standIn.url}${path}?${query.toString()}`);
    return { status: res.status, body: (await res.json()) as T };
  };
  const threads = (params: Record<string, string | number>) =>
    get<ThreadList & ErrorBody>("/youtube/v3/commentThreads", { part: "snippet", key: YOUTUBE_STANDIN_KEY, ...params });

  before(async () => {
    standIn = await startYouTubeServer(0);
  });
  after(() => standIn.close());

  it("pages with the real shape: default maxResults 20, nextPageToken, totalResults of the page", async () => {
    const { status, body } = await threads({ videoId: FIXTURE_IDS.pagination });
    expect(status).to.equal(200);
    expect(body.kind).to.equal("youtube#commentThreadListResponse");
    expect(body.items).to.have.length(20);
    expect(body.pageInfo).to.deep.equal({ totalResults: 20, resultsPerPage: 20 });
    expect(body.nextPageToken).to.be.a("string");
    const next = await threads({ videoId: FIXTURE_IDS.pagination, pageToken: body.nextPageToken! });
    expect(next.body.items[0].id).not.to.equal(body.items[0].id);
  });

  it("maxResults above 100, a bad order and a foreign page token are 400s", async () => {
    const tooMany = await threads({ videoId: FIXTURE_IDS.pagination, maxResults: 101 });
    expect(tooMany.status).to.equal(400);
    expect((await threads({ videoId: FIXTURE_IDS.pagination, order: "best" })).status).to.equal(400);
    const first = await threads({ videoId: FIXTURE_IDS.pagination, order: "time" });
    const foreign = await threads({ videoId: FIXTURE_IDS.demo, order: "time", pageToken: first.body.nextPageToken! });
    expect(foreign.status).to.equal(400);
    expect(foreign.body.error.errors[0].reason).to.equal("invalidPageToken");
  });

  it("textFormat=html escapes and links; plainText returns the text as written", async () => {
    const all = async (textFormat: string) => {
      const items: ThreadList["items"] = [];
      let pageToken: string | undefined;
      do {
        const page = await threads({ videoId: FIXTURE_IDS.demo, maxResults: 100, order: "time", textFormat, ...(pageToken ? { pageToken } : {}) });
        items.push(...page.body.items);
        pageToken = page.body.nextPageToken;
      } while (pageToken);
      return items;
    };
    const [html, plain] = [await all("html"), await all("plainText")];
    expect(html).to.have.length(plain.length);
    const withLink = plain.findIndex((t) => t.snippet.topLevelComment.snippet.textOriginal.includes("https://"));
    expect(withLink).to.be.at.least(0);
    expect(html[withLink].snippet.topLevelComment.snippet.textDisplay).to.contain("<a href=");
    expect(plain[withLink].snippet.topLevelComment.snippet.textDisplay).to.equal(plain[withLink].snippet.topLevelComment.snippet.textOriginal);
    const withQuote = plain.findIndex((t) => t.snippet.topLevelComment.snippet.textOriginal.includes("'"));
    expect(html[withQuote].snippet.topLevelComment.snippet.textDisplay).to.contain("&#39;");
    for (const t of plain) expect(t.snippet.topLevelComment.snippet.authorChannelId.value).to.match(/^UC/);
  });

  it("answers with Google's error bodies", async () => {
    const missingKey = await get<ErrorBody>("/youtube/v3/videos", { part: "snippet", id: FIXTURE_IDS.demo });
    expect(missingKey.status).to.equal(403);
    const badKey = await get<ErrorBody>("/youtube/v3/videos", { part: "snippet", id: FIXTURE_IDS.demo, key: "wrong" });
    expect(badKey.status).to.equal(400);
    expect(badKey.body.error.details?.[0].reason).to.equal("API_KEY_INVALID");
    const quota = await threads({ videoId: FIXTURE_IDS.quotaExceeded });
    expect(quota.status).to.equal(403);
    expect(quota.body.error.errors[0]).to.include({ domain: "youtube.quota", reason: "quotaExceeded" });
    const disabled = await threads({ videoId: FIXTURE_IDS.commentsDisabled });
    expect(disabled.status).to.equal(403);
    expect(disabled.body.error.errors[0]).to.include({ domain: "youtube.commentThread", reason: "commentsDisabled" });
    const missing = await threads({ videoId: FIXTURE_IDS.notFound });
    expect(missing.status).to.equal(404);
    expect(missing.body.error.errors[0].reason).to.equal("videoNotFound");
    const unknownVideos = await get<{ items: unknown[] }>("/youtube/v3/videos", { part: "snippet", id: FIXTURE_IDS.notFound, key: YOUTUBE_STANDIN_KEY });
    expect(unknownVideos).to.deep.include({ status: 200 });
    expect(unknownVideos.body.items).to.deep.equal([]);
    const noPart = await threads({ videoId: FIXTURE_IDS.demo, part: "" });
    expect(noPart.status).to.equal(400);
  });

  it("flaky videos fail N times per route, and /__reset restores the budget", async () => {
    const id = "flaky503x01";
    expect((await threads({ videoId: id })).status).to.equal(503);
    expect((await threads({ videoId: id })).status).to.equal(200);
    standIn.reset();
    expect((await threads({ videoId: id })).status).to.equal(503);
  });

  it("counts every request, failed ones included, per route and per video", async () => {
    standIn.reset();
    await threads({ videoId: FIXTURE_IDS.demo });
    await threads({ videoId: FIXTURE_IDS.unavailable });
    await get("/youtube/v3/videos", { part: "snippet", id: FIXTURE_IDS.demo, key: "wrong" });
    const stats = (await get<ReturnType<YouTubeStandIn["stats"]>>("/__stats", {})).body;
    expect(stats.requests).to.deep.equal({ videos: 1, commentThreads: 2 });
    expect(stats.units).to.equal(3);
    expect(stats.byVideo[FIXTURE_IDS.demo]).to.deep.equal({ videos: 1, commentThreads: 1 });
  });

  it("the demo fixture has a few hundred varied comments, spam included", () => {
    const comments = findFixture(FIXTURE_IDS.demo)!.comments();
    expect(comments.length).to.be.within(200, 400);
    const texts = comments.map((c) => c.text);
    expect(texts.some((t) => t.includes("?"))).to.equal(true);
    expect(texts.some((t) => /whatsapp|telegram/i.test(t))).to.equal(true);
    expect(texts.some((t) => /^[\p{Extended_Pictographic}\uFE0F\s]+$/u.test(t))).to.equal(true);
    expect(new Set(comments.map((c) => c.id)).size).to.equal(comments.length);
    // Deterministic: built the same way twice.
    expect(findFixture(FIXTURE_IDS.demo)!.comments()).to.deep.equal(comments);
  });

  it("the pagination fixture has exactly 1,050 threads", () => {
    expect(findFixture(FIXTURE_IDS.pagination)!.comments()).to.have.length(1_050);
  });

  it("builds corpus bench videos of a requested size (when the shared corpus is present)", async () => {
    expect(corpusVideoId(100)).to.equal("corpus00100");
    expect(corpusVideoId(10_000)).to.equal("corpus10000");
    expect(() => corpusVideoId(10_001)).to.throw(RangeError);
    if (!corpusAvailable()) {
      // Outside this workplace the dataset is absent: the bench video simply does not exist.
      expect(createCorpusVideo(100)).to.equal(undefined);
      return;
    }
    const video = createCorpusVideo(1_000)!;
    expect(video.comments()).to.have.length(1_000);
    const page = await threads({ videoId: corpusVideoId(1_000), maxResults: 100, order: "relevance" });
    expect(page.body.items).to.have.length(100);
    const big = findFixture(corpusVideoId(10_000))!;
    expect(big.comments()).to.have.length(10_000);
    expect(new Set(big.comments().map((c) => c.text)).size).to.be.greaterThan(9_000);
  });

  it("lists the replies of a corpus video's thread through comments.list (the bench's analyses read whole threads)", async function () {
    if (!corpusAvailable()) return this.skip();
    const thread = findFixture(corpusVideoId(1_000))!.comments().find((c) => c.replyCount > 5)!;
    const { status, body } = await get<{ items: Array<{ snippet: { parentId: string } }> } & ErrorBody>("/youtube/v3/comments", {
      part: "snippet",
      key: YOUTUBE_STANDIN_KEY,
      parentId: thread.id,
      maxResults: 100,
    });
    expect(status, JSON.stringify(body.error)).to.equal(200);
    expect(body.items).to.have.length(Math.min(100, thread.replyCount));
    expect(body.items[0].snippet.parentId).to.equal(thread.id);
  });
});

describe("tools/csv", () => {
  it("parses quoted fields with commas, quotes and line breaks, CRLF, BOM and a missing final newline", () => {
    const text = '\uFEFF,Video ID,Comment,Likes\r\n0,abc,"Hello, world",5\r\n1,def,"He said ""hi""\nand left",0\n2,ghi,plain,1';
    expect(parseCsv(text)).to.deep.equal([
      ["", "Video ID", "Comment", "Likes"],
      ["0", "abc", "Hello, world", "5"],
      ["1", "def", 'He said "hi"\nand left', "0"],
      ["2", "ghi", "plain", "1"],
    ]);
    expect(parseCsvRecords(text)[1]).to.deep.equal({ "": "1", "Video ID": "def", Comment: 'He said "hi"\nand left', Likes: "0" });
  });

  it("keeps empty fields and a quoted empty last field", () => {
    expect(parseCsv('a,,c\n"",x,""\n')).to.deep.equal([
      ["a", "", "c"],
      ["", "x", ""],
    ]);
  });
});
