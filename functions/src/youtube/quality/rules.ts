// The content rules behind spam detection. Each names what it saw, so a
// removed comment can always be explained to the creator. Strong rules
// (weight 1) decide alone; weak ones (below 1) only in combination, because
// each is something an ordinary viewer also writes now and then.
//
// All patterns run on normalised, lower-cased text (see text.ts) and are
// compiled once, here.

import type { SpamReason } from "./reasons";

/** Reasons a comment's own words can give (links and floods are judged elsewhere). */
export type ContentReason = Exclude<SpamReason, "link" | "duplicate_flood">;

export interface ContentRule {
  reason: ContentReason;
  weight: number;
  /** What the rule saw, in words a creator understands. */
  label: string;
  pattern: RegExp;
}

// "subscribe" as a verb, with the misspellings spammers use ("suscribe",
// "subcribe", "sucscribe", "SUBSCRIB") and a few other languages; never
// "subscribed" or "subscribers" (the \b after it fails on their suffix).
const SUBSCRIBE = String.raw`(?:s+u+[bcs]{0,3}c?r+[i1]+b+e*|suscr[ií]bete|subscribirse|inscreva[- ]?se|inscreva|abonniert|abonnez[- ]?vous)`;
const PLEASE = String.raw`(?:please|pleas|pleace|plea+se|plz+|pls+|plez|pliz+|plis|plse|kindly)`;
// What a channel owner asks people to look at.
const OWN_THING = String.raw`(?:channel|chan+el+|chanel|chanell|chan|vids?|videos?|vidios?|vidz|music|songs?|sounds?|single|ep|demo|mix(?:es)?|page|profile|account|stuff|covers?|raps?|beats?|remix(?:es)?|blog|vlogs?|podcast|website|site|stream|playlist|mixtape|album|tracks?|art|artwork|drawings?|designs?|photos?|pics|animations?|gameplay|let'?s\s*plays?|tutorials?|poems?|poetry|stor(?:y|ies)|work|content|shop|store|instagram|twitter|facebook|tumblr|soundcloud|parody|clip|movie|film|book|app|game|lyrics)`;
// Own work named without a request ("my covers", "our new single"): a hint, not proof.
const OWN_WORK = String.raw`(?:channel|vids?|videos?|music|songs?|sounds?|single|ep|demo|mixtape|album|covers?|raps?|beats?|remix(?:es)?|tracks?|vlogs?|podcast|content|stuff)`;
// Adjectives that may sit between "my" and the thing: "my new gaming channel".
const OWN_ADJ = String.raw`(?:(?:new|newest|latest|first|own|original|youtube|yt|gaming|music|cover|rap|dance|funny|awesome|best|cool|little|small|short|next|recent|official|acoustic|drum|guitar|piano|shuffling|other)\s+){0,3}`;
const LOOK_VERB = String.raw`(?:check|chek|chk|chack|cheak|chec|look|go|come|visit|see|watch|view|listen|head|hear|try|search|stop\s+by|drop\s+by|pop\s+over)`;
const SENTENCE_START = String.raw`(?:^|[.!?\n]\s*|[:;,]\s+|\s-+\s+)`;
const GREETING = String.raw`(?:(?:hey|hi|hello|yo|guys|everyone|everybody|people|plz|pls|please|now|so|and|also|come|go|ok|okay|lol|omg|oh)[\s,!.]+)*`;

const rx = (source: string): RegExp => new RegExp(source);

export const CONTENT_RULES: readonly ContentRule[] = [
  // --- bots and templates -------------------------------------------------------------
  {
    reason: "bot_pattern",
    weight: 1,
    label: "share-button template text",
    // YouTube's share-to-social text, posted as a comment by scripts and careless clicks.
    pattern: /^\s*(?:check\s+out|take\s+a\s+look\s+at|watch)\s+this\s+(?:video|playlist|channel|live\s*stream)\s+on\s+you\s*tu/,
  },

  // --- sub4sub and its relatives ------------------------------------------------------
  {
    reason: "sub4sub",
    weight: 1,
    label: "subscribe-for-subscribe",
    pattern: rx(String.raw`\b(?:sub|subscribe|follow|like)\s*(?:4|for|4\s*a)\s*(?:sub|subscribe|follow|like)\b|\b(?:s4s|f4f|l4l)\b`),
  },
  {
    reason: "sub4sub",
    weight: 1,
    label: "offers to subscribe back",
    pattern: rx(
      String.raw`\b(?:${SUBSCRIBE}|sub|subs|follow|add)\w*\s+(?:you\s+|u\s+|ya\s+)?back\b|\b(?:i'?ll|i\s+will|i\s+wil|ill|i\s+promise\s+to|and\s+i)\s+(?:${SUBSCRIBE}|sub|follow)\w*\s+(?:to\s+)?(?:you|u|yours|back|your|all)\b`,
    ),
  },

  // --- asking for subscribers, followers, likes ---------------------------------------
  {
    reason: "self_promotion",
    weight: 1,
    label: "asks to subscribe to them",
    pattern: rx(String.raw`\b(?:${SUBSCRIBE}|sub|subs)\s+(?:to\s+|on\s+|in\s+|for\s+|at\s+)?(?:me|my|us|our|mine|mi|meu)\b`),
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "asks to subscribe",
    pattern: rx(
      String.raw`\b${PLEASE}\b[^.!?\n]{0,30}?\b(?:${SUBSCRIBE}|sub)\b|\b${SUBSCRIBE}\b[^.!?\n]{0,15}?\b${PLEASE}\b|${SENTENCE_START}${GREETING}(?:${SUBSCRIBE})\b|\b${SUBSCRIBE}\s+if\b|\b(?:${SUBSCRIBE}|sub)\s*!|\b${SUBSCRIBE}\s+to\s+[@+][a-z0-9]`,
    ),
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "like/subscribe/share call",
    pattern: rx(
      String.raw`\b(?:like|comment|share|${SUBSCRIBE}|sub)\s*(?:,|&|and|\+|n|\/)\s*(?:${SUBSCRIBE}|share)\b|\b${SUBSCRIBE}\s*(?:,|&|and|\+|n|\/)\s*(?:like|comment|share)\b`,
    ),
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    pattern: rx(
      String.raw`\b(?:if|when|once)\s+(?:i|we)\s+(?:get|reach|hit|have|make\s+it\s+to)\s+(?:to\s+)?[\d,.]+\s*k?\s*(?:subs|subscribers?|likes|followers)\b` +
        String.raw`|\bhelp\s+(?:me|us)\b[^.!?\n]{0,30}\b(?:subs|subscribers?|followers|views)\b` +
        String.raw`|\b(?:i|we)\s+(?:need|want)\s+(?:more\s+|some\s+|\d+\s+)?(?:subs|subscribers|followers)\b` +
        String.raw`|\b(?:my|our)\s+first\s+(?:subscriber|sub|follower)s?\b` +
        String.raw`|\b[\d,.]+\s*k?\s*(?:subs|subscribers)\s+by\s+(?:tonight|tomorrow|today|the\s+end|next|christmas|new\s+year)` +
        String.raw`|\b(?:can|could)\s+(?:i|we)\s+get\s+(?:some\s+)?(?:views|subs|subscribers|likes)\b` +
        String.raw`|\b(?:anyone|anybody|someone|who)\s+(?:wants?\s+to\s+|wanna\s+)?(?:sub|subscribe)\w*\s+to\s+(?:me|my)\b` +
        String.raw`|\b(?:every|each)\s+(?:sub|subscriber|like)\s+(?:gets|=)` +
        String.raw`|\bat\s+[\d,.]+\s*k?\s*(?:subs|subscribers)\b|\bhelp\s+me\s+(?:reach|get\s+to|hit)\s+(?:my\s+)?goal\b`,
    ),
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "points to their own channel or work",
    pattern: rx(
      String.raw`\b${LOOK_VERB}\w*\b[^.!?\n]{0,24}?\b(?:my|our|mah|mai|mi|meu)\s+${OWN_ADJ}${OWN_THING}\b` +
        String.raw`|\bcheck\w*\s+(?:me|us)\s+out\b|\bcheck\s+out\s+(?:me|us)\b`,
    ),
  },
  {
    reason: "promotion",
    weight: 1,
    label: "points to a channel",
    pattern: /\b(?:check|view|visit|see|look\s+at|go\s+to|head\s+to)\s+(?:out\s+)?(?:this|his|her|their|the|["\u201c][^"\u201d]{1,40}["\u201d]|[a-z0-9_+@.-]+)\s+(?:(?:new|awesome|amazing|cool|funny|great|youtube|yt)\s+)*(?:channel|chanel)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "mentions their channel",
    pattern: /\b(?:my|our|mi|meu|mein|ma)\s+(?:(?:new|own|youtube|yt|gaming|music|little|small|first)\s+)*(?:channel|chan+el+|chanel|chanell|chanel|canal|kanal|cha[iî]ne)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "announces a new channel",
    pattern: /\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+)?(?:started|made|created|opened|launched|got|have|run)\s+(?:a|my|our|me\s+a)\s+(?:(?:new|first|own|youtube|yt|gaming|music|little|small)\s+)*(?:youtube\s+)?(?:channel|chanel|page)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "asks for follows",
    pattern: /\b(?:follow|add)\s+(?:me|us)\b|\bfollow\s+(?:my|our)\s+(?:company|page|account|channel|blog|instagram|twitter|ig|stream)\b|\b(?:like|visit)\s+(?:my|our)\s+(?:facebook\s+|fb\s+)?(?:page|profile|post|pic|picture|photo|poster)\b|\blike\s+this\s+(?:facebook\s+|fb\s+)?(?:page|poster|photo|post)\b/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "introduces themselves as a creator",
    pattern: /\bi(?:'m|\s+am|m)\s+(?:a|an|the)\s+(?:[a-z0-9-]+\s+){0,3}?(?:youtuber|rapper|singer|producer|songwriter|beatboxer|musician|artist|vlogger|gamer|dj|remixer|comedian|animator|composer|filmmaker|youtube\s+channel)\b/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "says what they make",
    pattern: /\b(?:i|we)\s+(?:make|made|do|did|create|created|upload|uploaded|post|posted|produce|produced|record|recorded)\s+(?:[a-z0-9]+\s+){0,2}?(?:videos?|vids|covers?|music|songs?|beats?|raps?|remix(?:es)?|let'?s\s*plays?|vlogs?|animations?|montages?|tutorials?|reviews?)\b|\bi\s+(?:rap|sing|beatbox)\b/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "mentions their own work",
    pattern: rx(String.raw`\b(?:my|our)\s+${OWN_ADJ}${OWN_WORK}\b`),
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "new on YouTube",
    pattern: /\bnew\s+(?:to\s+)?(?:youtube|yt)(?:r|rs)?\b|\bnew\s+(?:youtube\s+)?channel\b|\b(?:uploading|upload|posting|post)\s+(?:new\s+)?(?:videos?\s+)?(?:daily|weekly|every\s+day|every\s+week)\b/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "social handle",
    pattern: /\b(?:instagram|insta|ig|twitter|snapchat|snap|kik|tumblr|tiktok|twitch)\s*(?:[:@]|-\s)\s*@?[a-z0-9_.]{3,}/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "mentions subscribing",
    pattern: rx(String.raw`\b(?:${SUBSCRIBE}|subs)\b`),
  },

  // --- like bait ----------------------------------------------------------------------
  {
    reason: "like_bait",
    weight: 1,
    label: "asks to like the comment",
    pattern: /\blike\s+(?:this|my)\s+comment\b|\bgive\s+(?:it|this|me|us)\s+a\s+(?:like|thumbs\s*up)\b/,
  },
  {
    reason: "like_bait",
    weight: 0.5,
    label: "like-if bait",
    pattern: /\b(?:thumbs\s*up|like)\s+if\b/,
  },

  // --- third-party promotion ----------------------------------------------------------
  {
    reason: "promotion",
    weight: 1,
    label: "petition or vote campaign",
    pattern: rx(String.raw`\b(?:sign|share)\s+(?:this|the|our|my)\s+petition\b|${SENTENCE_START}${GREETING}(?:${PLEASE}\s+)?(?:go\s+)?vote\s+(?:for|daily)\b|\b${PLEASE}\s+vote\b`),
  },
  {
    reason: "promotion",
    weight: 1,
    label: "asks to like or share a page",
    pattern: rx(String.raw`\b${PLEASE}\s+(?:like|share|donate|click|open|visit|register|join|sign\s+up)\b|\b(?:please|plz|pls)\s+(?:help|support)\s+(?:me|us|my|our)\b`),
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "check-it-out call",
    pattern: rx(
      String.raw`\bcheck\s+(?:out\s+)?(?:this|these)\s+(?:(?:awesome|new|amazing|cool|funny|great)\s+)?(?:channel|video|site|website|page|app|game|song|link|track|music|guy|girl|band|out)\b` +
        String.raw`|\bcheck\s+\S+\s+out\b|${SENTENCE_START}${GREETING}(?:go\s+|come\s+|pls\s+|plz\s+)?check\s+out\b` +
        String.raw`|\b(?:${PLEASE})\s+(?:check|look|watch|visit|go|come|listen)\b`,
    ),
  },
  {
    reason: "promotion",
    weight: 1,
    label: "asks to search for something",
    pattern: rx(String.raw`${SENTENCE_START}${GREETING}(?:search|look\s+up|google)\s+(?:for\s+|up\s+)?["\u201c]`),
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "addresses the whole audience",
    // Spam talks to the comment section ("Hey guys", "everyone!"); viewers mostly talk about the video.
    pattern: /^[^a-z]*(?:hey|hi|hello|hiya|yo|sup|dear|attention)[\s,!.]+(?:guys|everyone|everybody|all|people|friends|youtube|youtubers|fans)\b|^[^a-z]*(?:attention|everyone|everybody)\b|,\s*(?:everyone|everybody|guys)\s*[!.]*\s*$/,
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "release announcement",
    pattern: /\bout\s+now\b|\bavailable\s+(?:now\s+)?on\s+(?:itunes|spotify|amazon|google\s+play|soundcloud|bandcamp)\b/,
  },
  {
    reason: "promotion",
    weight: 0.75,
    label: "asks to visit or search",
    pattern: /\bvisit\s+(?:my|our|this|the|his|her)\b|\bsearch\s+(?:for\s+|up\s+)?["\u201c]|\b(?:look|search)\s+(?:up|for)\s+["\u201c]/,
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "our product or group",
    pattern: /\bour\s+(?:new\s+)?(?:music\s+video|app|company|products?|clothing|store|shop|band|group|song|movie|parody|project|website|site|book|game)\b|\bwe\s+are\s+(?:a|an)\s+(?:[a-z]+\s+){0,3}(?:company|band|group|team|brand|startup|crew)\b/,
  },
  {
    reason: "promotion",
    weight: 0.75,
    label: "download or register call",
    pattern: /\bdownload\s+(?:it\s+|this\s+|the\s+app\s+)?(?:now|free|for\s+free|here)\b|\b(?:register|sign\s+up|join)\s+(?:here|now|for\s+free|free|to\s+our|our\s+team)\b|\bclick\s+(?:here|the\s+link|this\s+link|on\s+the\s+link|that\s+link|link)\b/,
  },

  // --- money, giveaways, scams --------------------------------------------------------
  {
    reason: "scam",
    weight: 1,
    label: "free-stuff or money offer",
    pattern: rx(
      String.raw`\bfree\s+(?:\$?\d+\s*)?(?:gift\s*cards?|giftcards?|itunes|psn|xbox|robux|v-?bucks|money|iphone|ipad|cs\s*go|skins?|followers|subscribers|subs|views|diamonds|gems|coins|paypal|amazon|steam|netflix)\b` +
        String.raw`|\bgift\s*card\s+codes?\b|\b(?:earn|earning|make|making|win)\s+(?:real\s+|extra\s+|easy\s+|free\s+|some\s+|quick\s+|fast\s+|online\s+)*(?:money|cash|\$\s?\d+)` +
        String.raw`|\bget\s+paid\b|\bpaid\s+for\s+(?:sharing|liking|commenting|watching|posting)|\bmoney\s+(?:online|from\s+home|fast|easy)\b|\bwork\s+from\s+home\b` +
        String.raw`|\$\s?\d[\d,]*\s*(?:per|a|an|\/|every)\s*(?:day|hour|week|month)\b|\b(?:paypal|cash)\s+giveaway\b|\bgiveaway\b[^.!?\n]{0,40}\b(?:subscribe|like|comment|enter|winner)`,
    ),
  },
  {
    reason: "scam",
    weight: 1,
    label: "hacks, adult or miracle offers",
    pattern: /\bhack\w*\s+(?:any\s+)?(?:facebook|fb|instagram|snapchat|accounts?)\b|\b(?:penis|dick)\s+enlarg|\bsex\s*toy|\bweight\s+loss\s+(?:secret|pill|trick)|\b(?:viagra|cialis)\b|\bbinary\s+options\b|\b(?:bitcoin|crypto|forex)\s+(?:trading|invest|mining|signals?|profit)/,
  },
  {
    reason: "scam",
    weight: 0.5,
    label: "money talk",
    pattern: /\bneed\s+money\b|\bfree\s+(?:download|trial|stuff)\b|\bgiveaway\b|\bpaypal\b|\bdonat(?:e|ion)s?\b|\bgift\s*cards?\b/,
  },

  // --- contact details ----------------------------------------------------------------
  {
    reason: "contact",
    weight: 1,
    label: "messenger contact",
    pattern: /\b(?:whats?\s*app|telegram|wechat|viber|kik|skype|line\s+id)\b[^\n]{0,20}?(?:\+?\d[\d\s-]{6,}\d|@[a-z0-9_]{3,}|:\s*[a-z0-9_.]{3,}|\bme\b)/,
  },
  {
    reason: "contact",
    weight: 0.75,
    label: "phone number",
    pattern: /(?:^|[^\d,.])\+\d{1,3}[\s-]?\(?\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b/,
  },
  {
    reason: "contact",
    weight: 0.5,
    label: "asks to be contacted",
    pattern: /\b(?:dm|message|text|contact|email|e-mail|hit)\s+me\b(?:\s+up\b)?|\b(?:contact|reach)\s+(?:me|us)\s+(?:on|at|via)\b/,
  },
];

// Shouting with an imperative: "CHECK MY CHANNEL OUT!!!". Counted from the original case.
const IMPERATIVE = /(?:^|[.!?\n]\s*)[^a-z]*(?:(?:please|plz|pls|go|and|now|come|guys|everyone)\s+)*(?:subscribe|sub|check|visit|click|follow|share|vote|watch|like|look|listen|go)\b/;
const UPPER = /\p{Lu}/gu;
const LETTER = /\p{L}/gu;

/** Weight of "shouted imperative" for `text` (original case) and its lower-case form. */
export function shoutingWeight(text: string, lower: string): number {
  if (text.length < 15 || !IMPERATIVE.test(lower)) return 0;
  const letters = text.match(LETTER)?.length ?? 0;
  if (letters < 15) return 0;
  const upper = text.match(UPPER)?.length ?? 0;
  return upper / letters >= 0.7 ? 0.5 : 0;
}
