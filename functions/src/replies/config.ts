import { defineInt } from "firebase-functions/params";

/** Reply drafts each user may request per minute (each request is one AI call). */
export const REPLIES_PER_MINUTE = defineInt("REPLIES_PER_MINUTE", {
  default: 20,
  description: "generateReplies calls allowed per user per minute",
});
