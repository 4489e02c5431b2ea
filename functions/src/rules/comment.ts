// A comment as the rules see it: its text and author, where it is, and the
// labels Lently gave it. Built from an analysis' stored comments (replay,
// testRule) or from what the channel sync brings.
import type { StoredComment } from "../analysis/commentRecords";
import type { AuthorList } from "../domain/authorLists";
import type { RuleLabel } from "../domain/ruleLimits";

export interface RuleComment {
  id: string;
  videoId: string;
  author: string;
  authorChannelId?: string;
  text: string;
  likeCount: number;
  category?: string;
  sentiment?: string;
  toxic?: boolean;
  /** Lently's spam verdict and its reason, when the comment was judged spam. */
  spamReason?: string | null;
  language?: string;
  /**
   * The confidence (0–1) of a label, when the analysis recorded one. A label
   * the analysis asserted without a confidence counts as 1: the providers
   * give verdicts, not probabilities, for these labels.
   */
  confidence?: Partial<Record<RuleLabel, number>>;
  /** Written by the channel owner: no rule ever acts on it. */
  byOwner?: boolean;
  /** The channel already answered this thread (on YouTube or through Lently). */
  answered?: boolean;
}

/** The author lists an author is on (authorLists/). */
export type ListsOf = (authorChannelId: string | undefined) => ReadonlySet<AuthorList>;

export function fromStored(c: StoredComment & { authorChannelId?: string; language?: string; spamReason?: string; confidence?: RuleComment["confidence"] }, videoId: string): RuleComment {
  return {
    id: c.id,
    videoId,
    author: c.author,
    ...(c.authorChannelId ? { authorChannelId: c.authorChannelId } : {}),
    text: c.text,
    likeCount: c.likeCount,
    category: c.category,
    sentiment: c.sentiment,
    toxic: c.toxic === true,
    spamReason: c.spamReason ?? (c.category === "spam" ? "spam" : null),
    ...(c.language ? { language: c.language } : {}),
    ...(c.confidence ? { confidence: c.confidence } : {}),
    byOwner: c.byOwner === true,
    answered: c.answeredByOwner === true,
  };
}
