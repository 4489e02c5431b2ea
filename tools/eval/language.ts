// `npm run eval -- language [--json] [--detector eld|franc|tinyld]`: the comment
// language detector (functions/src/ai/language/detect.ts) on the labelled
// YouTube-style comments of languageSamples.ts, written for these tests (13
// languages). Per language: accuracy on comments of 20+ characters, and how the
// shorter ones fare (a short Latin-script text is left undetermined on purpose);
// then throughput on one core (this process, one thread). `--detector franc` or
// `tinyld` scores those packages the same way, raw (no length rule), for the
// comparison in docs/languages.md.
import { importModule, loadLanguageDetector, type DetectLanguage } from "../../functions/src/ai/language/detect";
import { LANGUAGE_SAMPLES } from "./languageSamples";
import type { EvalTask } from "./task";

const LONG = 20;
// Enough repetitions of the set for a stable rate (~80,000 detections).
const THROUGHPUT_ROUNDS = 300;

interface PerLanguage {
  n: number;
  correct: number;
  accuracy: number;
  /** Comments under 20 characters: right, undetermined (null), wrong. */
  short: { n: number; correct: number; undetermined: number; wrong: number };
  /** What the wrong long ones were taken for. */
  confusions: Record<string, number>;
}


// franc answers ISO 639-3; these are the codes of the sampled languages.
const ISO3: Record<string, string> = { eng: "en", spa: "es", por: "pt", fra: "fr", deu: "de", ita: "it", ind: "id", zlm: "id", tur: "tr", rus: "ru", jpn: "ja", kor: "ko", arb: "ar", hin: "hi" };

async function detectorNamed(name: string): Promise<DetectLanguage> {
  if (name === "eld") return loadLanguageDetector();
  if (name === "franc") {
    const { franc } = (await importModule("franc-min")) as { franc: (text: string) => string };
    return (text) => {
      const code = franc(text);
      return code === "und" ? null : (ISO3[code] ?? code);
    };
  }
  if (name === "tinyld") {
    const { detect } = (await importModule("tinyld")) as { detect: (text: string) => string };
    return (text) => detect(text) || null;
  }
  throw new Error(`eval language: --detector must be eld, franc or tinyld`);
}

async function run() {
  const i = process.argv.indexOf("--detector");
  const name = i >= 0 ? (process.argv[i + 1] ?? "") : "eld";
  const loadStart = process.hrtime.bigint();
  const detect = await detectorNamed(name);
  const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
  const languages: Record<string, PerLanguage> = {};
  let n = 0;
  let correct = 0;
  for (const [code, texts] of Object.entries(LANGUAGE_SAMPLES)) {
    const entry: PerLanguage = { n: 0, correct: 0, accuracy: 0, short: { n: 0, correct: 0, undetermined: 0, wrong: 0 }, confusions: {} };
    for (const text of texts) {
      const found = detect(text);
      if ([...text].length >= LONG) {
        entry.n += 1;
        if (found === code) entry.correct += 1;
        else entry.confusions[found ?? "undetermined"] = (entry.confusions[found ?? "undetermined"] ?? 0) + 1;
      } else {
        entry.short.n += 1;
        if (found === code) entry.short.correct += 1;
        else if (found === null) entry.short.undetermined += 1;
        else entry.short.wrong += 1;
      }
    }
    entry.accuracy = entry.n ? Math.round((entry.correct / entry.n) * 1000) / 1000 : 0;
    n += entry.n;
    correct += entry.correct;
    languages[code] = entry;
  }
  const texts = Object.values(LANGUAGE_SAMPLES).flat();
  let chars = 0;
  const started = process.hrtime.bigint();
  for (let round = 0; round < THROUGHPUT_ROUNDS; round += 1) for (const text of texts) chars += detect(text)?.length ?? 0;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const detections = THROUGHPUT_ROUNDS * texts.length;
  const accuracies = Object.values(languages).map((l) => l.accuracy);
  return {
    overall: {
      detector: name,
      languages: Object.keys(languages).length,
      n,
      accuracy: Math.round((correct / n) * 1000) / 1000,
      lowestLanguageAccuracy: Math.min(...accuracies),
      commentsPerSecond: Math.round(detections / seconds),
      loadMs: Math.round(loadMs),
      // Keeps the timed loop's work observable (nothing optimised away).
      checksum: chars,
    },
    languages,
  };
}

export const languageTask: EvalTask & { builtIn: true } = {
  dataset: "",
  builtIn: true,
  run,
  print(result) {
    const o = result.overall;
    console.log(`detector ${String(o.detector)}: ${String(o.languages)} languages, ${String(o.n)} comments of ${LONG}+ characters, accuracy ${String(o.accuracy)} (lowest language ${String(o.lowestLanguageAccuracy)})`);
    console.log(`throughput ${String(o.commentsPerSecond)} comments/s on one core; loaded in ${String(o.loadMs)} ms\n`);
    console.log("lang   n  accuracy  short: n right undetermined wrong  confused with");
    for (const [code, l] of Object.entries(result.languages as Record<string, PerLanguage>)) {
      const confused = Object.entries(l.confusions).map(([k, v]) => `${k}×${v}`).join(" ");
      console.log(
        `${code.padEnd(4)} ${String(l.n).padStart(3)}  ${l.accuracy.toFixed(3).padStart(8)}  ${String(l.short.n).padStart(8)} ${String(l.short.correct).padStart(5)} ${String(l.short.undetermined).padStart(12)} ${String(l.short.wrong).padStart(5)}  ${confused}`,
      );
    }
  },
};
