// What a clean `npm run demo` looks like, as checks that can fail: its stdout
// holds the progress and the whole report and no emulator log line; the log
// file it names holds the emulator's lines and no Secret Manager warning.
// Used by tools/demoCheck.ts (which runs the demo) and unit-tested on its own.

/** firebase-tools' log line prefixes (info, warn, success, function output, an emulator error). */
export const EMULATOR_PREFIXES = ["i  ", "⚠  ", "✔  ", ">  ", "⬢  "];

/** Report sections the demo must print, in order. */
export const REPORT_SECTIONS = ["── Sentiment", "── What viewers are saying", "── Themes", "── Executive summary", "── Cost", "── Ask AI"];

const LOG_LINE = /^Emulator and function logs: (.+)$/m;

/** The log path the demo printed, if any. */
export function logPathOf(stdout: string): string | undefined {
  return LOG_LINE.exec(stdout)?.[1]?.trim();
}

/** Everything wrong with a demo run's stdout (empty when clean). */
export function stdoutProblems(stdout: string): string[] {
  const problems: string[] = [];
  // A TTY progress bar redraws with \r: each redraw is a line of its own here.
  const lines = stdout.split(/\r\n|\r|\n/);
  const logLines = lines.filter((line) => EMULATOR_PREFIXES.some((p) => line.startsWith(p)));
  if (logLines.length) problems.push(`${logLines.length} emulator log line(s) on stdout, e.g. ${JSON.stringify(logLines[0].slice(0, 120))}`);
  const progress = lines.filter((line) => /^\s*(?:\[[█·]+\])?\s*\d{1,3}%\s+\S/.test(line));
  if (progress.length < 2) problems.push(`expected the analysis progress (at least 2 progress lines), found ${progress.length}`);
  if (!progress.some((line) => /\b100%/.test(line))) problems.push("the progress never reaches 100%");
  let from = 0;
  for (const section of REPORT_SECTIONS) {
    const at = stdout.indexOf(section, from);
    if (at < 0) problems.push(`report section "${section}" missing${stdout.includes(section) ? " or out of order" : ""}`);
    else from = at;
  }
  if (!/^\s*AI calls \d/m.test(stdout)) problems.push("the report's cost line is missing");
  if (!/^ {2}A: \S/m.test(stdout)) problems.push("the Ask AI answer is missing");
  if (!logPathOf(stdout)) problems.push('the line "Emulator and function logs: <path>" is missing');
  return problems;
}

/** Everything wrong with the log file the demo named. */
export function logProblems(log: string): string[] {
  const problems: string[] = [];
  if (!log.split("\n").some((line) => EMULATOR_PREFIXES.some((p) => line.startsWith(p)))) {
    problems.push("the log file holds no emulator line: the logs went somewhere else");
  }
  const secretLines = log.split("\n").filter((line) => /Secret Manager|Trying to access secret/.test(line));
  if (secretLines.length) problems.push(`secret warnings the local stack should have prevented: ${JSON.stringify(secretLines[0].slice(0, 160))}`);
  return problems;
}
