// Noun phrases of a comment, by compromise's part-of-speech tagger (MIT): a
// theme or content idea is named after something viewers talk about
// ("acoustic panels", "ceiling treatment"), never a verb or an adjective
// ("Moved", "Worth Upgrading"). compromise costs ~0.5 s to load, so it is
// imported on first use, by the insights step only: no other function or
// step of the analysis pays for it.

export interface NounPhrase {
  /** Lower-case, as written in the comment, determiners and possessives dropped: "acoustic panels". */
  text: string;
  /** Its words. */
  words: string[];
}

export type NounPhraser = (text: string) => NounPhrase[];

type Nlp = (text: string) => { match(pattern: string): { out(format: "array"): string[] } };

// Leading words that are not part of what is talked about.
const LEADING = new Set(["the", "a", "an", "this", "that", "these", "those", "my", "your", "our", "their", "his", "her", "its", "some", "any", "every", "each", "no", "all", "more", "much", "many", "other", "another", "same", "whole", "such"]);
const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

let loading: Promise<NounPhraser> | undefined;

export function loadNounPhraser(): Promise<NounPhraser> {
  loading ??= import("compromise").then((mod) => {
    const nlp = ((mod as { default?: unknown }).default ?? mod) as Nlp;
    // Themes and content ideas read the same comments: each is tagged once.
    const memo = new Map<string, NounPhrase[]>();
    const MEMO_LIMIT = 5_000;
    return (text: string): NounPhrase[] => {
      const known = memo.get(text);
      if (known) return known;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const out: NounPhrase[] = [];
      memo.set(text, out);
      for (const raw of nlp(text).match("#Adjective? #Noun+").out("array")) {
        const words = raw
          .toLowerCase()
          .split(/\s+/)
          .map((w) => w.replace(EDGE_PUNCT, ""))
          .filter((w) => w.length > 0);
        while (words.length > 0 && LEADING.has(words[0])) words.shift();
        if (words.length > 0 && words.length <= 4) out.push({ text: words.join(" "), words });
      }
      return out;
    };
  });
  return loading;
}
