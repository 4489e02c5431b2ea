// Every callable's request and response, as zod schemas and TypeScript types:
// the one contract between these functions and the web app. The functions
// validate requests with these schemas, the tests parse every response with
// them, and README's function reference is generated from this registry
// (tools/contracts-doc.ts). Function files never import this registry: each
// loads its feature's module on first call (`contractOf`, core/callable.ts),
// so lib/index.js builds no schema (test/core/coldstart.test.ts). The web app imports it as
// `lently-functions/contracts` (package "exports"); it loads zod and nothing
// of firebase-functions or firebase-admin (a test checks).
//
// Adding a callable: its schemas in its feature's file here, then one line in
// `callables` below.
import type { z } from "zod";
import * as analysis from "./analysis";
import * as ask from "./ask";
import * as billing from "./billing";
import * as inbox from "./inbox";
import * as notifications from "./notifications";
import * as replies from "./replies";
import * as rules from "./rules";
import * as sync from "./sync";
import * as users from "./users";
import * as youtube from "./youtube";

export interface CallableContract {
  request: z.ZodType;
  response: z.ZodType;
  /** Streaming callables: what `.stream()` yields before the result. */
  chunk?: z.ZodType;
  /** One line for the README's function reference. */
  summary: string;
}

export const callables = {
  getMe: { request: users.getMeRequest, response: users.getMeResponse, summary: "The caller's profile and usage; creates both on the first call." },
  updateProfile: { request: users.updateProfileRequest, response: users.updateProfileResponse, summary: "Changes display name and/or photo URL." },
  updateSettings: { request: users.updateSettingsRequest, response: users.updateSettingsResponse, summary: "Patches settings (nested objects partial); returns them whole." },
  getUsage: { request: users.getUsageRequest, response: users.getUsageResponse, summary: "Usage this period against the plan's limits." },
  deleteAccount: { request: users.deleteAccountRequest, response: users.deleteAccountResponse, summary: "Removes every document the user owns and the Auth user; idempotent." },
  getVideo: { request: youtube.getVideoRequest, response: youtube.getVideoResponse, summary: "Video metadata (cached), with the YouTube units spent." },
  validateVideo: { request: youtube.validateVideoRequest, response: youtube.validateVideoResponse, summary: "Whether the video can be analysed on the caller's plan, and whether its comments would be cut." },
  fetchComments: { request: youtube.fetchCommentsRequest, response: youtube.fetchCommentsResponse, summary: "High-value comments (spam removed, ranked) within the plan's limit." },
  startAnalysis: { request: analysis.startAnalysisRequest, response: analysis.startAnalysisResponse, summary: "Checks quota and video, writes the job; watch analysis_jobs/{jobId}." },
  getAnalysis: { request: analysis.getAnalysisRequest, response: analysis.getAnalysisResponse, summary: "One analysis (owner only), optionally with its comments." },
  getAnalysisHistory: { request: analysis.getAnalysisHistoryRequest, response: analysis.getAnalysisHistoryResponse, summary: "The caller's analyses, newest first, paged." },
  cancelAnalysis: { request: analysis.cancelAnalysisRequest, response: analysis.cancelAnalysisResponse, summary: "Ends a pending job at once, a running one at its next step." },
  askQuestion: { request: ask.askQuestionRequest, response: ask.askQuestionResponse, chunk: ask.askQuestionChunk, summary: "Answers a question about an analysis with cited comments; streams the answer with `.stream()`." },
  getConversations: { request: ask.getConversationsRequest, response: ask.getConversationsResponse, summary: "Ask AI conversations, newest first, paged." },
  getConversation: { request: ask.getConversationRequest, response: ask.getConversationResponse, summary: "One conversation with all its messages." },
  getSuggestedQuestions: { request: ask.getSuggestedQuestionsRequest, response: ask.getSuggestedQuestionsResponse, summary: "4–6 questions tailored to an analysis." },
  getAskQuota: { request: ask.getAskQuotaRequest, response: ask.getAskQuotaResponse, summary: "Ask AI questions used and left this period." },
  generateReplies: { request: replies.generateRepliesRequest, response: replies.generateRepliesResponse, summary: "Drafts 1–5 replies to a comment in a tone; rate-limited per user." },
  getCheckoutCustomer: {
    request: billing.getCheckoutCustomerRequest,
    response: billing.getCheckoutCustomerResponse,
    summary: "The caller's Paddle customer (got or created through the Paddle API, mapped by the server) for Paddle.js; needs a verified email.",
  },
  getBillingInfo: { request: billing.getBillingInfoRequest, response: billing.getBillingInfoResponse, summary: "Plan, usage, subscription and the plan table." },
  checkQuota: { request: billing.checkQuotaRequest, response: billing.checkQuotaResponse, summary: "Whether `amount` more of a usage type fits the plan." },
  getUsageAnalytics: { request: billing.getUsageAnalyticsRequest, response: billing.getUsageAnalyticsResponse, summary: "Usage vs limits, projection, warnings, recommended plan, daily trends." },
  adminResetUsage: { request: billing.adminResetUsageRequest, response: billing.adminResetUsageResponse, summary: "Admin claim: resets one user's usage, or every due user's." },
  listUsersDueReset: { request: billing.listUsersDueResetRequest, response: billing.listUsersDueResetResponse, summary: "Admin claim: users whose usage period has ended, paged." },
  connectYouTubeChannel: {
    request: inbox.connectYouTubeChannelRequest,
    response: inbox.connectYouTubeChannelResponse,
    summary: "Exchanges the web app's OAuth code (with its PKCE verifier, scope youtube.force-ssl) and connects the channel; the refresh token is sealed server-side, never returned.",
  },
  disconnectYouTubeChannel: {
    request: inbox.disconnectYouTubeChannelRequest,
    response: inbox.disconnectYouTubeChannelResponse,
    summary: "Revokes the channel's refresh token at Google and deletes it with the profile's channel.",
  },
  getInbox: {
    request: inbox.getInboxRequest,
    response: inbox.getInboxResponse,
    summary: "An analysis' questions, requests, criticism and toxic comments, unanswered (default), answered, unchecked (threads not read whole) or all, by likes or recent, cursor-paged; owner only.",
  },
  postReply: {
    request: inbox.postReplyRequest,
    response: inbox.postReplyResponse,
    summary: "Posts a reply from the connected channel on its own video (comments.insert, 50 units); a second reply to a comment is refused unless `force`; `dryRun` spends nothing.",
  },
  moderateComments: {
    request: inbox.moderateCommentsRequest,
    response: inbox.moderateCommentsResponse,
    summary: "Publishes, holds or rejects up to 50 comments of the connected channel (comments.setModerationStatus, 50 units a call); `banAuthor` with reject.",
  },
  getHeldComments: {
    request: inbox.getHeldCommentsRequest,
    response: inbox.getHeldCommentsResponse,
    summary: "The connected channel's heldForReview and likelySpam comments, each with Lently's spam verdict and reason and a suggested action.",
  },
  watchChannel: { request: sync.watchChannelRequest, response: sync.watchChannelResponse, summary: "Watches the connected channel (every video): synced on the plan's cadence (docs/channel.md)." },
  watchVideo: { request: sync.watchVideoRequest, response: sync.watchVideoResponse, summary: "Watches one public video by URL or id, within the plan's watched videos." },
  unwatch: { request: sync.unwatchRequest, response: sync.unwatchResponse, summary: "Stops watching a source; its synced comments and aggregates stay." },
  getWatched: { request: sync.getWatchedRequest, response: sync.getWatchedResponse, summary: "The caller's watched sources, the plan's limits and the synced-comments allowance left." },
  getChannelOverview: {
    request: sync.getChannelOverviewRequest,
    response: sync.getChannelOverviewResponse,
    summary: "The channel over a range (≤ 92 days): day or week periods, per-video figures and what the last sync changed, open questions; from stored aggregates, bounded reads.",
  },
  getTopCommenters: {
    request: sync.getTopCommentersRequest,
    response: sync.getTopCommentersResponse,
    summary: "The people who comment most across the channel's videos (count, likes, first/last seen, sentiment, answered), cursor-paged.",
  },
  getRules: { request: rules.getRulesRequest, response: rules.getRulesResponse, summary: "The creator's rules in priority order (first match wins) and whether automation is paused." },
  saveRule: {
    request: rules.saveRuleRequest,
    response: rules.saveRuleResponse,
    summary: "Creates or replaces a rule (condition, action, mode auto or approve); patterns run on RE2 within bounds; saving a paused rule resumes it.",
  },
  deleteRule: { request: rules.deleteRuleRequest, response: rules.deleteRuleResponse, summary: "Deletes one rule." },
  reorderRules: { request: rules.reorderRulesRequest, response: rules.reorderRulesResponse, summary: "Sets the rules' priority order (every rule named once)." },
  setAutomation: { request: rules.setAutomationRequest, response: rules.setAutomationResponse, summary: "The kill switch: `paused: true` stops every automated rule action at once." },
  testRule: {
    request: rules.testRuleRequest,
    response: rules.testRuleResponse,
    summary: "Dry run of a rule over an analysis or a sample: the matches, why each matched, what it would post; no YouTube unit spent.",
  },
  replayRules: {
    request: rules.replayRulesRequest,
    response: rules.replayRulesResponse,
    summary: "Applies the current rules to a video's stored comments (its latest analysis, or the one named): actions, pending approvals, skips.",
  },
  getPendingActions: { request: rules.getPendingActionsRequest, response: rules.getPendingActionsResponse, summary: "Rule actions waiting for the creator's approval, oldest first." },
  approveActions: {
    request: rules.approveActionsRequest,
    response: rules.approveActionsResponse,
    summary: "Approves pending actions (a reply may be edited first); each is carried out exactly once, a second approval does nothing.",
  },
  rejectActions: { request: rules.rejectActionsRequest, response: rules.rejectActionsResponse, summary: "Rejects pending actions: nothing is posted." },
  getRuleLog: { request: rules.getRuleLogRequest, response: rules.getRuleLogResponse, summary: "The audit log: every rule action taken or skipped, with the reason, who approved it and the units spent." },
  markNotifications: {
    request: notifications.markNotificationsRequest,
    response: notifications.markNotificationsResponse,
    summary: "Marks the caller's notifications (users/{uid}/notifications, listened to by the web app) read or unread: `ids` or `all: true`; `read` defaults to true.",
  },
  addWebhook: {
    request: notifications.addWebhookRequest,
    response: notifications.addWebhookResponse,
    summary: "Adds an outgoing webhook (Slack incoming webhook or any https endpoint, signed): the URL must resolve to public addresses only; a generic endpoint's signing secret is returned this once.",
  },
  removeWebhook: { request: notifications.removeWebhookRequest, response: notifications.removeWebhookResponse, summary: "Removes one of the caller's webhooks." },
} satisfies Record<string, CallableContract>;

export type CallableName = keyof typeof callables;
/** What the web app sends (before defaults are applied). */
export type RequestOf<N extends CallableName> = z.input<(typeof callables)[N]["request"]>;
/** What the callable returns. */
export type ResponseOf<N extends CallableName> = z.output<(typeof callables)[N]["response"]>;
export type AskQuestionChunk = z.output<typeof ask.askQuestionChunk>;

export * from "./analysis";
export * from "./ask";
export * from "./billing";
export * from "./inbox";
export * from "./notifications";
export * from "./replies";
export * from "./rules";
export * from "./sync";
export * from "./shared";
export * from "./users";
export * from "./youtube";
