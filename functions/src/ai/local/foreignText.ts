// Comments in a language the local models cannot read. Their words are unknown to
// the English lexicon and to the weights learned on English reviews, so whatever
// those say is noise ("Selamat mister udah 1 JUTA subscriber" read negative):
// only what is language-free (emoji, emoticons) speaks for them.
import { FUNCTION_WORDS } from "./stopwords";
import type { Token } from "./tokenize";

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
// Latin letters English does not use: "équipes", "comparação", "hızlı", "đẹp".
const ACCENTED = /[à-öø-ÿĀ-ɏḀ-ỿ]/u;
// Function words of the Latin-script languages most common on YouTube (Spanish,
// Portuguese, French, Italian, German, Indonesian, Turkish) that are not English words.
const OTHER_FUNCTION_WORDS = new Set([
  "de", "la", "le", "les", "el", "los", "las", "que", "y", "es", "del", "por", "con", "para", "una", "muy", "pero", "como",
  "mas", "não", "é", "um", "uma", "com", "muito", "você", "vc", "seu", "sua", "os", "das", "dos", "et", "est", "des", "du",
  "une", "je", "tu", "il", "pas", "c'est", "ce", "très", "che", "di", "è", "non", "sono", "und", "der", "das", "ist",
  "nicht", "ich", "ein", "eine", "mit", "yang", "dan", "ini", "itu", "dengan", "ada", "tidak", "bir", "ve", "bu", "çok",
]);

/**
 * True when most words are in a non-Latin script (Korean, Cyrillic, Devanagari…),
 * or when at least two words, a third of them, carry letters English does not
 * use (one "café" or "Pokémon" in an English comment is not enough), or when
 * another language's function words outnumber English ones ("y aun suena la mejor").
 */
export function isForeignText(tokens: Token[]): boolean {
  let words = 0;
  let otherScript = 0;
  let accented = 0;
  let english = 0;
  let other = 0;
  for (const t of tokens) {
    if (t.kind !== "word") continue;
    words += 1;
    if (LETTER.test(t.norm) && !LATIN.test(t.norm)) otherScript += 1;
    else if (ACCENTED.test(t.norm)) accented += 1;
    if (FUNCTION_WORDS.has(t.norm)) english += 1;
    else if (OTHER_FUNCTION_WORDS.has(t.norm)) other += 1;
  }
  if (words === 0) return false;
  return otherScript * 2 > words || (accented >= 2 && accented * 3 >= words) || (other >= 2 && other > english);
}
