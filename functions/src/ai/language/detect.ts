// The language a comment is written in, by eld (Efficient Language Detector,
// Apache-2.0), its extra-small n-gram table: 60 languages, ~0.7 s to load, tens
// of thousands of YouTube-length comments a second on one core. Why eld and not
// franc or tinyld, measured: docs/languages.md. Loaded on first use, by the steps
// that read comments only: lib/index.js and the other functions never pay for it.

/** ISO 639-1 code ("en", "es", "ja"…), or null when the text does not say (too short, emoji only, unsure). */
export type LanguageCode = string;
export type DetectLanguage = (text: string) => LanguageCode | null;

interface EldResult {
  language: string;
  isReliable(): boolean;
}
interface Eld {
  detect(text: string): EldResult;
}

// eld ships as an ES module whose package exports only an `import` entry, and
// this package compiles to CommonJS, where TypeScript turns `import()` into
// `require()`: the Function keeps a real dynamic import. Its body is this
// constant; only package names written here are passed to it.
// eslint-disable-next-line @typescript-eslint/no-implied-eval
export const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/**
 * Latin-script texts with fewer letters than this are not given a language:
 * "nice video" comes out Slovenian, "W" Polish. Other scripts name their
 * language from the first word (Japanese, Korean, Arabic, Devanagari…).
 */
export const MIN_LATIN_LETTERS = 15;

// eld has no Indonesian table; its Malay one takes the Indonesian comments too
// (they share most of their vocabulary), and on YouTube Indonesian ones far
// outnumber Malaysian ones, so the pair is reported as Indonesian.
const ALIASES: Record<string, LanguageCode> = { ms: "id" };

// Scripts only one language writes in: what a text too short for eld's n-grams ("최고예요 👍") is written in.
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const languageOfScript = (text: string): LanguageCode | null => (KANA.test(text) ? "ja" : HANGUL.test(text) ? "ko" : null);

let loading: Promise<DetectLanguage> | undefined;

/** The detector, loaded once per instance. Deterministic: same text, same answer. */
export function loadLanguageDetector(): Promise<DetectLanguage> {
  loading ??= importModule("eld/extrasmall").then((mod) => {
    const eld = (mod as { eld: Eld }).eld;
    return (text: string): LanguageCode | null => {
      if (typeof text !== "string") return null;
      const letters = text.match(LETTER)?.length ?? 0;
      if (letters === 0) return null;
      const latin = text.match(LATIN_LETTER)?.length ?? 0;
      const latinText = latin * 2 > letters;
      if (latinText && latin < MIN_LATIN_LETTERS) return null;
      const found = eld.detect(text);
      // eld's reliability bar is for Latin-script look-alikes (Indonesian read as Tagalog);
      // in another script its best guess is already narrowed by the script.
      if (!found.language) return latinText ? null : languageOfScript(text);
      if (latinText && !found.isReliable()) return null;
      return ALIASES[found.language] ?? found.language;
    };
  });
  return loading;
}

/** The languages Lently's local models read; a comment in any other is counted, never given their verdict. */
export const LOCAL_MODEL_LANGUAGES: ReadonlySet<LanguageCode> = new Set(["en"]);

/** Whether the local (English) models can read a comment of this language; undetermined (short, emoji) comments they read. */
export const localModelsRead = (language: LanguageCode | null | undefined): boolean => !language || LOCAL_MODEL_LANGUAGES.has(language);
