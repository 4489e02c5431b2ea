// YouTube callables: thin adapters (auth + zod via `authed`) over ingest.ts.
import { onCall } from "firebase-functions/v2/https";
import { authed, contractOf } from "../core/callable";
import { db } from "../core/firebase";
import { YOUTUBE_API_KEY } from "./config";
import { lazy } from "../core/lazy";
import { toHttpsError } from "./errors";

const contract = contractOf(() => import("../contracts/youtube"));
const ingest = lazy(() => import("./ingest"));
const lookups = lazy(() => import("./lookups"));

/** Video metadata (title, channel, duration, counts, privacy, comments on/off). */
export const getVideo = onCall(
  { secrets: [YOUTUBE_API_KEY] },
  authed(contract("getVideoRequest"), async ({ videoUrlOrId: videoId }, { uid }) => {
    const [{ findVideoCached, youtubeService }, { lookupDepsFromParams, startLookup }] = await Promise.all([ingest(), lookups()]);
    const { meter } = await startLookup(lookupDepsFromParams(db()), uid);
    const { video, cacheHit, units } = await findVideoCached(db(), await youtubeService(), { videoId, meter });
    if (!video) throw toHttpsError({ kind: "notFound" }, { videoId, attempts: 1 });
    return { video, youtubeUnits: units, cached: cacheHit };
  }),
);

/** Whether a video can be analysed on the caller's plan, and whether its comments would be cut to the plan's limit. */
export const validateVideo = onCall(
  { secrets: [YOUTUBE_API_KEY] },
  authed(contract("validateVideoRequest"), async ({ videoUrlOrId: videoId }, { uid }) => {
    const [{ checkVideo, youtubeService }, { lookupDepsFromParams, startLookup }] = await Promise.all([ingest(), lookups()]);
    const { plan, commentLimit, meter } = await startLookup(lookupDepsFromParams(db()), uid);
    return checkVideo(db(), await youtubeService(), { videoId, plan, commentLimit, meter });
  }),
);

/** The video's high-value comments (spam removed, ranked by engagement) within the caller's plan limit. */
export const fetchComments = onCall(
  { secrets: [YOUTUBE_API_KEY], timeoutSeconds: 300, memory: "512MiB" },
  authed(contract("fetchCommentsRequest"), async (input, { uid }) => {
    const videoId = input.videoUrlOrId;
    const [{ loadVideoAndComments, youtubeService }, { lookupDepsFromParams, startLookup }] = await Promise.all([ingest(), lookups()]);
    const { plan, commentLimit: planLimit, meter } = await startLookup(lookupDepsFromParams(db()), uid);
    const applied = Math.min(input.maxComments ?? planLimit, planLimit);
    const loaded = await loadVideoAndComments(db(), await youtubeService(), { videoId, limit: applied, order: input.order, meter });
    const { kept, counts } = loaded.filtered;
    const comments = input.includeLowValue ? kept : kept.filter((c) => !c.lowValue);
    return {
      video: loaded.video,
      comments,
      counts: {
        fetched: counts.total,
        kept: counts.kept,
        removed: counts.removed,
        lowValue: counts.lowValue,
        returned: comments.length,
        byReason: counts.byReason,
      },
      limit: {
        plan,
        commentsPerVideo: planLimit,
        requested: input.maxComments ?? null,
        applied,
        // Comments beyond `applied` exist and were not fetched.
        truncated: loaded.truncated,
        truncatedByPlan: loaded.truncated && applied === planLimit,
      },
      youtubeUnits: loaded.youtubeUnits,
      cached: loaded.cacheHits,
    };
  }),
);
