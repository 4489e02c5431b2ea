// The audience part of local insights, from what the comments say about
// their writers (beginner vs. expert phrasing) and which topics they share.
import type { AnalysedComment, Insights, Theme } from "../../types";
import { flatten } from "../tokenize";
import { pct, plural } from "./text";

const BEGINNER = / (?:beginner|beginners|new to|first time|just started|just starting|noob|newbie|learning|im new|i am new|struggling)\b/;
const ADVANCED = / (?:advanced|experienced|professional|years of experience|senior|expert|in production|at work|my team|our team)\b/;

function level(comments: readonly AnalysedComment[]): string | undefined {
  let beginner = 0;
  let advanced = 0;
  for (const c of comments) {
    const flat = flatten(c.text);
    if (BEGINNER.test(flat)) beginner += 1;
    if (ADVANCED.test(flat)) advanced += 1;
  }
  if (beginner + advanced < 2) return undefined;
  if (beginner >= advanced * 2) return "beginner";
  if (advanced >= beginner * 2) return "advanced";
  return "mixed";
}

export function localAudience(comments: readonly AnalysedComment[], themes: readonly Theme[]): Insights["audience"] {
  const real = comments.filter((c) => !c.blocked && c.category !== "spam");
  const questions = real.filter((c) => c.category === "question").length;
  const fans = real.filter((c) => c.category === "appreciation").length;
  const interests = themes.map((t) => t.name).slice(0, 6);
  const experienceLevel = level(real);
  const parts = [
    `${plural(real.length, "commenter")}: ${pct(fans, real.length)}% express appreciation and ${pct(questions, real.length)}% ask questions.`,
    interests.length ? `They care most about ${interests.slice(0, 3).join(", ")}.` : "",
    experienceLevel ? `Their phrasing suggests a ${experienceLevel} audience.` : "",
  ];
  return { summary: parts.filter(Boolean).join(" "), interests, ...(experienceLevel ? { experienceLevel } : {}) };
}
