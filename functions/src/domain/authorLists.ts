// The creator's lists of comment authors, by YouTube channel id: who Lently
// holds at once (spammers), who the creator keeps out (blocked) and who they
// want to see first (vip). Plain values, so contracts, rules and services share them.
export const AUTHOR_LISTS = ["spammers", "vip", "blocked"] as const;
export type AuthorList = (typeof AUTHOR_LISTS)[number];

/** Who put an author on a list: the creator by hand, Lently's spam filter, or one of the creator's rules. */
export const AUTHOR_LIST_SOURCES = ["creator", "lently", "rule"] as const;
export type AuthorListSource = (typeof AUTHOR_LIST_SOURCES)[number];

/** The list the spam filter and the held queue read: an author on it has their next comment held. */
export const SPAMMER_LIST: AuthorList = "spammers";
