// What a rule's action would do to one comment, in words (the tester, the
// pending queue) and the reply text it would post.
import type { RuleAction } from "../contracts/rules";
import type { RuleComment } from "./comment";
import { renderTemplate } from "./template";

export const isReply = (a: RuleAction): a is Extract<RuleAction, { type: "reply_template" | "reply_ai" }> => a.type === "reply_template" || a.type === "reply_ai";

export function templateReply(action: Extract<RuleAction, { type: "reply_template" }>, c: RuleComment, videoTitle: string): string {
  return renderTemplate(action.template, { author: c.author, videoTitle });
}

export function describeAction(action: RuleAction, reply?: string): string {
  switch (action.type) {
    case "reply_template":
    case "reply_ai":
      return reply !== undefined ? `reply: ${reply}` : `reply with an AI draft in a ${action.type === "reply_ai" ? action.tone : ""} tone`;
    case "hold":
      return "hold for review";
    case "reject":
      return action.banAuthor ? "reject and ban the author" : "reject";
    case "add_to_list":
      return `add the author to your ${action.list} list`;
    case "notify":
      return "notify you";
  }
}

/** Why a matched comment is still not acted on, or null. */
export function skipReason(c: RuleComment): string | null {
  if (c.byOwner) return "your own comment";
  if (c.answered) return "thread already answered";
  return null;
}
