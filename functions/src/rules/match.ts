// Whether a rule's condition matches a comment, and why: every clause that
// decided the match gives one line of reason (the tester shows them, the audit
// log keeps them). Patterns are compiled once per rule (compileRule) on RE2.
import type { RuleClause, RuleInput } from "../contracts/rules";
import { CATEGORIES, SENTIMENTS } from "../domain/labels";
import { MESSAGING_DOMAINS, type RuleLabel } from "../domain/ruleLimits";
import { bounded, compileSafe, PatternError, wordPattern, type SafePattern } from "./safeRegex";
import type { ListsOf, RuleComment } from "./comment";

export class RuleError extends Error {
  constructor(
    readonly field: string,
    why: string,
  ) {
    super(why);
  }
}

type ClauseTest = (c: RuleComment, lists: ListsOf) => string | null;

export interface CompiledRule {
  /** The reasons it matched, or null. */
  match(c: RuleComment, lists: ListsOf): string[] | null;
}

const quote = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

function textTest(clause: Extract<RuleClause, { type: "text" }>, field: string): ClauseTest {
  const cs = clause.caseSensitive === true;
  if (clause.op === "contains") {
    const needles = clause.values.map((v) => (cs ? v : v.toLowerCase()));
    return (c) => {
      const hay = cs ? bounded(c.text) : bounded(c.text).toLowerCase();
      const hit = needles.find((n) => hay.includes(n));
      return hit === undefined ? null : `text contains ${quote(hit)}`;
    };
  }
  const patterns: SafePattern[] = clause.values.map((v, i) => {
    try {
      return clause.op === "regex" ? compileSafe(v, cs) : wordPattern(v, cs);
    } catch (err) {
      if (err instanceof PatternError) throw new RuleError(`${field}.values.${i}`, err.message);
      throw err;
    }
  });
  return (c) => {
    const hit = patterns.findIndex((p) => p.test(c.text));
    if (hit < 0) return null;
    return clause.op === "regex" ? `text matches /${clause.values[hit]}/` : `text has the word ${quote(clause.values[hit])}`;
  };
}

/** Link hosts in a comment: `https://host/…`, `www.host`, or `host.tld/path` (t.me/x, wa.me/123). */
export function linkHosts(text: string): string[] {
  const hosts: string[] = [];
  for (const token of bounded(text).toLowerCase().split(/[\s<>"'()[\]]+/)) {
    const m = /^(https?:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/|$)/.exec(token.length > 300 ? token.slice(0, 300) : token);
    if (!m) continue;
    const host = m[2].replace(/^www\./, "");
    const tld = host.slice(host.lastIndexOf(".") + 1);
    // A bare "word.word" is a sentence missing its space unless it has a scheme, a path or www.
    if (!/^[a-z]{2,}$/.test(tld)) continue;
    if (m[1] || m[3] === "/" || m[2].startsWith("www.")) hosts.push(host);
  }
  return hosts;
}

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

function linkTest(clause: Extract<RuleClause, { type: "link" }>, field: string): ClauseTest {
  if (clause.to === "domains" && !clause.domains?.length) throw new RuleError(`${field}.domains`, "must list at least one domain when to is domains");
  const domains = clause.to === "messaging" ? [...MESSAGING_DOMAINS] : clause.to === "domains" ? clause.domains!.map((d) => d.toLowerCase()) : null;
  return (c) => {
    const hosts = linkHosts(c.text);
    if (!domains) return hosts.length ? `has a link (${hosts[0]})` : null;
    const hit = hosts.find((h) => domains.some((d) => onDomain(h, d)));
    if (!hit) return null;
    return clause.to === "messaging" ? `links to a messaging app (${hit})` : `links to ${hit}`;
  };
}

function authorTest(clause: Extract<RuleClause, { type: "author" }>, field: string): ClauseTest {
  if (!clause.handles && !clause.channelIds && !clause.list) throw new RuleError(field, "must give handles, channelIds or list");
  const handles = new Set((clause.handles ?? []).map((h) => h.replace(/^@/, "").toLowerCase()));
  const ids = new Set(clause.channelIds ?? []);
  return (c, listsOf) => {
    if (handles.size && handles.has(c.author.replace(/^@/, "").toLowerCase())) return `author is ${c.author}`;
    if (ids.size && c.authorChannelId && ids.has(c.authorChannelId)) return `author's channel is ${c.authorChannelId}`;
    if (clause.list) {
      const lists = listsOf(c.authorChannelId);
      if (clause.list === "none") return lists.size === 0 ? "author is on none of your lists" : null;
      if (lists.has(clause.list)) return `author is on your ${clause.list} list`;
    }
    return null;
  };
}

const confidenceOf = (c: RuleComment, label: RuleLabel) => c.confidence?.[label] ?? 1;

function labelTest(clause: Extract<RuleClause, { type: "label" }>, field: string): ClauseTest {
  const { label, value } = clause;
  const min = clause.minConfidence ?? 0;
  if (label === "category" && (!value || !(CATEGORIES as readonly string[]).includes(value))) {
    throw new RuleError(`${field}.value`, `must be one of ${CATEGORIES.join(", ")}`);
  }
  if (label === "sentiment" && (!value || !(SENTIMENTS as readonly string[]).includes(value))) {
    throw new RuleError(`${field}.value`, `must be one of ${SENTIMENTS.join(", ")}`);
  }
  if (label === "language" && (!value || !/^[a-z]{2}$/.test(value))) throw new RuleError(`${field}.value`, "must be an ISO 639-1 language code like en");
  if (label === "toxic" && value !== undefined) throw new RuleError(`${field}.value`, "takes no value for the toxic label");
  const confident = (c: RuleComment) => {
    const p = confidenceOf(c, label);
    return p >= min ? (clause.minConfidence !== undefined ? ` (confidence ${p.toFixed(2)} ≥ ${min.toFixed(2)})` : "") : null;
  };
  return (c) => {
    let hit: string | null = null;
    if (label === "toxic" && c.toxic) hit = "labelled toxic";
    else if (label === "category" && c.category === value) hit = `labelled ${value}`;
    else if (label === "sentiment" && c.sentiment === value) hit = `sentiment ${value}`;
    else if (label === "language" && c.language === value) hit = `language ${value}`;
    else if (label === "spam" && c.spamReason && (!value || c.spamReason === value)) hit = `spam (${c.spamReason})`;
    if (hit === null) return null;
    const conf = confident(c);
    return conf === null ? null : hit + conf;
  };
}

function clauseTest(clause: RuleClause, field: string): ClauseTest {
  switch (clause.type) {
    case "text":
      return textTest(clause, field);
    case "link":
      return linkTest(clause, field);
    case "author":
      return authorTest(clause, field);
    case "label":
      return labelTest(clause, field);
    case "video": {
      const ids = new Set(clause.videoIds);
      return (c) => (ids.has(c.videoId) ? `on video ${c.videoId}` : null);
    }
    case "likes": {
      if (clause.min === undefined && clause.max === undefined) throw new RuleError(field, "must give min or max");
      if (clause.min !== undefined && clause.max !== undefined && clause.min > clause.max) throw new RuleError(`${field}.max`, "must be at least min");
      return (c) =>
        (clause.min === undefined || c.likeCount >= clause.min) && (clause.max === undefined || c.likeCount <= clause.max) ? `${c.likeCount} likes` : null;
    }
  }
}

/** Compiles a rule's condition; a RuleError names the field that is wrong (a pattern that does not compile, an unknown label value). */
export function compileRule(rule: Pick<RuleInput, "condition">, field = "rule.condition"): CompiledRule {
  const tests = rule.condition.clauses.map((clause, i) => {
    const test = clauseTest(clause, `${field}.clauses.${i}`);
    if (!clause.not) return test;
    const described = describe(clause);
    const negated: ClauseTest = (c, lists) => (test(c, lists) === null ? `not: ${described}` : null);
    return negated;
  });
  const all = rule.condition.match === "all";
  return {
    match(c, lists) {
      const reasons: string[] = [];
      for (const test of tests) {
        const reason = test(c, lists);
        if (reason !== null) {
          reasons.push(reason);
          if (!all) return reasons;
        } else if (all) return null;
      }
      return reasons.length ? reasons : null;
    },
  };
}

function describe(clause: RuleClause): string {
  switch (clause.type) {
    case "text":
      return `text ${clause.op} ${clause.values.map(quote).join(" or ")}`;
    case "link":
      return clause.to === "any" ? "has a link" : clause.to === "messaging" ? "links to a messaging app" : `links to ${clause.domains?.join(" or ")}`;
    case "author":
      return "author";
    case "label":
      return `label ${clause.label}${clause.value ? ` ${clause.value}` : ""}`;
    case "video":
      return "video";
    case "likes":
      return "likes";
  }
}
