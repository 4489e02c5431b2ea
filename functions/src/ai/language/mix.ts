// An analysis' language mix: the share of each language among its comments,
// the sentiment of the commonest ones, and how many comments the provider could
// not read (the local models read English only: ai/language/detect.ts).
import { SENTIMENTS, type Sentiment } from "../../domain/labels";
import { percentages, zeroes } from "../summaries";

export interface LanguageShare {
  /** ISO 639-1 code. */
  code: string;
  /** English name ("Spanish"). */
  name: string;
  count: number;
  /** Percent of the comments whose language was determined (one decimal; all add up to 100). */
  share: number;
  /** Sentiment percentages of this language's comments, null when the provider read none of them. */
  sentiment: Record<Sentiment, number> | null;
}

export interface LanguageMix {
  /** Comments counted (refused ones included: their language is still known). */
  total: number;
  /** Too short or emoji only: no language. */
  undetermined: number;
  /** Most comments first; the sentiment is given for the first TOP_WITH_SENTIMENT. */
  languages: LanguageShare[];
  /** Comments left without a verdict because the provider cannot read their language (the local models and anything but English). */
  unread: number;
}

interface Counted {
  language?: string | null;
  sentiment: Sentiment | null;
  unread?: string;
  blocked?: boolean;
}

/** How many languages carry their sentiment split. */
export const TOP_WITH_SENTIMENT = 5;

const names = new Intl.DisplayNames(["en"], { type: "language" });

/** "es" → "Spanish"; an unknown code stays as it is. */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function summarizeLanguages(comments: readonly Counted[]): LanguageMix {
  const byCode = new Map<string, { count: number; sentiment: Record<Sentiment, number>; read: number }>();
  let undetermined = 0;
  let unread = 0;
  for (const c of comments) {
    if (c.unread) unread += 1;
    if (!c.language) {
      undetermined += 1;
      continue;
    }
    const entry = byCode.get(c.language) ?? { count: 0, sentiment: zeroes<Sentiment>(SENTIMENTS), read: 0 };
    entry.count += 1;
    if (c.sentiment && !c.blocked && !c.unread) {
      entry.sentiment[c.sentiment] += 1;
      entry.read += 1;
    }
    byCode.set(c.language, entry);
  }
  const ordered = [...byCode.entries()].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1));
  const codes = ordered.map(([code]) => code);
  const shares = percentages(Object.fromEntries(ordered.map(([code, e]) => [code, e.count])), codes);
  return {
    total: comments.length,
    undetermined,
    unread,
    languages: ordered.map(([code, e], rank) => ({
      code,
      name: languageName(code),
      count: e.count,
      share: shares[code],
      sentiment: rank < TOP_WITH_SENTIMENT && e.read > 0 ? percentages(e.sentiment, SENTIMENTS) : null,
    })),
  };
}
