// Verdicts YouTube viewers write in set phrases that read the other way word by
// word: a problem the video solved ("the echo is almost gone"), praise through a
// negation or a number ("can't stop watching", "how does this only have 2k
// views?"), and sarcasm (praise that opens a complaint: "oh great, the audio is
// out of sync again"). The word model, trained on tablet reviews, cannot learn
// them; a creator reads them at a glance. All patterns run on the flattened
// text (tokenize.ts `flatten`: lower case, apostrophes dropped, punctuation as
// spaces, padded), which the category rules read too.
import type { Sentiment } from "../types";

const PROBLEM_SOLVED =
  /\b(?:(?:is|are|was|were|now|got|have|has|been) (?:almost |nearly |finally |totally |completely |all |pretty much |basically )?(?:gone|fixed|solved|sorted|resolved|half what it was)|(?:way|much|so much|a lot) better (?:now|since)|(?:fixed|solved|sorted) (?:it|my|the|that)|no more (?:echo|hum|noise|buzz|buzzing|problems?|issues?|lag|shadows)|works? (?:perfectly |great |fine )?now|got rid of)\b/;
const NOT_SOLVED = /\b(?:not|isn'?t|aren'?t|wasn'?t|never|still not|no longer)\b [^.!?]{0,20}\b(?:gone|fixed|solved|better|works?)\b/;

const PRAISE = new RegExp(
  [
    String.raw`(?:cant|can ?not|couldnt|could not) stop (?:watching|listening|laughing|rewatching|replaying|smiling)`,
    String.raw`(?:cant|can ?not|couldnt|could not) (?:get|be) any (?:better|cooler|funnier|more (?:epic|amazing|perfect|awesome|beautiful|impressive|insane|incredible|fun|hilarious|satisfying))\b`,
    String.raw`(?:clicked|subscribed|subbed|hit (?:the )?(?:like|subscribe)(?: button)?)(?: on (?:a|this|the) video)? (?:so|this) fast`,
    String.raw`would (?:watch|listen to|read) (?:it |this )?again`,
    String.raw` 1[01] 10 `,
    String.raw`(?:only|just) (?:has|have|got) \d[\d ]*k? (?:views|subs|subscribers|likes)`,
    String.raw`deserves? (?:way |so much |a lot |far |much )?more (?:views|subs|subscribers|attention|recognition|likes)`,
    String.raw`(?:nobody|no one|noone) (?:explains|does|teaches|makes|covers|breaks down) (?:\S+ ){0,3}(?:better|like you|as well as you)`,
    String.raw`saved (?:my|me) (?:life|day|project|channel|sanity|hours)`,
    String.raw`instant(?:ly)? sub(?:scribe|scribed|bed)?\b`,
    String.raw`earned (?:a|my|another) (?:new )?sub(?:scriber|scription)?\b`,
    String.raw`finally (?:someone|somebody|a video|a tutorial)(?: who| that)? (?:explains|explained|shows|showed|gets|covers)`,
    // Praise idioms without a sentiment word (coding-tutorial comments: "This is exactly what I was looking for").
    String.raw`(?:exactly|just) what i (?:was looking for|needed|need)\b`,
    String.raw`\byou (?:rock|rule)\b`,
    String.raw`\b(?:youre|you are|ur) (?:the|da) (?:man|goat|king)\b`,
    String.raw`(?:cant|can ?not) get enough`,
    String.raw`holy grail`,
    String.raw`hats off`,
    String.raw`mad respect`,
    String.raw`(?:still|always) hits(?: different)? $`,
    String.raw`never (?:disappoints?|fails? to (?:amaze|impress|deliver))`,
    String.raw`(?:gave|gives|giving|get|got) me (?:the )?(?:chills|goosebumps|goose bumps)`,
  ].join("|"),
);

const COMPLAINT = new RegExp(
  [
    String.raw`out of sync`,
    String.raw`unsub(?:scrib)?(?:ed|bed|bing|ing)`,
    String.raw`(?:thanks|thank you) for nothing`,
    String.raw`(?:can'?t|couldn'?t|cannot) (?:hear|understand) (?:you|anything|a word|what you)`,
  ].join("|"),
);

// Stock praise a sarcastic comment opens with, and what makes the rest a complaint:
// after "oh great" any complaint word ("oh great, the mic died"); after "love how
// you" only a sour word ("…ignored every question"), since "love how you handle
// the hate comments" is sincere.
const SARCASTIC_OPENER = /^ (?:oh (?:great|wonderful|perfect|nice|joy)|great another|wow (?:so|very|really) (?:helpful|useful))\b/;
const LOVE_HOW = /^ (?:gotta |i )?love how (?:you|they|he|she|it|this)\b/;
const SOUR = /\b(?:again|another|still|ignored?|ignoring|skipped|skipping|broke|broken|out of sync)\b/;

/**
 * A verdict set by one of these phrases, or undefined when none applies.
 * `negativeWords`: the lexicon's negative evidence in the comment; `asking`: the
 * comment asks or requests something (a solved problem is then the question's
 * premise: "now that the hum is gone, what about the echo?").
 */
export function verdictOf(flat: string, sentiment: Sentiment, negativeWords: number, asking: boolean): Sentiment | undefined {
  const opener = SARCASTIC_OPENER.exec(flat);
  if (opener && (negativeWords > 0 || SOUR.test(flat.slice(opener[0].length)))) return "negative";
  const love = LOVE_HOW.exec(flat);
  if (love && SOUR.test(flat.slice(love[0].length))) return "negative";
  if (COMPLAINT.test(flat)) return "negative";
  if (PRAISE.test(flat)) return "positive";
  if (!asking && sentiment !== "positive" && PROBLEM_SOLVED.test(flat) && !NOT_SOLVED.test(flat)) return "positive";
  return undefined;
}
