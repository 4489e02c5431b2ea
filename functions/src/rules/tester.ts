// testRule: a dry run of one rule over an analysis' stored comments or a
// sample: which comments it matches, why, and what it would post. Nothing is
// posted or moderated and no YouTube unit is spent; an AI reply rule drafts
// replies for its first TEST_AI_DRAFTS matches (each one reply draft of the plan).
import type { RuleInput } from "../contracts/rules";
import { ownedAnalysis, storedComments } from "../analysis/ownedAnalysis";
import { TEST_AI_DRAFTS } from "../domain/ruleLimits";
import { listsOfAuthors } from "./authorLists";
import { fromStored, type RuleComment } from "./comment";
import type { RulesDeps } from "./deps";
import { describeAction, skipReason, templateReply } from "./describeAction";
import { validateRule } from "./validate";

export interface SampleComment {
  id?: string;
  text: string;
  author?: string;
  authorChannelId?: string;
  likeCount?: number;
  videoId?: string;
  category?: string;
  sentiment?: string;
  toxic?: boolean;
  language?: string;
}

export interface TestRuleInput {
  rule: RuleInput;
  analysisId?: string;
  sample?: SampleComment[];
}

function fromSample(s: SampleComment, i: number): RuleComment {
  return {
    id: s.id ?? `sample-${i}`,
    videoId: s.videoId ?? "",
    author: s.author ?? "",
    ...(s.authorChannelId ? { authorChannelId: s.authorChannelId } : {}),
    text: s.text,
    likeCount: s.likeCount ?? 0,
    ...(s.category ? { category: s.category } : {}),
    ...(s.sentiment ? { sentiment: s.sentiment } : {}),
    toxic: s.toxic === true,
    ...(s.language ? { language: s.language } : {}),
  };
}

export async function testRule(deps: Pick<RulesDeps, "db" | "draftReply">, uid: string, input: TestRuleInput) {
  const compiled = validateRule(input.rule);
  let comments: RuleComment[];
  let videoTitle = "";
  if (input.analysisId !== undefined) {
    const analysis = await ownedAnalysis(deps.db, uid, { analysisId: input.analysisId });
    videoTitle = analysis.video.title;
    comments = (await storedComments(deps.db, analysis.id)).map((c) => fromStored(c, analysis.videoId));
  } else {
    comments = (input.sample ?? []).map(fromSample);
  }
  const lists = await listsOfAuthors(deps.db, uid, comments.map((c) => c.authorChannelId));
  const { action } = input.rule;
  let aiDrafts = 0;
  const matches = [];
  for (const c of comments) {
    const reasons = compiled.match(c, lists);
    if (!reasons) continue;
    const skip = skipReason(c);
    let reply: string | undefined;
    if (action.type === "reply_template") reply = templateReply(action, c, videoTitle);
    else if (action.type === "reply_ai" && !skip && aiDrafts < TEST_AI_DRAFTS) {
      reply = await deps.draftReply(uid, { comment: { text: c.text, author: c.author }, tone: action.tone, ...(input.analysisId ? { analysisId: input.analysisId } : {}) });
      aiDrafts += 1;
    }
    matches.push({ commentId: c.id, author: c.author, text: c.text, reasons, wouldDo: describeAction(action, reply), skip });
  }
  return { checked: comments.length, matches, aiDrafts, youtubeUnits: 0 as const };
}
