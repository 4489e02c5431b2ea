// The rule engine on its own: conditions and their reasons, RE2 patterns and
// their bounds, templates, and the errors that name the field.
import { expect } from "chai";
import { HttpsError } from "firebase-functions/v2/https";
import type { RuleInput } from "../../src/contracts/rules";
import { MAX_REGEX_PROGRAM, MAX_TEXT_SCANNED } from "../../src/domain/ruleLimits";
import type { ListsOf, RuleComment } from "../../src/rules/comment";
import { linkHosts } from "../../src/rules/match";
import { bounded, compileSafe, MAX_MATCH_WORK, PatternError } from "../../src/rules/safeRegex";
import { renderTemplate } from "../../src/rules/template";
import { validateRule } from "../../src/rules/validate";

const noLists: ListsOf = () => new Set();
const comment = (over: Partial<RuleComment> = {}): RuleComment => ({ id: "c1", videoId: "lentlyDemo1", author: "@viewer", text: "", likeCount: 0, ...over });
const rule = (condition: RuleInput["condition"], action: RuleInput["action"] = { type: "hold" }): RuleInput => ({ name: "r", condition, action, mode: "auto" });

function fieldError(fn: () => unknown): HttpsError {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(HttpsError);
    return err as HttpsError;
  }
  throw new Error("expected invalid-argument");
}

describe("rules: matching comments", () => {
  it("all: every clause must hold, each gives its reason; any: the first that holds", () => {
    const question = rule({ match: "all", clauses: [{ type: "label", label: "category", value: "question" }, { type: "text", op: "word", values: ["mic", "microphone"] }] });
    const compiled = validateRule(question);
    expect(compiled.match(comment({ category: "question", text: "Which Mic do you use?" }), noLists)).to.deep.equal(["labelled question", 'text has the word "mic"']);
    // "mic" inside "dynamic" is not the word.
    expect(compiled.match(comment({ category: "question", text: "Is it dynamic range?" }), noLists)).to.equal(null);
    expect(compiled.match(comment({ category: "praise", text: "love the mic" }), noLists)).to.equal(null);
    const either = validateRule(rule({ match: "any", clauses: [{ type: "likes", min: 100 }, { type: "text", op: "contains", values: ["giveaway"] }] }));
    expect(either.match(comment({ text: "GIVEAWAY time" }), noLists)).to.deep.equal(['text contains "giveaway"']);
  });

  it("toxic with a minimum confidence: a recorded confidence below it does not match; an asserted label without one counts as 1", () => {
    const toxic = validateRule(rule({ match: "all", clauses: [{ type: "label", label: "toxic", minConfidence: 0.8 }] }));
    expect(toxic.match(comment({ toxic: true }), noLists)).to.deep.equal(["labelled toxic (confidence 1.00 ≥ 0.80)"]);
    expect(toxic.match(comment({ toxic: true, confidence: { toxic: 0.6 } }), noLists)).to.equal(null);
    expect(toxic.match(comment({ toxic: true, confidence: { toxic: 0.93 } }), noLists)).to.deep.equal(["labelled toxic (confidence 0.93 ≥ 0.80)"]);
    expect(toxic.match(comment({ toxic: false }), noLists)).to.equal(null);
  });

  it("a link to a messaging app from an author on no list; negation; author lists", () => {
    const lure = validateRule(rule({ match: "all", clauses: [{ type: "link", to: "messaging" }, { type: "author", list: "none" }] }, { type: "reject", banAuthor: true }));
    const text = "Claim your prize here https://t.me/MayaMakes_Official_bot";
    expect(lure.match(comment({ text, authorChannelId: "UCaaaaaaaaaaaaaaaaaaaaaa" }), noLists)).to.deep.equal([
      "links to a messaging app (t.me)",
      "author is on none of your lists",
    ]);
    const vip: ListsOf = (id) => new Set(id === "UCaaaaaaaaaaaaaaaaaaaaaa" ? (["vip"] as const) : []);
    expect(lure.match(comment({ text, authorChannelId: "UCaaaaaaaaaaaaaaaaaaaaaa" }), vip)).to.equal(null);
    expect(lure.match(comment({ text: "parts list on example.com/parts" }), noLists)).to.equal(null);
    expect(linkHosts("text me wa.me/14155550142 or www.discord.gg/x, see https://www.example.com/a")).to.deep.equal(["wa.me", "discord.gg", "example.com"]);
    // A sentence missing its space is not a link.
    expect(linkHosts("great video.thanks")).to.deep.equal([]);
    const noLink = validateRule(rule({ match: "all", clauses: [{ type: "link", to: "any", not: true }] }));
    expect(noLink.match(comment({ text: "no links here" }), noLists)).to.deep.equal(["not: has a link"]);
  });

  it("bad input names the field: a regex that does not compile, an unknown label value, an unknown template variable", () => {
    const badRegex = fieldError(() => validateRule(rule({ match: "all", clauses: [{ type: "likes", min: 1 }, { type: "text", op: "regex", values: ["ok", "(?=lookahead)"] }] })));
    expect(badRegex.code).to.equal("invalid-argument");
    expect(badRegex.message).to.match(/^rule\.condition\.clauses\.1\.values\.1: is not a valid pattern/);
    const badLabel = fieldError(() => validateRule(rule({ match: "all", clauses: [{ type: "label", label: "category", value: "praise" }] })));
    expect(badLabel.message).to.match(/^rule\.condition\.clauses\.0\.value: must be one of question/);
    const badVar = fieldError(() => validateRule(rule({ match: "all", clauses: [{ type: "likes", min: 0 }] }, { type: "reply_template", template: "Thanks {name}!" })));
    expect(badVar.message).to.equal("rule.action.template: has an unknown variable {name} (known: {author}, {videoTitle})");
    expect(renderTemplate("Thanks {author}, glad {videoTitle} helped", { author: "@sam", videoTitle: "Studio build" })).to.equal("Thanks @sam, glad Studio build helped");
  });
});

describe("rules: patterns run on RE2 within a bound", () => {
  it("a catastrophic-backtracking pattern on a 10 kB comment: every match's work is bounded by program size × text read", () => {
    // (a+)+$ against "aaaa…!" takes exponential time on a backtracking engine.
    const evil = compileSafe("(a+)+$");
    const text = `${"a".repeat(9_999)}!`;
    expect(text.length).to.equal(10_000);
    expect(evil.test(text)).to.equal(false);
    // The bound: RE2 does at most programSize steps per character it reads, and it reads at most MAX_TEXT_SCANNED.
    expect(evil.programSize).to.be.at.most(MAX_REGEX_PROGRAM);
    expect(bounded(`${text}${"a".repeat(50_000)}`).length).to.equal(MAX_TEXT_SCANNED);
    expect(evil.programSize * bounded(text).length).to.be.at.most(MAX_MATCH_WORK);
    // Nested repetition that would blow the program up is refused, not run.
    expect(() => compileSafe("((a{1,30}){1,30}){1,30}")).to.throw(PatternError, /too complex|not a valid pattern/);
    expect(() => compileSafe("(\\w+\\s?){1,25}(x{1,40}){1,25}")).to.throw(PatternError, /too complex/);
    // Backreferences (the other road to super-linear matching) do not exist in RE2.
    expect(() => compileSafe("(a*)\\1")).to.throw(PatternError, /not a valid pattern/);
  });

  it("a pattern beyond the length bound is refused", () => {
    expect(() => compileSafe("a".repeat(201))).to.throw(PatternError, /at most 200 characters/);
  });
});
