// npm run deploy:check -- --project <id>: refuses a deploy that would run on
// development settings (tools/deploy/check.ts says what is checked; docs/deploy.md).
// Exits 1 listing each problem.
import { deployProblems } from "./deploy/check";
import { deployInputs } from "./deploy/inputs";

const args = process.argv.slice(2);
const at = args.indexOf("--project");
const project = at >= 0 ? args[at + 1] : undefined;
if (!project) {
  process.stderr.write("usage: npm run deploy:check -- --project <firebase-project-id>\n");
  process.exit(2);
}
const inputs = deployInputs(project);
const problems = deployProblems(inputs);
if (problems.length) {
  process.stderr.write(`deploy:check ${project}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  process.exit(1);
}
process.stderr.write(`deploy:check ${project}: ready (${inputs.envFile}, ${new Set(inputs.boundSecrets).size} bound secrets in the runbook, functions lockfile current)\n`);
