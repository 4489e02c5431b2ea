// The bounds of the creator's automation rules (rules/): how many rules, how
// big a condition, how long a pattern, which template variables and lists
// exist. Plain values, so the contracts the web app imports and the services
// read the same numbers.

/** Rules per creator. */
export const MAX_RULES = 50;
/** Clauses in one rule's condition. */
export const MAX_CLAUSES = 10;
/** Words or phrases in one text clause, handles or ids in one author clause, domains in one link clause. */
export const MAX_VALUES = 20;
/** Characters of one text value or regex pattern. */
export const MAX_PATTERN_LENGTH = 200;
/**
 * Instructions of a compiled regex (RE2's program size). RE2 matches in time
 * linear in program size × text length, so this and MAX_TEXT_SCANNED bound
 * every match; `(a{100}){100}` compiles to far more and is refused.
 */
export const MAX_REGEX_PROGRAM = 1_000;
/** Characters of a comment the text and regex clauses read: YouTube's own limit on a comment. */
export const MAX_TEXT_SCANNED = 10_000;
/** A template reply's length before its variables are filled in. */
export const MAX_TEMPLATE_LENGTH = 1_000;
/** Comments one testRule call may be given as a sample. */
export const MAX_SAMPLE = 100;
/** AI drafts one testRule call writes (each is one reply draft of the plan). */
export const TEST_AI_DRAFTS = 3;
/** Pending actions one approve or reject call takes. */
export const MAX_DECISION_IDS = 50;

/** `{author}` and `{videoTitle}` in a reply template. */
export const TEMPLATE_VARIABLES = ["author", "videoTitle"] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** Labels Lently puts on a comment that a rule may test. */
export const RULE_LABELS = ["category", "sentiment", "toxic", "spam", "language"] as const;
export type RuleLabel = (typeof RULE_LABELS)[number];

/** Messaging apps viewers are lured to (the `messaging` link clause): their link hosts. */
export const MESSAGING_DOMAINS = [
  "t.me",
  "telegram.me",
  "telegram.org",
  "wa.me",
  "whatsapp.com",
  "chat.whatsapp.com",
  "signal.me",
  "discord.gg",
  "discord.com",
  "m.me",
  "line.me",
  "kik.me",
  "snapchat.com",
  "viber.com",
] as const;

export const RULE_MODES = ["auto", "approve"] as const;
export type RuleMode = (typeof RULE_MODES)[number];
