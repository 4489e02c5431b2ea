// The clean demo's pieces: the output check (it must catch emulator lines and
// a missing report), the demo's arguments, the shell keys that switch it to
// the real services, and the Paddle stand-in that lets the stack set every secret.
import { expect } from "chai";
import { parseDemoArgs } from "../../../tools/demo/args";
import { logProblems, stdoutProblems } from "../../../tools/demo/outputCheck";
import { liveOverrides } from "../../../tools/liveKeys";

const CLEAN = [
  "Lently demo — YouTube comment intelligence on the local Firebase stack",
  "    0%  Waiting to start",
  "   25%  Analysing sentiment, emotions and categories",
  "  100%  Done",
  "── Sentiment ──",
  "── What viewers are saying ──",
  "── Themes ──",
  "── Executive summary ──",
  "── Cost ──",
  "  AI calls 0 · tokens in 0 / out 0 · YouTube units 3",
  "── Ask AI ──",
  "  A: 11 comments relate to your question.",
  "Emulator and function logs: /tmp/demo.log",
].join("\n");

describe("demo output check", () => {
  it("passes a clean run, with a TTY progress bar too", () => {
    expect(stdoutProblems(CLEAN)).to.deep.equal([]);
    const tty = CLEAN.replace("    0%  Waiting to start\n   25%  Analysing sentiment, emotions and categories\n  100%  Done", "\r  [····]   0%  Waiting\r  [████] 100%  Done");
    expect(stdoutProblems(tty)).to.deep.equal([]);
  });

  for (const line of ["i  functions: Beginning execution of \"getMe\"", "⚠  firestore: Env variable override", "✔  functions: Loaded", ">  {\"severity\":\"DEBUG\"}", "⬢  functions: Unable to access secret"]) {
    it(`fails on the emulator line ${JSON.stringify(line.slice(0, 3))}`, () => {
      const problems = stdoutProblems(CLEAN.replace("── Cost ──", `${line}\n── Cost ──`));
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(/emulator log line/);
    });
  }

  it("fails when the progress or a report section is missing", () => {
    expect(stdoutProblems(CLEAN.replace("  100%  Done\n", ""))).to.include("the progress never reaches 100%");
    expect(stdoutProblems(CLEAN.replace("── Executive summary ──\n", ""))).to.include('report section "── Executive summary" missing');
    expect(stdoutProblems(CLEAN.replace(/^Emulator and function logs.*$/m, ""))).to.have.length(1);
  });

  it("fails a log file without emulator lines or with Secret Manager warnings", () => {
    expect(logProblems("i  functions: Loaded\n")).to.deep.equal([]);
    expect(logProblems("nothing here\n")[0]).to.match(/no emulator line/);
    expect(logProblems("i  functions: Trying to access secret GEMINI_API_KEY@latest\n")[0]).to.match(/secret warnings/);
  });
});

describe("demo arguments and real keys", () => {
  it("takes a video and --json FILE relative to where npm was run", () => {
    expect(parseDemoArgs(["--json", "out.json", "https://youtu.be/dQw4w9WgXcQ"], { INIT_CWD: "/home/me" })).to.deep.equal({
      video: "https://youtu.be/dQw4w9WgXcQ",
      jsonFile: "/home/me/out.json",
    });
    expect(parseDemoArgs([], {}).video).to.equal("lentlyDemo1");
    expect(() => parseDemoArgs(["--json"], {})).to.throw(/needs a file name/);
    expect(() => parseDemoArgs(["--verbose"], {})).to.throw(/unknown option --verbose/);
  });

  it("uses the real YouTube and Gemini only when their keys are in the shell", () => {
    expect(liveOverrides({}).services).to.deep.equal([]);
    const live = liveOverrides({ YOUTUBE_API_KEY: "AIza-yt", GEMINI_API_KEY: "AIza-gm" });
    expect(live.params).to.deep.equal({ YOUTUBE_API_ROOT_URL: "https://youtube.googleapis.com/", AI_PROVIDER: "gemini", AI_BACKEND: "api-key", GEMINI_BASE_URL: "" });
    expect(live.secrets).to.deep.equal({ YOUTUBE_API_KEY: "AIza-yt", GEMINI_API_KEY: "AIza-gm" });
  });
});
