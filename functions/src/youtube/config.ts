import { defineInt, defineSecret, defineString } from "firebase-functions/params";

export const YOUTUBE_API_KEY = defineSecret("YOUTUBE_API_KEY");

/** The API's root; tests and the demo point it at the local stand-in. */
export const YOUTUBE_API_ROOT_URL = defineString("YOUTUBE_API_ROOT_URL", {
  default: "https://youtube.googleapis.com/",
  description: "Root URL of the YouTube Data API v3",
});

export const VIDEO_CACHE_TTL_MINUTES = defineInt("VIDEO_CACHE_TTL_MINUTES", {
  default: 60,
  description: "How long video metadata is served from the Firestore cache",
});

export const COMMENTS_CACHE_TTL_MINUTES = defineInt("COMMENTS_CACHE_TTL_MINUTES", {
  default: 360,
  description: "How long comment pages are served from the Firestore cache",
});
