// Links in comment text, written plainly or obfuscated to dodge YouTube's own
// link filter ("site . com", "bit ly/x", "you[tube]"), and the YouTube video
// each one points at, so links to the video itself (timestamps, shares) are not spam.

// All patterns run on lower-cased, normalised text.
const LINK_PATTERNS: readonly RegExp[] = [
  /(?:https?:\/\/|www\.)[^\s<>"'()]+/,
  // Bare domains with a TLD that is not also an English word or common abbreviation.
  /\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|ru|de|br|pl|uk|fr|nl|es|pt|ws|tk|xyz|site|online|shop|store|club|top|blog)\b(?:\/\S*)?/,
  // Short TLDs that double as words ("go.to", "me.me") count only with a path: "tsu.co/name", "bit.ly/x".
  /\b[a-z0-9][a-z0-9-]*\.(?:co|me|to|ly|gl|tv|fm|cc|be|io|gg|us|in|it|link|app)\/[^\s]+/,
  // Spaced or spelled-out dots: "kidsmedia . com", "site(dot)com", "tv. mtvema. com".
  /\b[a-z0-9][a-z0-9-]{2,}\s*(?:\s\.|\.\s|\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s*(?:com|net|org|co|tv|ly)\b/,
  /\b(?:bit|goo|tinyurl|adf|ow)\s+\.?\s*(?:ly|gl|com)\s*\/\s*\w/,
  // Channel paths and bracketed brand names: "youtube/someone", "you[tube] channel".
  /\byou\s*tube\s*(?:\.\s*com\s*)?\/\s*(?:user\/|channel\/|c\/|@)?[a-z0-9_-]{3,}/,
  /\byou\s*[[(]\s*tube\s*[\])]/,
  // A pasted watch path without the domain: "/watch?v=abc".
  /(?:^|[\s/])watch\?v=[a-z0-9_-]{11}/,
];

const VIDEO_ID = /(?:youtu\.be\/|[?&]v=|\/embed\/|\/shorts\/|\/live\/)([a-z0-9_-]{11})(?![a-z0-9_-])/g;
// Encyclopaedic references are not promotion (judged by the host, not a redirect's parameters).
const REFERENCE_DOMAIN = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*wiki(?:pedia|media|quote)\.org(?:[/?#]|$)/;

function videoIdOf(link: string): string | undefined {
  VIDEO_ID.lastIndex = 0;
  const m = VIDEO_ID.exec(link);
  return m ? m[1] : undefined;
}

/**
 * The first link in `lower` that points somewhere other than the video itself
 * (a video id in `selfVideoIds`) or an encyclopaedia; undefined if none.
 */
export function findExternalLink(lower: string, selfVideoIds?: ReadonlySet<string>): string | undefined {
  for (const pattern of LINK_PATTERNS) {
    const m = pattern.exec(lower);
    if (!m) continue;
    const link = m[0].trim();
    const id = videoIdOf(link);
    if (REFERENCE_DOMAIN.test(link) || (id !== undefined && selfVideoIds?.has(id))) {
      // Benign (the video itself, an encyclopaedia): look again without it for any other link.
      return findExternalLink(lower.slice(0, m.index) + " " + lower.slice(m.index + m[0].length), selfVideoIds);
    }
    return link;
  }
  return undefined;
}

/** YouTube video ids linked in `lower` (lower-cased ids). */
export function linkedVideoIds(lower: string): string[] {
  if (!lower.includes("v=") && !lower.includes("youtu.be/") && !lower.includes("/embed/") && !lower.includes("/shorts/") && !lower.includes("/live/")) {
    return [];
  }
  const ids: string[] = [];
  for (const m of lower.matchAll(VIDEO_ID)) ids.push(m[1]);
  return ids;
}
