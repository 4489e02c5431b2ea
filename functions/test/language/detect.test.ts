// The comment language detector, the language mix, and the local provider's
// refusal to judge what it cannot read.
import { expect } from "chai";
import { loadLanguageDetector, type DetectLanguage } from "../../src/ai/language/detect";
import { summarizeLanguages } from "../../src/ai/language/mix";
import { LocalProvider } from "../../src/ai/local/provider";
import { unreadNote } from "../../src/ai/local/templates/summary";
import { summarizeSentiment } from "../../src/ai/summaries";
import { LANGUAGE_SAMPLES } from "../../../tools/eval/languageSamples";

describe("ai/language: detection", function () {
  this.timeout(30_000);
  let detect: DetectLanguage;
  before(async () => {
    detect = await loadLanguageDetector();
  });

  it("names the language of YouTube-length comments in 13 languages, at least 9 in 10 of each", () => {
    for (const [code, texts] of Object.entries(LANGUAGE_SAMPLES)) {
      const long = texts.filter((t) => [...t].length >= 20);
      const right = long.filter((t) => detect(t) === code).length;
      expect(right / long.length, code).to.be.at.least(0.9);
    }
  });

  it("leaves short Latin-script texts and emoji undetermined rather than guess (\"nice video\" is not Slovenian)", () => {
    for (const text of ["nice video", "W", "lol", "🔥🔥🔥", "", "first!!"]) expect(detect(text), text).to.equal(null);
  });

  it("names short texts in a script of their own, and Indonesian without accents", () => {
    expect(detect("最高です😭")).to.equal("ja");
    expect(detect("최고예요 👍")).to.equal("ko");
    expect(detect("ما شاء الله عليك 😍")).to.equal("ar");
    expect(detect("Selamat bang udah satu juta subscriber, semoga makin sukses")).to.equal("id");
  });

  it("survives what is not text", () => {
    expect(detect(undefined as unknown as string)).to.equal(null);
    expect(detect("a".repeat(100_000))).to.satisfy((x: unknown) => x === null || typeof x === "string");
  });
});

describe("ai/language: the language mix", () => {
  it("gives each language's share of the determined comments and the top languages' sentiment", () => {
    const mix = summarizeLanguages([
      { language: "en", sentiment: "positive" },
      { language: "en", sentiment: "negative" },
      { language: "es", sentiment: "positive" },
      { language: "ja", sentiment: null, unread: "language" },
      { language: null, sentiment: "neutral" },
    ]);
    expect(mix).to.deep.include({ total: 5, undetermined: 1, unread: 1 });
    expect(mix.languages.map((l) => [l.code, l.name, l.count, l.share])).to.deep.equal([
      ["en", "English", 2, 50],
      ["es", "Spanish", 1, 25],
      ["ja", "Japanese", 1, 25],
    ]);
    expect(mix.languages[0].sentiment).to.include({ positive: 50, negative: 50 });
    // Nothing read in Japanese: no sentiment, not a made-up neutral.
    expect(mix.languages[2].sentiment).to.equal(null);
  });
});

describe("ai/local: comments in languages the models cannot read", function () {
  this.timeout(30_000);
  const video = { id: "v", title: "Sourdough for beginners" };

  it("gives Japanese and Arabic comments no sentiment and no category, and says so in the summary", async () => {
    const local = new LocalProvider();
    const { value } = await local.analyzeComments(
      [
        { id: "c1", text: "This recipe is amazing, thank you so much!" },
        { id: "c2", text: "とても分かりやすい説明でした！週末に作ってみます。" },
        { id: "c3", text: "شكرا جزيلا على هذه الوصفة الرائعة، جربتها اليوم ونجحت معي" },
        { id: "c4", text: "❤️❤️" },
      ],
      video,
    );
    expect(value[0]).to.include({ sentiment: "positive", language: "en" });
    for (const [i, language] of [[1, "ja"], [2, "ar"]] as const) {
      expect(value[i]).to.include({ sentiment: null, category: null, unread: "language", language, toxic: false });
      expect(value[i].emotions).to.deep.equal([]);
    }
    // Emoji only: no language, read as before.
    expect(value[3]).to.include({ language: null, sentiment: "positive" });
    expect(summarizeSentiment(value).total).to.equal(2);
    const note = unreadNote(value.map((a, i) => ({ ...a, text: `t${i}` })));
    expect(note).to.match(/^2 comments in other languages \((Japanese 1 and Arabic 1|Arabic 1 and Japanese 1)\) were not read/);
    expect(note).to.match(/with Gemini they are read/);
  });

  it("takes the pipeline's language when given, and detects it when not", async () => {
    const local = new LocalProvider();
    const { value } = await local.analyzeComments([{ id: "c1", text: "Great video, thanks a lot for this", language: "pt" }], video);
    expect(value[0]).to.include({ unread: "language", sentiment: null });
  });
});
