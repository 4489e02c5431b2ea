// YouTube units to list 1,000 comments in each order, measured against the
// stand-in (which serves ~20 threads a page for order=time, as YouTube does
// since late 2023, and 100 for relevance), beside the service's own estimate.
import { corpusAvailable, corpusVideoId, FIXTURE_IDS } from "../standins/fixtures";

export interface OrderUnits {
  units: number;
  pages: number;
  comments: number;
  estimatedUnits: number;
}

export async function benchYouTubeUnitsByOrder(comments = 1_000): Promise<{ video: string; comments: number; relevance: OrderUnits; time: OrderUnits }> {
  const [{ createYouTubeLists }, { YouTubeService, estimateCommentUnits }] = await Promise.all([
    import("../../functions/src/youtube/client"),
    import("../../functions/src/youtube/service"),
  ]);
  const youtube = new YouTubeService(await createYouTubeLists({ apiKey: process.env.YOUTUBE_API_KEY!, rootUrl: process.env.YOUTUBE_API_ROOT_URL! }));
  // The corpus video when the shared datasets are here; the generated 1,050-thread fixture otherwise.
  const video = corpusAvailable() ? corpusVideoId(comments) : FIXTURE_IDS.pagination;
  const measure = async (order: "relevance" | "time"): Promise<OrderUnits> => {
    const page = await youtube.fetchCommentThreads(video, { limit: comments, order });
    return { units: page.units, pages: page.pages, comments: page.comments.length, estimatedUnits: estimateCommentUnits(comments, order) };
  };
  return { video, comments, relevance: await measure("relevance"), time: await measure("time") };
}
