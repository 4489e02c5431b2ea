// The content rules behind spam detection. Each names what it saw, so a
// removed comment can always be explained to the creator. Strong rules
// (weight 1) decide alone; weak ones (below 1) only in combination, because
// each is something an ordinary viewer also writes now and then.
//
// All patterns run on normalised, lower-cased text (see text.ts) and are
// compiled once, here.

import type { SpamReason } from "./reasons";
import { defineGate, passes, type GateId, type TextScan } from "./scan";

/** Reasons a comment's own words can give (links and floods are judged elsewhere). */
export type ContentReason = Exclude<SpamReason, "link" | "duplicate_flood" | "spam_wording">;

interface RuleSpec {
  reason: ContentReason;
  weight: number;
  /** What the rule saw, in words a creator understands. */
  label: string;
  /**
   * Word stems (see scan.ts) of which the text must contain at least one for
   * the pattern to possibly match: spares most comments most patterns.
   */
  needs: readonly string[];
  /** A second stem set the text must also contain one of. */
  alsoNeeds?: readonly string[];
  pattern: RegExp;
}

export interface ContentRule extends RuleSpec {
  gates: readonly GateId[];
}

// "subscribe" as a verb, with the misspellings spammers use ("suscribe",
// "subcribe", "sucscribe", "SUBSCRIB") and a few other languages; never
// "subscribed" or "subscribers" (the \b after it fails on their suffix).
// Repeats are bounded so that no input makes the patterns backtrack quadratically.
const SUBSCRIBE = String.raw`(?:s{1,3}u{1,3}[bcs]{1,3}c?r{1,3}[i1]{1,3}b{1,3}e{0,3}|suscr[ií]bete|subscribirse|inscreva[- ]?se|inscreva|abonniert|abonnez[- ]?vous)`;
const PLEASE = String.raw`(?:please|pleas|pleace|plea+se|plz+|pls+|plez|pliz+|plis|plse|kindly)`;
// What a channel owner asks people to look at.
const OWN_THING = String.raw`(?:channel|chan+el+|chanel|chanell|chan|vids?|videos?|vidios?|vidz|music|songs?|sounds?|single|ep|demo|mix(?:es)?|page|profile|account|stuff|covers?|raps?|beats?|remix(?:es)?|blog|vlogs?|podcast|website|site|stream|playlist|mixtape|album|tracks?|art|artwork|drawings?|designs?|animations?|gameplay|let'?s\s*plays?|tutorials?|poems?|poetry|stor(?:y|ies)|content|shop|store|instagram|twitter|facebook|tumblr|soundcloud|parody|clip|movie|film|book|app|game|lyrics|bio)`;
// Own work named without a request ("my covers", "our new single"): a hint, not proof.
// Not "my song", "my music", "my playlist": fans say those of the video they are watching.
const OWN_WORK = String.raw`(?:vids?|videos?|single|ep|demo|mixtape|album|covers?|raps?|beats?|remix(?:es)?|tracks?|vlogs?|podcast|content)`;
// Adjectives that may sit between "my" and the thing: "my new gaming channel".
const OWN_ADJ = String.raw`(?:(?:new|newest|latest|first|own|original|youtube|yt|gaming|music|cover|rap|dance|funny|awesome|best|cool|little|small|short|next|recent|official|acoustic|drum|guitar|piano|shuffling|other)\s+){0,3}`;
// Imperative forms only: "check my channel", never "checking my channel stats" or "thanks for watching my video".
const LOOK_VERB = String.raw`(?:check|checkout|chek|chk|chack|cheak|chec|look|go|come|visit|see|watch|view|listen|head|hear|stream|support|stop\s+by|drop\s+by|pop\s+over)`;
// Small words between the verb and "my": "check out some of my", "go and listen to my".
const LOOK_FILLER = String.raw`(?:\s+(?:out|at|to|on|by|in|into|over|up|some|of|all|and|please|pls|plz|guys|everyone|u|you|ya|it|them|these|those|a|the|one|couple))*`;
// Polite requests: "would you mind checking out my…", "help me by watching my…".
const POLITE_GERUND = String.raw`(?:mind|consider|try|by|recommend|appreciate)\s+(?:checking|chacking|checkin|looking|watching|listening|visiting|viewing)`;
const SENTENCE_START = String.raw`(?:^|[.!?\n]\s*|[:;,]\s+|\s-+\s+)`;
const GREETING = String.raw`(?:(?:hey|hi|hello|yo|guys|everyone|everybody|people|plz|pls|please|now|so|and|also|come|go|ok|okay|lol|omg|oh)[\s,!.]+)*`;
const MY_CHANNEL = String.raw`(?:my|our|mi|meu|mein|ma)\s+(?:(?:new|own|youtube|yt|gaming|music|little|small|first)\s+)*(?:channel|chan+el+|chanel|chanell|canal|kanal|cha[iî]ne)\b`;

// "I will subscribe", "I'd subscribe if…": a viewer talking about themselves, not asking.
const NOT_SELF = String.raw`(?<!\b(?:i|i'?ll|i\s+will|i\s+would|i'?d|would|will|gonna)\s)`;

// Every spelling of SUBSCRIBE (and "sub") starts with one of these.
const SUB_NEEDS = ["sub", "sus", "suc", "ssu", "suu", "inscr", "abonn"] as const;
const PLEASE_NEEDS = ["plea", "plz", "pls", "plez", "pliz", "plis", "plse", "kindly"] as const;
const CHANNEL_NEEDS = ["cha", "canal", "kanal"] as const;

const rx = (source: string): RegExp => new RegExp(source);

const RULES: readonly RuleSpec[] = [
  // --- bots and templates -------------------------------------------------------------
  {
    reason: "bot_pattern",
    weight: 1,
    label: "share-button template text",
    needs: ["this"],
    // YouTube's share-to-social text, posted as a comment by scripts and careless clicks.
    pattern: /^\s*(?:check\s+out|take\s+a\s+look\s+at|watch)\s+this\s+(?:video|playlist|channel|live\s*stream)\s+on\s+you\s*tu/,
  },

  // --- sub4sub and its relatives ------------------------------------------------------
  // Alternatives are split into rules with their own stems so each regex runs on few comments.
  {
    reason: "sub4sub",
    weight: 1,
    label: "subscribe-for-subscribe",
    needs: [...SUB_NEEDS, "follow", "like", "s4s", "f4f", "l4l"],
    alsoNeeds: ["4", "for", "s4s", "f4f", "l4l", "sub4", "like4", "follow4", "subfor", "likefor", "followfor"],
    pattern: /\b(?:sub|subscribe)\s*(?:4|for)\s*(?:sub|subscribe)\b|\bfollow\s*(?:4|for)\s*follow\b|\blike\s*(?:4|for)\s*like\b|\b(?:s4s|f4f|l4l)\b/,
  },
  {
    reason: "sub4sub",
    weight: 1,
    label: "offers to subscribe back",
    needs: ["back"],
    pattern: rx(String.raw`\b(?:${SUBSCRIBE}|sub|follow)\s+(?:you\s+|u\s+|ya\s+)?back\b|\badd\s+(?:you|u)\s+back\b`),
  },
  {
    reason: "sub4sub",
    weight: 1,
    label: "offers to subscribe back",
    needs: ["if"],
    alsoNeeds: SUB_NEEDS,
    pattern: rx(String.raw`\bif\s+(?:you|u)\s+(?:${SUBSCRIBE}|sub)\b[^.!?\n]{0,30}\bi(?:'ll|\s+will|ll)?\s+(?:${SUBSCRIBE}|sub)\b`),
  },

  // --- asking for subscribers, followers, likes ---------------------------------------
  {
    reason: "self_promotion",
    weight: 1,
    label: "asks to subscribe to them",
    needs: SUB_NEEDS,
    pattern: rx(
      String.raw`\b(?:${SUBSCRIBE}|sub|subs)\s+(?:to\s+|on\s+|in\s+|for\s+|at\s+)?(?:me|us|mine)\b` +
        String.raw`|\b(?:${SUBSCRIBE}|sub|subs)\s+(?:to\s+|on\s+|in\s+|for\s+|at\s+)?${MY_CHANNEL}`,
    ),
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "asks to subscribe",
    needs: SUB_NEEDS,
    alsoNeeds: PLEASE_NEEDS,
    pattern: rx(
      String.raw`\b${PLEASE}\b[^.!?\n]{0,30}?${NOT_SELF}\b(?:${SUBSCRIBE}\b|subs?(?=\s*(?:$|[!.]|(?:to|me|my|us|our)\b)))|${NOT_SELF}\b${SUBSCRIBE}\b[^.!?\n]{0,15}?\b${PLEASE}\b`,
    ),
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "asks to subscribe",
    needs: SUB_NEEDS,
    pattern: rx(
      String.raw`${SENTENCE_START}${GREETING}(?:${SUBSCRIBE})\b|${NOT_SELF}\b${SUBSCRIBE}\s+if\b|(?<!\b(?:a|new|one|the)\s)\b(?:${SUBSCRIBE}|sub)\s*!|\b${SUBSCRIBE}\s+to\s+[@+][a-z0-9]`,
    ),
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "like/subscribe/share call",
    needs: [...SUB_NEEDS, "share"],
    alsoNeeds: [...SUB_NEEDS, "like", "comment", "share"],
    pattern: rx(
      // Not "I like and subscribe": that is a viewer saying what they did.
      String.raw`(?<!\b(?:i|we|will|would)\s)\b(?:like|comment|share|${SUBSCRIBE}|sub)\s*(?:,|&|and|\+|n|\/)\s*(?:${SUBSCRIBE}|share)\b|\b${SUBSCRIBE}\s*(?:,|&|and|\+|n|\/)\s*(?:like|comment|share)\b`,
    ),
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["if", "when", "once"],
    alsoNeeds: [...SUB_NEEDS, "like", "follower"],
    pattern: /\b(?:if|when|once)\s+(?:i|we)\s+(?:get|reach|hit|have|make\s+it\s+to)\s+(?:to\s+)?[\d,.]{1,15}\s*k?\s*(?:subs|subscribers?|likes|followers)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["help"],
    pattern: /\bhelp\s+(?:me|us)\b[^.!?\n]{0,30}\b(?:subs|subscribers?|followers|views)\b|\bhelp\s+me\s+(?:reach|get\s+to|hit)\s+(?:my\s+)?goal\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["need", "want"],
    alsoNeeds: [...SUB_NEEDS, "follower"],
    pattern: /\b(?:i|we)\s+(?:need|want)\s+(?:more\s+|some\s+|\d+\s+)?(?:subs|subscribers|followers)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["first"],
    alsoNeeds: [...SUB_NEEDS, "follower"],
    pattern: /\b(?:my|our)\s+first\s+(?:subscribers?|followers?)\b|\b(?:be|become)\s+(?:my|our)\s+first\s+subs?\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["by"],
    alsoNeeds: SUB_NEEDS,
    pattern: /\b[\d,.]{1,15}\s*k?\s*(?:subs|subscribers)\s+by\s+(?:tonight|tomorrow|today|the\s+end|next|christmas|new\s+year)/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["can", "could"],
    alsoNeeds: [...SUB_NEEDS, "view", "like"],
    pattern: /\b(?:can|could)\s+(?:i|we)\s+get\s+(?:some\s+)?(?:views|subs|subscribers|likes)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["anyone", "anybody", "someone", "somebody", "who"],
    alsoNeeds: SUB_NEEDS,
    pattern: /\b(?:anyone|anybody|someone|somebody|who)\s+(?:wants?\s+to\s+|wanna\s+)?(?:sub|subscribe)\w*\s+to\s+(?:me|my)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["every", "each"],
    alsoNeeds: [...SUB_NEEDS, "like"],
    pattern: /\b(?:every|each)\s+(?:sub|subscriber|like)\s+(?:gets|=)/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "subscriber goal",
    needs: ["at"],
    alsoNeeds: SUB_NEEDS,
    pattern: /\bat\s+[\d,.]{1,15}\s*k?\s*(?:subs|subscribers)\s+i\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "points to their own channel or work",
    needs: ["my", "our", "mah", "mai", "mi", "meu", "check"],
    alsoNeeds: ["check", "chek", "chk", "chack", "cheak", "chec", "look", "go", "come", "visit", "see", "watch", "view", "listen", "head", "hear", "stream", "support", "stop", "drop", "pop", "mind", "consider", "by", "recommend", "appreciate"],
    pattern: rx(
      String.raw`\b(?:${LOOK_VERB}|${POLITE_GERUND})${LOOK_FILLER}\s+(?:my|our|mah|mai|mi|meu)\s+${OWN_ADJ}${OWN_THING}\b` +
        String.raw`|\bcheck(?:ing)?\s+(?:me|us)\s+out\b|\bcheck(?:ing)?\s+out\s+(?:me|us)\b`,
    ),
  },
  {
    reason: "promotion",
    weight: 1,
    label: "points to a channel",
    needs: CHANNEL_NEEDS,
    // "check out starlitnightsky channel", "view this channel": not "see your channel grow".
    pattern: /\b(?:check|checkout|view|visit|go\s+to|head\s+to|look\s+at)\s+(?:out\s+)?(?:this|his|her|their|["\u201c][^"\u201d]{1,40}["\u201d]|(?!(?:your|ur|the|a|an|that|my|our|its|whole|entire|same|official|every)\b)[a-z0-9_+@.-]+)\s+(?:(?:new|awesome|amazing|cool|funny|great|youtube|yt)\s+)*(?:channel|chanel)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "announces a new channel",
    needs: CHANNEL_NEEDS,
    pattern: /\b(?:i|we)(?:'ve|\s+have)?\s+(?:just\s+)?(?:started|made|created|opened|launched)\s+(?:a|my|our|me\s+a)\s+(?:(?:new|first|own|youtube|yt|gaming|music|little|small)\s+)*(?:youtube\s+)?(?:channel|chanel)\b(?![^.!?\n]{0,20}\b(?:because|after|when|thanks)\b)/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "asks for follows",
    needs: ["follow", "add", "page", "profile", "post", "pic", "photo", "link"],
    // "link in bio" is the bot-account way of saying "visit my profile".
    pattern: /\blinks?\s+(?:is\s+)?in\s+(?:my\s+)?bio\b|(?<!\byou\s)\b(?:follow|add)\s+(?:me|us)\b(?!\s+(?:through|along|around|home|back\s+to))|\bfollow\s+(?:my|our)\s+(?:company|page|account|channel|blog|instagram|twitter|ig|stream)\b|\b(?:like|visit)\s+(?:my|our)\s+(?:facebook\s+|fb\s+)?(?:page|profile|post|pic|picture|photo|poster)\b|\blike\s+this\s+(?:facebook\s+|fb\s+)?(?:page|poster|photo|post)\b/,
  },
  {
    reason: "self_promotion",
    weight: 1,
    label: "short comment about their channel",
    needs: CHANNEL_NEEDS,
    // A one-liner about "my channel" is an ad; longer stories mention channels innocently (next rule).
    pattern: rx(String.raw`^(?=[\s\S]{0,80}$)[\s\S]*?\b${MY_CHANNEL}`),
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "mentions their channel",
    needs: CHANNEL_NEEDS,
    pattern: rx(String.raw`\b${MY_CHANNEL}`),
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "introduces themselves as a creator",
    needs: ["youtube", "rapper", "singer", "producer", "songwriter", "beatbox", "musician", "artist", "vlogger", "gamer", "dj", "remixer", "comedian", "animator", "composer", "filmmaker"],
    pattern: /\bi(?:'m|\s+am|m)\s+(?:a|an)\s+(?:[a-z0-9-]+\s+){0,3}?(?:youtuber|rapper|singer|producer|songwriter|beatboxer|musician|artist|vlogger|gamer|dj|remixer|comedian|animator|composer|filmmaker|youtube\s+channel)\b/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "says what they make",
    needs: ["vid", "cover", "music", "song", "beat", "rap", "remix", "let", "vlog", "animation", "montage", "tutorial", "review", "sing"],
    pattern: /\b(?:i|we)\s+(?:make|made|do|did|create|created|upload|uploaded|post|posted|produce|produced|record|recorded)\s+(?:[a-z0-9]+\s+){0,2}?(?:videos?|vids|covers?|music|songs?|beats?|raps?|remix(?:es)?|let'?s\s*plays?|vlogs?|animations?|montages?|tutorials?|reviews?)\b|\bi\s+(?:rap|sing|beatbox)\b/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "mentions their own work",
    needs: ["my", "our"],
    alsoNeeds: ["vid", "single", "ep", "demo", "mixtape", "album", "cover", "rap", "beat", "remix", "track", "vlog", "podcast", "content"],
    pattern: rx(String.raw`\b(?:my|our)\s+${OWN_ADJ}${OWN_WORK}\b`),
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "new on YouTube",
    needs: ["new", "daily", "weekly", "every"],
    alsoNeeds: ["youtube", "yt", "channel", "daily", "weekly", "every"],
    pattern: /\bnew\s+(?:to\s+)?(?:youtube|yt)(?:r|rs)?\b|\bnew\s+(?:youtube\s+)?channel\b|\b(?:uploading|upload|posting|post)\s+(?:new\s+)?(?:videos?\s+)?(?:daily|weekly|every\s+day|every\s+week)\b/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "social handle",
    needs: ["insta", "ig", "twitter", "snap", "kik", "tumblr", "tiktok", "twitch"],
    pattern: /\b(?:instagram|insta|ig|twitter|snapchat|snap|kik|tumblr|tiktok|twitch)\s*(?:[:@]|-\s)\s*@?[a-z0-9_.]{3,}/,
  },
  {
    reason: "self_promotion",
    weight: 0.5,
    label: "mentions subscribing",
    needs: SUB_NEEDS,
    // The verb only: "100k subs" is how viewers congratulate a channel.
    pattern: rx(String.raw`\b${SUBSCRIBE}\b`),
  },

  // --- like bait ----------------------------------------------------------------------
  {
    reason: "like_bait",
    weight: 1,
    label: "asks to like the comment",
    needs: ["comment"],
    pattern: /\blike\s+(?:this|my)\s+comment\b/,
  },
  {
    reason: "like_bait",
    weight: 0.5,
    label: "like-if bait",
    needs: ["if", "give"],
    pattern: /\b(?:thumbs\s*up|like)\s+if\b|\bgive\s+(?:it|this|me|us)\s+a\s+(?:like|thumbs\s*up)\b/,
  },

  // --- third-party promotion ----------------------------------------------------------
  {
    reason: "promotion",
    weight: 1,
    label: "petition or vote campaign",
    needs: ["petition", "vote"],
    pattern: rx(String.raw`\b(?:sign|share)\s+(?:this|the|our|my)\s+petition\b|${SENTENCE_START}${GREETING}(?:${PLEASE}\s+)?(?:go\s+)?vote\s+(?:for|daily)\b|\b${PLEASE}\s+vote\b`),
  },
  {
    reason: "promotion",
    weight: 1,
    label: "asks to donate, click or register",
    needs: ["donate", "register", "join", "sign"],
    pattern: rx(String.raw`\b${PLEASE}\s+(?:donate|register|join|sign\s+up)\b`),
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "asks to like or share",
    needs: PLEASE_NEEDS,
    pattern: rx(String.raw`\b${PLEASE}\s+(?:like|share|open|visit|support\s+(?:me|us|my|our))\b`),
  },
  {
    reason: "promotion",
    weight: 1,
    label: "asks to search for something",
    needs: ["search", "look", "google"],
    pattern: rx(String.raw`${SENTENCE_START}${GREETING}(?:search|look\s+up|google)\s+(?:for\s+|up\s+)?["\u201c]`),
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "check-it-out call",
    needs: ["check", ...PLEASE_NEEDS],
    pattern: rx(
      String.raw`\bcheck\s+(?:out\s+)?(?:this|these)\s+(?:(?:awesome|new|amazing|cool|funny|great)\s+)?(?:channel|video|site|website|page|app|game|song|link|track|music|guy|girl|band|out)\b` +
        String.raw`|\bcheck\s+\S+\s+out\b|${SENTENCE_START}${GREETING}(?:go\s+|come\s+|pls\s+|plz\s+)?check\s+out\b` +
        String.raw`|\b${PLEASE}\s+(?:go\s+|come\s+)?(?:check\s+(?:out|it|this|my|our)|look\s+(?:at\s+(?:my|our|this)|up)|watch\s+(?:my|our|this)|listen\s+to\s+(?:my|our|this))\b` +
        String.raw`|\b(?:and|go|come)\s+check\s+(?:out|it)\b`,
    ),
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "addresses the whole audience",
    needs: ["hey", "hi", "hello", "yo", "sup", "dear", "attention", "every", "guys"],
    // Spam talks to the comment section ("Hey guys", "…, everyone!"); viewers mostly talk about the video.
    pattern: /^[^a-z]*(?:hey|hi|hello|hiya|yo|sup|dear|attention)[\s,!.]+(?:guys|everyone|everybody|all|people|friends|youtube|youtubers|fans)\b|^[^a-z]*attention\b|,\s*(?:everyone|everybody|guys)\s*[!.]*\s*$/,
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "release announcement",
    needs: ["out", "available"],
    pattern: /\bout\s+now\b|\bavailable\s+(?:now\s+)?on\s+(?:itunes|spotify|amazon|google\s+play|soundcloud|bandcamp)\b/,
  },
  {
    reason: "promotion",
    weight: 0.75,
    label: "asks to visit or search",
    needs: ["visit", "search", "look"],
    pattern: /\bvisit\s+(?:my|our|this|the|his|her)\b|\bsearch\s+(?:for\s+|up\s+)?["\u201c]|\b(?:look|search)\s+(?:up|for)\s+["\u201c]/,
  },
  {
    reason: "promotion",
    weight: 0.5,
    label: "our product or group",
    needs: ["our", "we"],
    alsoNeeds: ["music", "app", "company", "product", "clothing", "store", "shop", "band", "group", "song", "movie", "parody", "project", "website", "site", "book", "game", "team", "brand", "startup", "crew"],
    pattern: /\bour\s+(?:new\s+)?(?:music\s+video|app|company|products?|clothing|store|shop|band|group|song|movie|parody|project|website|site|book|game)\b|\bwe\s+are\s+(?:a|an)\s+(?:[a-z]+\s+){0,3}(?:company|band|group|team|brand|startup|crew)\b/,
  },
  {
    reason: "promotion",
    weight: 0.75,
    label: "download or register call",
    needs: ["download", "register", "sign", "join", "click"],
    pattern: /\bdownload\s+(?:it\s+|this\s+|the\s+app\s+)?(?:now|free|for\s+free|here)\b|\b(?:register|sign\s+up|join)\s+(?:here|now|for\s+free|free|to\s+our|our\s+team)\b|\bclick\s+(?:here|the\s+link|this\s+link|on\s+the\s+link|that\s+link|link)\b/,
  },

  // --- money, giveaways, scams --------------------------------------------------------
  {
    reason: "scam",
    weight: 1,
    label: "free-stuff or money offer",
    needs: ["free", "gift", "earn", "mak", "$", "paid", "giveaway", "win"],
    alsoNeeds: ["money", "cash", "income", "$", "gift", "paid", "giveaway", "free"],
    pattern: rx(
      String.raw`\bfree\s+(?:\$?\d+\s*)?(?:gift\s*cards?|giftcards?|itunes|psn|xbox|robux|v-?bucks|iphone|ipad|cs\s*go|skins?|followers|subscribers|subs|views|diamonds|gems|coins|paypal|amazon|steam|netflix)\b|\bgift\s*card\s+codes?\b` +
        String.raw`|\b(?:earn|earning|make|making)\s+(?:real\s+|easy\s+|free\s+|quick\s+|fast\s+|extra\s+|passive\s+)?(?:money|cash|income)\s+(?:online|from\s+(?:home|your\s+phone)|fast|easily|daily|every\s+day|by\s+(?:doing|watching|sharing|liking|completing|playing))` +
        String.raw`|\b(?:earn|make|win)\s+(?:real|easy|free|quick|fast)\s+(?:money|cash)\b` +
        // Investment-scam testimonials: "earning $60,000 returns from my $10,000", "$6,700 every 10 days".
        String.raw`|\b(?:earn|earning|earned|make|making|made|receive|received|get|got)\s+(?:over\s+|up\s+to\s+|about\s+|around\s+)?\$\s?[\d,.]{1,15}k?\s+(?:\w+\s+){0,2}?(?:(?:per|a|an|every|each)\s+(?:\d+\s+)?(?:days?|hours?|weeks?)|returns?|profits?|weekly|daily)\b` +
        String.raw`|\bget\s+paid\s+(?:for|to)\s+(?:sharing|liking|commenting|watching|posting|share|like|comment|watch|post)|\bpaid\s+for\s+(?:sharing|liking|commenting|watching|posting)` +
        String.raw`|\b(?:paypal|cash)\s+giveaway\b|\bgiveaway\b[^.!?\n]{0,40}\b(?:subscribe|comment\s+below|enter\s+here|winner\s+gets)`,
    ),
  },
  {
    reason: "scam",
    weight: 1,
    label: "hacks or adult offers",
    needs: ["hack", "enlarg", "sex", "weight", "binary"],
    pattern: /\bhack\w*\s+(?:any\s+)?(?:facebook|fb|instagram|snapchat|accounts?)\b|\b(?:penis|dick)\s+enlarg|\bsex\s*toy|\bweight\s+loss\s+(?:secret|pill|trick)|\bbinary\s+options\b/,
  },
  {
    reason: "scam",
    weight: 0.5,
    label: "money talk",
    needs: ["money", "free", "giveaway", "paypal", "donat", "gift", "home", "$", "bitcoin", "crypto", "forex", "investment", "trading", "viagra", "cialis", "casino"],
    pattern: /\bneed\s+money\b|\bfree\s+money\b|\bfree\s+(?:download|trial|stuff)\b|\bgiveaway\b|\bpaypal\b|\bdonat(?:e|ion)s?\b|\bgift\s*cards?\b|\bwork\s+from\s+home\b|\$\s?\d[\d,]*\s*(?:per|a|an|\/|every)\s*(?:day|hour|week)\b|\b(?:bitcoin|crypto|forex)\s+(?:trading|investment|mining|signals?|profits?)|\b(?:investment|trading|crypto|forex)\s+(?:expert|manager|broker|coach|mentor|advisor|adviser)\b|\b(?:viagra|cialis|casino)\b/,
  },

  // --- contact details ----------------------------------------------------------------
  {
    reason: "contact",
    weight: 1,
    label: "messenger contact",
    needs: ["what", "telegram", "wechat", "viber", "kik", "skype", "line"],
    alsoNeeds: ["app", "sapp", "whatsapp", "whatsap", "telegram", "wechat", "viber", "kik", "skype", "line"],
    pattern: /\b(?:what'?s'?\s*app|telegram|wechat|viber|kik|skype|line\s+id)\b[^\n]{0,20}?(?:\+?\d[\d\s-]{6,}\d|@[a-z0-9_]{3,}|:\s*[a-z0-9_.]{3,}|\bme\b)/,
  },
  {
    reason: "contact",
    weight: 1,
    label: "asks to be contacted privately",
    needs: ["dm", "message", "text", "contact", "reach", "write", "hit", "inbox"],
    alsoNeeds: ["what", "whatsapp", "telegram", "wechat", "viber", "kik", "skype", "instagram", "insta", "ig", "snapchat", "snap", "tiktok", "twitter", "facebook", "fb", "discord"],
    pattern: /\b(?:dm|message|text|contact|reach|write|hit|inbox)\s+(?:me|us|him|her)\s+(?:up\s+)?(?:on|via|at|through)\s+(?:what'?s'?\s*app|telegram|wechat|viber|kik|skype|insta(?:gram)?|ig|snapchat|snap|tiktok|twitter|facebook|fb|discord)\b/,
  },
  {
    reason: "contact",
    weight: 0.75,
    label: "phone number",
    needs: ["+"],
    pattern: /(?:^|[^\d,.])\+\d{1,3}[\s-]?\(?\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b/,
  },
  {
    reason: "contact",
    weight: 0.5,
    label: "asks to be contacted",
    needs: ["dm", "message", "text", "contact", "email", "mail", "hit", "reach", "@"],
    pattern: /\b(?:dm|message|text|contact|email|e-mail)\s+me\b|\bhit\s+me\s+up\b|\b(?:contact|reach)\s+(?:me|us)\s+(?:on|at|via)\b|(?<![a-z0-9._-])[a-z0-9._-]{1,64}@[a-z0-9-]{1,63}\.[a-z]{2,}\b/,
  },
];

export const CONTENT_RULES: readonly ContentRule[] = RULES.map((rule) => ({
  ...rule,
  gates: rule.alsoNeeds ? [defineGate(rule.needs), defineGate(rule.alsoNeeds)] : [defineGate(rule.needs)],
}));

// Shouting with an imperative: "CHECK MY CHANNEL OUT!!!". Counted from the original case.
// Promotional verbs only: fans shout "LIKE IF YOU LOVE HER" too.
const IMPERATIVE = /(?:^|[.!?\n]\s{0,3})[^a-z]{0,20}(?:(?:please|plz|pls|just|go|and|now|come|guys|everyone)\s+)*(?:subscribe|sub|check|visit|click|follow|share|vote|watch\s+(?:my|our|it)|listen\s+to\s+(?:my|our))\b/;
const IMPERATIVE_GATE = defineGate(["sub", "check", "visit", "click", "follow", "share", "vote", "watch", "listen"]);
const UPPER_LETTER = /\p{Lu}/u;
const ANY_LETTER = /\p{L}/u;
const MIN_SHOUT_LETTERS = 15;
const SHOUT_RATIO = 0.7;

/** Whether at least SHOUT_RATIO of the letters in `text` are capitals (non-ASCII letters checked one by one). */
function isShouted(text: string): boolean {
  let letters = 0;
  let upper = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c > 127) {
      const ch = text[i];
      if (UPPER_LETTER.test(ch)) {
        letters++;
        upper++;
      } else if (ANY_LETTER.test(ch)) letters++;
    }
    // Even if every remaining character were a capital the ratio could not be reached.
    if (upper + n - i - 1 < SHOUT_RATIO * (letters + n - i - 1)) return false;
  }
  return letters >= MIN_SHOUT_LETTERS && upper >= SHOUT_RATIO * letters;
}

/** Weight of "shouted imperative" for `text` (original case) and its lower-case form. */
export function shoutingWeight(text: string, lower: string, scan: TextScan): number {
  if (text.length < MIN_SHOUT_LETTERS || !passes(scan, IMPERATIVE_GATE)) return 0;
  return isShouted(text) && IMPERATIVE.test(lower) ? 0.5 : 0;
}
