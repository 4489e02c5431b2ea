import { defineInt } from "firebase-functions/params";

/** askQuestion calls each user may make per minute: the plan quota bounds the month, this bounds bursts (unlimited plans included). */
export const ASK_QUESTIONS_PER_MINUTE = defineInt("ASK_QUESTIONS_PER_MINUTE", {
  default: 10,
  description: "askQuestion calls allowed per user per minute",
});
