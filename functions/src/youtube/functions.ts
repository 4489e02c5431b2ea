// YouTube callables: thin adapters (auth + zod via `authed`) over ingest.ts.
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { authed } from "../core/callable";
import { db } from "../core/firebase";
import { PLANS } from "../core/plans";
import { YOUTUBE_API_KEY } from "./config";
import { checkVideo, findVideoCached, loadVideoAndComments, youtubeService } from "./ingest";
import { lookupDepsFromParams, startLookup } from "./lookups";
import { COMMENT_ORDERS } from "./service";
import { toHttpsError } from "./errors";
import { videoUrlOrIdSchema } from "./videoInput";

// The largest limit any plan allows; the caller's own plan caps it further.
const MAX_COMMENTS = Math.max(...Object.values(PLANS).map((p) => p.limits.comments_per_video));

const videoInput = z.strictObject({ videoUrlOrId: videoUrlOrIdSchema() });

const fetchInput = z.strictObject({
  videoUrlOrId: videoUrlOrIdSchema(),
  maxComments: z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_COMMENTS, `must be at most ${MAX_COMMENTS}`)
    .optional(),
  order: z.enum(COMMENT_ORDERS, { error: `must be one of: ${COMMENT_ORDERS.join(", ")}` }).optional(),
  /** Also return the comments the filter marks low-value ("first", emoji-only…); spam is never returned. */
  includeLowValue: z.boolean({ error: "must be true or false" }).optional(),
});

/** Video metadata (title, channel, duration, counts, privacy, comments on/off). */
export const getVideo = onCall(
  { secrets: [YOUTUBE_API_KEY] },
  authed(videoInput, async ({ videoUrlOrId: videoId }, { uid }) => {
    const { meter } = await startLookup(lookupDepsFromParams(db()), uid);
    const { video, cacheHit, units } = await findVideoCached(db(), await youtubeService(), { videoId, meter });
    if (!video) throw toHttpsError({ kind: "notFound" }, { videoId, attempts: 1 });
    return { video, youtubeUnits: units, cached: cacheHit };
  }),
);

/** Whether a video can be analysed on the caller's plan, and whether its comments would be cut to the plan's limit. */
export const validateVideo = onCall(
  { secrets: [YOUTUBE_API_KEY] },
  authed(videoInput, async ({ videoUrlOrId: videoId }, { uid }) => {
    const { plan, commentLimit, meter } = await startLookup(lookupDepsFromParams(db()), uid);
    return checkVideo(db(), await youtubeService(), { videoId, plan, commentLimit, meter });
  }),
);

/** The video's high-value comments (spam removed, ranked by engagement) within the caller's plan limit. */
export const fetchComments = onCall(
  { secrets: [YOUTUBE_API_KEY], timeoutSeconds: 300, memory: "512MiB" },
  authed(fetchInput, async (input, { uid }) => {
    const videoId = input.videoUrlOrId;
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
