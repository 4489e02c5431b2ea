// getInbox: what in an analysis still needs the creator — questions, requests,
// criticism and toxic comments — answered or not, a page at a time. A thread
// is answered when the channel replied on YouTube (seen when the analysis
// fetched the whole thread) or Lently posted a reply since (reply history);
// unanswered when the analysis read it whole and found no reply; unchecked
// when it has replies the analysis did not read (the page cap, a refusal),
// which is listed and counted apart, never as unanswered.
import { createHash } from "node:crypto";
import type { Firestore } from "firebase-admin/firestore";
import { ownedAnalysis, storedComments, type AnalysisRef } from "../analysis/ownedAnalysis";
import { attentionKinds } from "../ai/needsAnswer";
import type { StoredComment } from "../analysis/commentRecords";
import type { INBOX_ORDERS, INBOX_STATUSES } from "../contracts/inbox";
import { INBOX_KINDS, type InboxKind } from "../domain/filters";
import { invalidArgument } from "../core/errors";
import { postedReplies, type PostedReply } from "./replyHistory";

export type InboxInput = AnalysisRef & {
  kinds?: InboxKind[];
  status?: (typeof INBOX_STATUSES)[number];
  order?: (typeof INBOX_ORDERS)[number];
  cursor?: string;
  limit?: number;
};

/** Quality's per-comment toxicity, when the analysis has it. */
type InboxComment = StoredComment & { toxic?: boolean };

export const kindsOf = (c: InboxComment): InboxKind[] => attentionKinds(c);

interface Row {
  comment: InboxComment;
  kinds: InboxKind[];
  answered: boolean;
  /** false: the thread has replies the analysis did not read, and Lently posted none. */
  checked: boolean;
  answeredVia: "youtube" | "lently" | null;
  reply?: PostedReply;
}

interface Cursor {
  /** Which listing it belongs to (analysis + filters). */
  q: string;
  /** The last row's sort value and id. */
  v: number;
  id: string;
}

const sortValue = (row: Row, order: "likes" | "recent") => (order === "likes" ? row.comment.likeCount : Date.parse(row.comment.publishedAt) || 0);

function compare(order: "likes" | "recent") {
  return (a: Row, b: Row) => sortValue(b, order) - sortValue(a, order) || (a.comment.id < b.comment.id ? -1 : a.comment.id > b.comment.id ? 1 : 0);
}

function decodeCursor(cursor: string, listing: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Cursor;
    if (value.q === listing && typeof value.v === "number" && typeof value.id === "string") return value;
  } catch {
    /* fall through */
  }
  throw invalidArgument("cursor", "is not a cursor of this listing (same analysis, kinds, status and order)");
}

export async function getInbox(db: Firestore, uid: string, input: InboxInput) {
  const kinds = input.kinds?.length ? [...new Set(input.kinds)] : [...INBOX_KINDS];
  const status = input.status ?? "unanswered";
  const order = input.order ?? "likes";
  const limit = input.limit ?? 20;
  const analysis = await ownedAnalysis(db, uid, input.analysisId !== undefined ? { analysisId: input.analysisId } : { videoId: input.videoId });
  const [comments, posted] = await Promise.all([storedComments(db, analysis.id), postedReplies(db, uid, analysis.videoId)]);

  const rows: Row[] = [];
  const counts = { unanswered: { question: 0, request: 0, criticism: 0, toxic: 0 }, unchecked: { question: 0, request: 0, criticism: 0, toxic: 0 }, answered: 0 };
  for (const comment of comments as InboxComment[]) {
    const own = kindsOf(comment);
    if (own.length === 0) continue;
    const reply = posted.get(comment.id);
    const answered = comment.answeredByOwner === true || reply !== undefined;
    const checked = answered || comment.repliesUnchecked !== true;
    if (answered) counts.answered += 1;
    else for (const k of own) counts[checked ? "unanswered" : "unchecked"][k] += 1;
    if (!own.some((k) => kinds.includes(k))) continue;
    const rowStatus = answered ? "answered" : checked ? "unanswered" : "unchecked";
    if (status !== "all" && status !== rowStatus) continue;
    rows.push({ comment, kinds: own, answered, checked, answeredVia: comment.answeredByOwner ? "youtube" : reply ? "lently" : null, reply });
  }
  rows.sort(compare(order));

  const listing = createHash("sha256").update(JSON.stringify([analysis.id, [...kinds].sort(), status, order])).digest("base64url").slice(0, 16);
  let start = 0;
  if (input.cursor) {
    const after = decodeCursor(input.cursor, listing);
    const cmp = compare(order);
    const marker = { comment: { id: after.id, likeCount: after.v, publishedAt: new Date(after.v).toISOString() } } as Row;
    // Keyset paging: the first row after the last one served, even if rows changed status since.
    start = rows.findIndex((r) => cmp(marker, r) < 0);
    if (start < 0) start = rows.length;
  }
  const page = rows.slice(start, start + limit);
  const last = page.at(-1);
  const nextCursor =
    last && start + limit < rows.length ? Buffer.from(JSON.stringify({ q: listing, v: sortValue(last, order), id: last.comment.id } satisfies Cursor)).toString("base64url") : null;

  return {
    analysisId: analysis.id,
    videoId: analysis.videoId,
    items: page.map(({ comment: c, kinds: own, answered, checked, answeredVia, reply }) => ({
      commentId: c.id,
      author: c.author,
      text: c.text,
      likeCount: c.likeCount,
      replyCount: c.replyCount,
      publishedAt: c.publishedAt,
      category: c.category,
      sentiment: c.sentiment,
      language: c.language ?? null,
      kinds: own,
      answered,
      checked,
      answeredVia,
      ownerRepliedAt: c.ownerRepliedAt ?? (reply ? reply.postedAt.toDate().toISOString() : null),
      reply: reply ? { replyId: reply.replyId, text: reply.text, postedAt: reply.postedAt.toDate().toISOString() } : null,
    })),
    counts,
    total: rows.length,
    nextCursor,
  };
}
