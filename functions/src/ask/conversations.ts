// Ask AI conversations: conversations/{id} (one per thread of questions about
// one analysis) and conversations/{id}/messages/{id} (one per answered
// question). Written only here, by the server; the owner may read them
// directly too (firestore.rules).
import { FieldValue, Timestamp, type DocumentReference, type Firestore, type Query } from "firebase-admin/firestore";
import { clip } from "../ai/prompts/fence";
import type { AiProvider, AskTurn, TokenUsage } from "../ai/types";
import { ownedDoc } from "../core/ownership";
import { toClient } from "../core/serialize";
import type { AskableAnalysis } from "../analysis/ownedAnalysis";
import type { CheckedAnswer } from "./context";
import type { ContextFilter } from "./retrieval";

export interface ConversationDoc {
  userId: string;
  analysisId: string;
  videoId: string;
  title: string;
  video: { title: string; thumbnail: string | null };
  questionCount: number;
  lastMessagePreview: string;
  createdAt: Timestamp;
  lastMessageAt: Timestamp;
}

export interface MessageDoc {
  question: string;
  answer: string;
  confidence: number;
  sources: CheckedAnswer["sources"];
  keyPoints: string[];
  followUpQuestions: string[];
  contextFilter: ContextFilter;
  provider: AiProvider["name"];
  usage: TokenUsage;
  createdAt: Timestamp;
}

const TITLE_CHARS = 80;
const PREVIEW_CHARS = 160;

export function conversationRef(db: Firestore, id: string): DocumentReference<ConversationDoc> {
  return db.doc(`conversations/${id}`) as DocumentReference<ConversationDoc>;
}

/** The caller's conversation: not-found when missing or someone else's (core/ownership ownedDoc). */
export async function ownedConversation(db: Firestore, uid: string, id: string): Promise<ConversationDoc> {
  return (await ownedDoc(conversationRef(db, id), uid, "Conversation")).data()!;
}

/** The last `turns` exchanges of a conversation, oldest first: the context a follow-up needs. */
export async function historyOf(db: Firestore, conversationId: string, turns: number): Promise<AskTurn[]> {
  const recent = await conversationRef(db, conversationId).collection("messages").orderBy("createdAt", "desc").limit(turns).get();
  return recent.docs.reverse().map((d) => ({ question: String(d.get("question")), answer: String(d.get("answer")) }));
}

export interface Exchange {
  uid: string;
  analysis: AskableAnalysis;
  /** Absent: this question starts a new conversation. */
  conversationId?: string;
  question: string;
  answer: CheckedAnswer;
  contextFilter: ContextFilter;
  provider: AiProvider["name"];
  usage: TokenUsage;
  now: Date;
}

/**
 * Stores one answered question, creating the conversation on the first one.
 * One batch, so a conversation never shows a message count its messages do
 * not have; the count is an increment, so concurrent follow-ups both count.
 */
export async function saveExchange(db: Firestore, x: Exchange): Promise<{ conversationId: string; messageId: string }> {
  const ts = Timestamp.fromDate(x.now);
  const convRef = x.conversationId ? conversationRef(db, x.conversationId) : (db.collection("conversations").doc() as DocumentReference<ConversationDoc>);
  const messageRef = convRef.collection("messages").doc();
  const { droppedSources: _dropped, ...answer } = x.answer;
  const message: MessageDoc = { question: x.question, ...answer, contextFilter: x.contextFilter, provider: x.provider, usage: x.usage, createdAt: ts };
  const preview = clip(answer.answer.replace(/\s+/g, " "), PREVIEW_CHARS);
  const batch = db.batch();
  if (x.conversationId) {
    // update() fails if the conversation was deleted meanwhile (account deletion): nothing is written then.
    batch.update(convRef, { questionCount: FieldValue.increment(1), lastMessageAt: ts, lastMessagePreview: preview });
  } else {
    batch.create(convRef, {
      userId: x.uid,
      analysisId: x.analysis.id,
      videoId: x.analysis.videoId,
      title: clip(x.question.replace(/\s+/g, " "), TITLE_CHARS),
      video: { title: x.analysis.video.title, thumbnail: x.analysis.video.thumbnail },
      questionCount: 1,
      lastMessagePreview: preview,
      createdAt: ts,
      lastMessageAt: ts,
    });
  }
  batch.create(messageRef, message);
  await batch.commit();
  return { conversationId: convRef.id, messageId: messageRef.id };
}

function conversationView(id: string, data: ConversationDoc) {
  return {
    id,
    analysisId: data.analysisId,
    videoId: data.videoId,
    title: data.title,
    video: data.video,
    questionCount: data.questionCount,
    lastMessagePreview: data.lastMessagePreview,
    createdAt: toClient(data.createdAt) as string,
    lastMessageAt: toClient(data.lastMessageAt) as string,
  };
}

/**
 * The caller's conversations, most recently active first, optionally for one
 * analysis. The cursor is the last conversation id of the previous page.
 */
export async function listConversations(db: Firestore, uid: string, options: { limit: number; cursor?: string; analysisId?: string }) {
  let query: Query = db.collection("conversations").where("userId", "==", uid);
  if (options.analysisId) query = query.where("analysisId", "==", options.analysisId);
  query = query.orderBy("lastMessageAt", "desc");
  if (options.cursor) {
    const after = await ownedDoc(conversationRef(db, options.cursor), uid, "The cursor's conversation");
    query = query.startAfter(after);
  }
  const page = await query.limit(options.limit + 1).get();
  const docs = page.docs.slice(0, options.limit);
  return {
    conversations: docs.map((d) => conversationView(d.id, d.data() as ConversationDoc)),
    nextCursor: page.docs.length > options.limit ? docs[docs.length - 1].id : null,
  };
}

/** One conversation of the caller with all its messages, oldest first. */
export async function getConversation(db: Firestore, uid: string, conversationId: string) {
  const conversation = await ownedConversation(db, uid, conversationId);
  const messages = await conversationRef(db, conversationId).collection("messages").orderBy("createdAt", "asc").get();
  return {
    conversation: conversationView(conversationId, conversation),
    messages: messages.docs.map((d) => ({ id: d.id, ...(toClient(d.data()) as Omit<MessageDoc, "createdAt"> & { createdAt: string }) })),
  };
}
