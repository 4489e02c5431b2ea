// What the rules run with: Firestore, the connected channel (every post and
// moderation goes through the inbox's postReply / moderateComments), an AI
// reply drafter (the replies feature: one reply draft of the plan each), the
// clock and the safety limits.
import type { Firestore } from "firebase-admin/firestore";
import type { ReplyTone } from "../domain/labels";
import type { ChannelDeps } from "../channel/service";

export interface RulesLimits {
  /** Hours a pending action waits for approval before it expires. */
  pendingExpiryHours: number;
  /** Consecutive failed actions after which a rule pauses itself. */
  pauseAfterFailures: number;
  /** Automatic actions one run (one sync batch, one replay) may take. */
  maxActionsPerRun: number;
  /** Automatic actions a channel may take per day (UTC). */
  maxActionsPerDay: number;
}

export interface DraftRequest {
  comment: { text: string; author?: string };
  tone: ReplyTone;
  analysisId?: string;
}

export interface RulesDeps {
  db: Firestore;
  channel: ChannelDeps;
  /** One AI reply draft (counted on the plan's reply drafts). */
  draftReply: (uid: string, request: DraftRequest) => Promise<string>;
  limits: RulesLimits;
  now?: () => Date;
}

export const clock = (deps: { now?: () => Date }) => deps.now ?? (() => new Date());
