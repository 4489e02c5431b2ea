// Every deployed function, one line each. Find a function here, then open its file.
import "./core/options";

export { health } from "./health/functions";
export { getMe, updateProfile, updateSettings, getUsage, deleteAccount } from "./users/functions";
export { getVideo, fetchComments, validateVideo } from "./youtube/functions";
export { startAnalysis } from "./analysis/functions";
export { onAnalysisJobCreated } from "./analysis/functions";
export { analyzeCommentBatch, analyzeCommentBatchFree } from "./analysis/functions";
export { finalizeAnalysis } from "./analysis/functions";
export { getAnalysis, getAnalysisHistory, cancelAnalysis } from "./analysis/functions";
export { sweepStuckAnalyses } from "./analysis/functions";
export { paddleWebhook } from "./billing/functions";
export { getBillingInfo, checkQuota, getUsageAnalytics, adminResetUsage, listUsersDueReset } from "./billing/functions";
export { monthlyUsageReset, dailyUsageSnapshot } from "./billing/functions";
export { generateReplies } from "./replies/functions";
export { askQuestion, getConversations, getConversation, getSuggestedQuestions, getAskQuota } from "./ask/functions";
export { getCheckoutCustomer, paddleCustomerTask } from "./billing/functions";
export { connectYouTubeChannel, disconnectYouTubeChannel } from "./channel/functions";
export { getInbox, postReply, moderateComments, getHeldComments } from "./inbox/functions";
export { watchChannel, watchVideo, unwatch, getWatched, scheduleSyncs, syncSource, finalizeSync } from "./sync/functions";
export { getChannelOverview, getTopCommenters } from "./overview/functions";
export { getRules, saveRule, deleteRule, reorderRules, setAutomation, testRule } from "./rules/functions";
export { replayRules, getPendingActions, approveActions, rejectActions, getRuleLog, expirePendingActions } from "./rules/functions";
export { markNotifications, addWebhook, removeWebhook, onNotificationCreated, deliverWebhookTask } from "./notifications/functions";
export { alertsOnAnalysis } from "./alerts/functions";
