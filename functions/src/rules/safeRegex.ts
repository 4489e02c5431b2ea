// Patterns the creator writes run on viewers' text, so they run on RE2
// (re2js): no backreferences or lookaround, and matching time linear in the
// program size × the text length. Both are bounded (domain/ruleLimits.ts):
// a pattern whose program exceeds MAX_REGEX_PROGRAM is refused when the rule
// is saved, and only the first MAX_TEXT_SCANNED characters of a comment are
// read, so no viewer's text can make a match run long.
import { RE2JS } from "re2js";
import { MAX_PATTERN_LENGTH, MAX_REGEX_PROGRAM, MAX_TEXT_SCANNED } from "../domain/ruleLimits";

export interface SafePattern {
  source: string;
  /** RE2 program size: the per-character work of a match. */
  programSize: number;
  test(text: string): boolean;
}

export class PatternError extends Error {}

/** Compiles a creator's pattern, or throws a PatternError saying why it is refused. */
export function compileSafe(source: string, caseSensitive = false): SafePattern {
  if (source.length > MAX_PATTERN_LENGTH) throw new PatternError(`must be at most ${MAX_PATTERN_LENGTH} characters`);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^error parsing regexp: /, "") : "does not compile";
    throw new PatternError(`is not a valid pattern (${why})`);
  }
  const programSize = compiled.programSize();
  if (programSize > MAX_REGEX_PROGRAM) throw new PatternError(`is too complex (${programSize} instructions, at most ${MAX_REGEX_PROGRAM})`);
  return {
    source,
    programSize,
    test: (text) => compiled.matcher(bounded(text)).find(),
  };
}

/** The part of a comment a pattern reads (a whole YouTube comment: none is longer). */
export function bounded(text: string): string {
  return text.length > MAX_TEXT_SCANNED ? text.slice(0, MAX_TEXT_SCANNED) : text;
}

/** The most work one match may do (RE2: program size × characters read). */
export const MAX_MATCH_WORK = MAX_REGEX_PROGRAM * MAX_TEXT_SCANNED;

/** A literal phrase as a pattern matching it as whole words. */
export function wordPattern(phrase: string, caseSensitive = false): SafePattern {
  return compileSafe(`(?:^|[^\\p{L}\\p{N}_])${RE2JS.quote(phrase)}(?:$|[^\\p{L}\\p{N}_])`, caseSensitive);
}
