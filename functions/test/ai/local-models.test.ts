// The local provider's offline models: sentiment, emotions, categories, themes.
import { expect } from "chai";
import { analyzeCommentsLocally } from "../../src/ai/local/analyze";
import { classifyCategory, explainCategory, needsAttention } from "../../src/ai/local/category";
import { detectEmotions } from "../../src/ai/local/emotion";
import { scoreSentiment } from "../../src/ai/local/sentiment";
import { loadNounPhraser } from "../../src/ai/local/nounPhrases";
import { contentIdeas, extractThemes } from "../../src/ai/local/themes";
import { tokenize } from "../../src/ai/local/tokenize";
import { CATEGORIES, EMOTIONS, SENTIMENTS, type AnalysedComment, type Category, type Sentiment } from "../../src/ai/types";

const sentimentOf = (text: string): Sentiment => scoreSentiment(text).sentiment;
const scoreOf = (text: string): number => scoreSentiment(text).score;
const categoryOf = (text: string): Category => classifyCategory(text, scoreSentiment(text));
// The phrase rules alone, before the learned check (concerns.ts) may veto a match.
const ruleCategoryOf = (text: string): Category => explainCategory(text, scoreSentiment(text)).category;

describe("local models: tokenizer", () => {
  it("splits words, emoji, emoticons, URLs and punctuation runs", () => {
    const norms = tokenize("This is SOOOO good!!! :D 😍🔥 see https://x.co/a @Bob don’t").map((t) => t.norm);
    expect(norms).to.deep.equal(["this", "is", "soo", "good", "!!", ":d", "😍", "🔥", "see", "<url>", "<mention>", "don't"]);
  });

  it("marks capitals and elongations, and ignores the zero-width junk in exported comments", () => {
    const [shout, plain] = tokenize("LOVE nice\uFEFF");
    expect(shout.caps).to.equal(true);
    expect(plain.norm).to.equal("nice");
    expect(tokenize("niceee")[0].elongated).to.equal(true);
  });
});

describe("local models: sentiment", () => {
  it("reads plain praise and plain complaints", () => {
    expect(sentimentOf("This video is amazing, I love it")).to.equal("positive");
    expect(sentimentOf("This is terrible, worst tutorial ever")).to.equal("negative");
  });

  it("flips negated words", () => {
    expect(sentimentOf("this is not good")).to.equal("negative");
    expect(sentimentOf("I don't like it")).to.equal("negative");
    expect(sentimentOf("honestly it isn't bad at all")).to.equal("positive");
    expect(scoreOf("not good")).to.be.below(scoreOf("good"));
  });

  it("lets intensifiers strengthen and hedges soften", () => {
    expect(scoreOf("very good")).to.be.above(scoreOf("good"));
    expect(scoreOf("kinda good")).to.be.below(scoreOf("good"));
    expect(scoreOf("really bad")).to.be.below(scoreOf("bad"));
  });

  it("weighs what follows 'but' more", () => {
    expect(sentimentOf("the screen is great but the battery is awful and it lags")).to.equal("negative");
    expect(sentimentOf("a bit expensive but honestly amazing, love it")).to.equal("positive");
  });

  it("reads emoji and emoticons", () => {
    expect(sentimentOf("😍😍😍")).to.equal("positive");
    expect(sentimentOf("🤮👎")).to.equal("negative");
    expect(sentimentOf("new video :)")).to.equal("positive");
    expect(sentimentOf("no new video :(")).to.equal("negative");
  });

  it("knows YouTube slang", () => {
    expect(sentimentOf("this is fire 🔥")).to.equal("positive");
    expect(sentimentOf("goated channel")).to.equal("positive");
    expect(sentimentOf("huge W")).to.equal("positive");
    expect(sentimentOf("this video is mid")).to.equal("negative");
    expect(sentimentOf("absolute trash")).to.equal("negative");
    expect(sentimentOf("L video")).to.equal("negative");
    expect(sentimentOf("meh")).to.equal("negative");
    expect(sentimentOf("smh")).to.equal("negative");
    expect(scoreOf("lol")).to.be.above(0);
  });

  it("reads 'fire' and 'W' as slang only where they are verdicts", () => {
    expect(scoreOf("the house was on fire")).to.be.at.most(scoreOf("this is fire"));
    expect(sentimentOf("w")).to.equal("positive");
  });

  it("calls factual comments with no sentiment neutral", () => {
    expect(sentimentOf("what mic do you use")).to.equal("neutral");
    expect(sentimentOf("")).to.equal("neutral");
    expect(sentimentOf("12:34")).to.equal("neutral");
    expect(sentimentOf("should i get the 32gb one?")).to.equal("neutral");
  });

  it("reads a side taken or a comparison without sentiment words as an opinion, not neutral", () => {
    for (const text of ["Nexus 7 > iPad Mini", "kindle fire all the way", "iPad, end of story", "I'll stick with my old interface", "the new one is faster"]) {
      expect(sentimentOf(text), text).to.not.equal("neutral");
    }
  });

  it("finds the side taken through the invisible characters YouTube exports leave in words", () => {
    for (const text of ["kindle fire all the\uFEFF way", "iPad end of\uFEFF story", "I'll stick\u200B with my old interface"]) {
      expect(sentimentOf(text), JSON.stringify(text)).to.not.equal("neutral");
    }
  });

  it("calls strong praise and strong complaints in one comment mixed or lets the stronger side win", () => {
    const s = sentimentOf("I love the camera and the screen is gorgeous, but the battery is horrible and the speakers are awful");
    expect(["mixed", "negative", "positive"]).to.include(s);
  });

  it("keeps scores in -1..1 and labels in the allowed set", () => {
    for (const text of ["AMAZING!!!!!!!! 😍😍😍😍😍 love love love", "worst worst worst garbage trash 🤮🤮🤮", "ok"]) {
      const { sentiment, score } = scoreSentiment(text);
      expect(SENTIMENTS).to.include(sentiment);
      expect(score).to.be.within(-1, 1);
    }
  });
});

describe("local models: emotions", () => {
  it("finds the salient emotions, most salient first", () => {
    expect(detectEmotions("thank you so much, this helped a lot")[0]).to.equal("gratitude");
    expect(detectEmotions("😂😂😂 lmao")[0]).to.equal("amusement");
    expect(detectEmotions("I'm so confused, I don't understand this part")[0]).to.equal("confusion");
    expect(detectEmotions("can't wait for the next one!!")).to.include("excitement");
    expect(detectEmotions("I love this channel ❤️")[0]).to.equal("love");
    expect(detectEmotions("so disappointed, expected more")[0]).to.equal("disappointment");
    expect(detectEmotions("this is so annoying, it doesn't work")).to.include("frustration");
  });

  it("returns nothing for neutral text and skips negated cues", () => {
    expect(detectEmotions("the video is 12 minutes long")).to.deep.equal([]);
    expect(detectEmotions("I am not happy")).to.not.include("joy");
  });

  it("returns only known emotions, at most three", () => {
    const found = detectEmotions("wow 😂 ❤️ thank you 😡 😢 so scared lol amazing!!!");
    expect(found.length).to.be.at.most(3);
    for (const e of found) expect(EMOTIONS).to.include(e);
  });
});

describe("local models: categories", () => {
  const cases: Array<[string, Category]> = [
    // Questions, with and without "?" (datasets strip punctuation).
    ["how do i install this on windows", "question"],
    ["What software do you use?", "question"],
    ["is there a way to do this without python", "question"],
    ["does anyone know why my code wont compile", "question"],
    ["can you explain the part at 3 minutes again", "question"],
    ["what about mac users", "question"],
    ["i get an error when i run it", "question"],
    ["it doesnt work for me", "question"],
    ["whats the difference between a class and an object", "question"],
    // Requests for content.
    ["please make a video about docker", "request"],
    ["can you do a video on recursion", "request"],
    ["part 2 please!!", "request"],
    // Suggestions.
    ["you should zoom in on the code", "suggestion"],
    ["it would be better if you slowed down a bit", "suggestion"],
    ["i suggest adding timestamps", "suggestion"],
    // Feedback and criticism.
    ["the audio is too quiet", "feedback"],
    ["you talk way too fast", "feedback"],
    ["clickbait, waste of time", "criticism"],
    ["terrible explanation, this video is confusing", "criticism"],
    // Not for the creator to act on.
    ["thank you so much, great tutorial!", "appreciation"],
    ["Best channel on YouTube ❤️", "appreciation"],
    ["check out my channel for free robux www.scam.example", "spam"],
    ["sub4sub anyone", "spam"],
    ["first", "other"],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" is ${expected}`, () => {
      expect(ruleCategoryOf(text), explainCategory(text, scoreSentiment(text)).rule).to.equal(expected);
    });
  }

  it("keeps what a creator acts on through the learned check, and vetoes chatter the rules took for a question", () => {
    expect(categoryOf("it would be better if you slowed down a bit")).to.equal("suggestion");
    expect(categoryOf("how do i fix the error at 5:20")).to.equal("question");
    expect(categoryOf("please make a video on recursion")).to.equal("request");
    expect(ruleCategoryOf("what is even going on lol")).to.equal("question");
    expect(needsAttention(categoryOf("what is even going on lol"))).to.equal(false);
    // Praise shaped like a question is praise by the rules already.
    expect(ruleCategoryOf("why is this so funny lol")).to.equal("appreciation");
  });

  it("does not take embedded question words for questions", () => {
    expect(categoryOf("i finally know how it works now thanks")).to.not.equal("question");
    expect(categoryOf("i didnt understand at first but now i understand thank you")).to.equal("appreciation");
  });

  it("flags exactly the actionable categories", () => {
    const actionable = CATEGORIES.filter((c) => needsAttention(c));
    expect(actionable).to.have.members(["question", "feedback", "suggestion", "request", "criticism"]);
  });
});

describe("local models: analyzeCommentsLocally", () => {
  it("analyses every comment, keyed by id, with valid values", () => {
    const out = analyzeCommentsLocally([
      { id: "c1", text: "Love this! 😍" },
      { id: "c2", text: "how do i fix the error at 5:20" },
      { id: "c3", text: "" },
    ]);
    expect(out.map((a) => a.id)).to.deep.equal(["c1", "c2", "c3"]);
    expect(out[0]).to.include({ sentiment: "positive" });
    expect(out[1].category).to.equal("question");
    expect(out[2]).to.deep.equal({ id: "c3", sentiment: "neutral", score: 0, emotions: [], category: "other", toxic: false });
    for (const a of out) {
      expect(SENTIMENTS).to.include(a.sentiment);
      expect(CATEGORIES).to.include(a.category);
    }
  });

  it("reads a problem solved through the invisible characters YouTube exports leave in words", () => {
    const out = analyzeCommentsLocally([
      { id: "c1", text: "I moved my panels and the echo is almost\uFEFF gone" },
      { id: "c2", text: "No more\u200B buzzing since I swapped the cable" },
    ]);
    expect(out.map((a) => a.sentiment)).to.deep.equal(["positive", "positive"]);
  });

  it("is deterministic", () => {
    const batch = ["great video", "not bad", "why is it slow?", "😂", "you should add captions"].map((text, i) => ({ id: `c${i}`, text }));
    expect(analyzeCommentsLocally(batch)).to.deep.equal(analyzeCommentsLocally(batch));
  });

  it("never throws on odd, huge or hostile input", () => {
    const odd = [
      "",
      "   ",
      "\u0000\uFEFF\u200B",
      "🤖".repeat(5000),
      "a".repeat(200_000),
      "word ".repeat(50_000),
      "👨‍👩‍👧‍👦🏳️‍🌈🇯🇵 Z̷̢͈a̸l̶g̵o̸ text",
      "مرحبا هذا رائع 这是一个很好的视频 это отлично",
      "<script>alert(1)</script> ' OR 1=1 --",
      "?!?!?!?!?!?!",
      "\ud83d",
      ":) :( :D xD <3 ;) :/ :P",
    ];
    const out = analyzeCommentsLocally(odd.map((text, i) => ({ id: String(i), text })));
    expect(out).to.have.length(odd.length);
    // A missing text (bad stored data) is treated as empty rather than crashing.
    const missing = analyzeCommentsLocally([{ id: "x" } as unknown as { id: string; text: string }]);
    expect(missing[0].category).to.equal("other");
  });

  it("reads a very long comment in linear time (no regex backtracking on it)", () => {
    // A guard against catastrophic backtracking, not a speed target (that is `npm run bench`): the cut at
    // MAX_CHARS makes this ~10 ms; a regex gone quadratic on 440 KB takes minutes, far past this bound.
    const started = Date.now();
    analyzeCommentsLocally([{ id: "big", text: "this is great but why ".repeat(20_000) }]);
    expect(Date.now() - started).to.be.below(5_000);
  });
});

describe("local models: themes and content ideas", () => {
  // One comment of a theme test: its id, text and the kind the analysis gave it.
  const made = (id: string, text: string, category: Category = "other", sentiment: Sentiment = "neutral"): AnalysedComment => ({
    id, text, sentiment, score: sentiment === "positive" ? 0.5 : 0, emotions: [], category,
  });
  const comments: AnalysedComment[] = [
    ["c1", "The battery life is terrible on this phone", "negative", "criticism"],
    ["c2", "battery life could be better honestly", "negative", "feedback"],
    ["c3", "Battery life is awful, dies in 3 hours", "negative", "criticism"],
    ["c4", "love the camera quality", "positive", "appreciation"],
    ["c5", "camera quality is stunning", "positive", "appreciation"],
    ["c6", "the camera quality blew me away", "positive", "appreciation"],
    ["c7", "first", "neutral", "other"],
    ["c8", "please make a video on wireless charging", "neutral", "request"],
    ["c9", "can you do a video on wireless charging speeds", "neutral", "request"],
    ["c10", "how do i turn on wireless charging", "neutral", "question"],
  ].map(([id, text, sentiment, category]) => ({
    id,
    text,
    sentiment: sentiment as Sentiment,
    score: sentiment === "positive" ? 0.8 : sentiment === "negative" ? -0.8 : 0,
    emotions: [],
    category: category as Category,
  }));

  it("picks repeated phrases, with the ids of the comments that use them and their sentiment", async () => {
    const themes = extractThemes(comments, await loadNounPhraser(), 5);
    const battery = themes.find((t) => t.name === "Battery Life");
    const camera = themes.find((t) => t.name === "Camera Quality");
    const charging = themes.find((t) => t.name === "Wireless Charging");
    expect(battery?.commentIds).to.deep.equal(["c1", "c2", "c3"]);
    expect(battery?.sentiment).to.equal("negative");
    expect(battery?.mentions).to.equal(3);
    expect(camera?.commentIds).to.deep.equal(["c4", "c5", "c6"]);
    expect(camera?.sentiment).to.equal("positive");
    expect(charging?.commentIds).to.deep.equal(["c8", "c9", "c10"]);
    // The single words inside those phrases are not themes of their own.
    expect(themes.map((t) => t.name)).to.not.include.members(["Battery", "Camera", "Life"]);
  });

  it("merges plurals in -es with their singular and keeps an acronym's capitals", async () => {
    const said = (id: string, text: string) => made(id, text);
    const themes = extractThemes(
      [
        said("a1", "Classes finally make sense to me"),
        said("a2", "the classes part was the best"),
        said("a3", "why are classes so hard"),
        said("a4", "I still don't get what a class is"),
        said("a5", "each class gets its own file?"),
        said("a6", "one class per file is cleaner"),
        said("a7", "I learned HTML today"),
        said("a8", "HTML is not a programming language"),
        said("a9", "is HTML still worth learning"),
        said("a10", "the boxes helped"),
        said("a11", "those boxes are so clear"),
        said("a12", "the boxes made it click"),
        said("a13", "which app draws each box"),
        said("a14", "the box on the left"),
        said("a15", "the box with arrows"),
      ],
      await loadNounPhraser(),
    );
    const names = themes.map((t) => t.name);
    expect(names.filter((n) => /^class/i.test(n))).to.have.length(1);
    expect(themes.find((t) => /^class/i.test(t.name))?.commentIds).to.have.members(["a1", "a2", "a3", "a4", "a5", "a6"]);
    expect(names).to.include("HTML");
    expect(names.filter((n) => /^box/i.test(n))).to.have.length(1);
  });

  // Read on real comment sets (tools/eval/readout.ts): "Derek" and "Derek Banas" were two themes for one person,
  // "Katy" and "Katy Perry" too, and a theme most viewers type in lower case read "Html".
  it("merges a person's first name into their full name: one theme, citing both, named by the full name", async () => {
    const said = (id: string, text: string) => made(id, text, "appreciation", "positive");
    const themes = extractThemes(
      [
        said("d1", "Thank you Derek, this helped a lot"),
        said("d2", "Derek you are the best teacher"),
        said("d3", "Derek explains it so well"),
        said("d4", "Derek Banas is a legend"),
        said("d5", "thanks Derek Banas for the tutorial"),
        said("d6", "Derek Banas never disappoints"),
        said("d7", "Derek Banas saves my grades again"),
      ],
      await loadNounPhraser(),
    );
    const names = themes.map((t) => t.name);
    expect(names).to.include("Derek Banas");
    expect(names).to.not.include("Derek");
    const derek = themes.find((t) => t.name === "Derek Banas")!;
    expect(derek.commentIds).to.have.members(["d1", "d2", "d3", "d4", "d5", "d6", "d7"]);
    expect(derek.mentions).to.equal(7);
    // The invariant holds: the label is verbatim in at least three of the comments it cites, and those come first.
    expect(derek.commentIds.slice(0, 4)).to.deep.equal(["d4", "d5", "d6", "d7"]);
  });

  // On the tutorials "Derek Banas" headed three of six videos: it is the channel, viewers greeting the creator.
  it("the creator's own name is no theme: the channel's title is left out, with the first name it takes in", async () => {
    const said = (id: string, text: string) => made(id, text, "appreciation", "positive");
    const comments = [
      said("n1", "Derek Banas you are a legend"),
      said("n2", "thanks Derek Banas, python finally clicks"),
      said("n3", "Derek Banas never disappoints"),
      said("n4", "Derek you rock, python is fun"),
      said("n5", "python lists are great"),
      said("n6", "I finally understand python"),
      said("n7", "python is my favourite now"),
    ];
    const phraser = await loadNounPhraser();
    expect(extractThemes(comments, phraser).map((t) => t.name)).to.include("Derek Banas");
    const names = extractThemes(comments, phraser, 6, "Derek Banas").map((t) => t.name);
    expect(names).to.not.include.members(["Derek Banas", "Derek"]);
    expect(names).to.include("Python");
  });

  it("names a theme with the capitals viewers write when they do not shout or start a sentence: HTML, not Html; Song, not SONG", async () => {
    const said = (id: string, text: string) => made(id, text);
    const themes = extractThemes(
      [
        said("h1", "where do i put the html file"),
        said("h2", "my html wont load"),
        said("h3", "is html hard"),
        said("h4", "i love html so much"),
        said("h5", "I finally get HTML now"),
        said("h6", "so HTML is not a language"),
        said("s1", "THIS SONG IS THE BEST SONG EVER MADE"),
        said("s2", "I LOVE THIS SONG SO MUCH OMG"),
        said("s3", "this song is stuck in my head"),
        said("s4", "the song is great"),
      ],
      await loadNounPhraser(),
    );
    const names = themes.map((t) => t.name);
    expect(names).to.include.members(["HTML", "Song"]);
    expect(themes.find((t) => t.name === "HTML")!.description).to.match(/talk about HTML;/);
  });

  it("returns nothing for no comments and respects max", async () => {
    const phraser = await loadNounPhraser();
    expect(extractThemes([], phraser)).to.deep.equal([]);
    expect(extractThemes(comments, phraser, 1)).to.have.length(1);
  });

  it("turns requests and questions into content ideas with their comment ids", async () => {
    const phraser = await loadNounPhraser();
    const ideas = contentIdeas(comments, phraser);
    expect(ideas[0].title).to.match(/wireless charging/i);
    expect(ideas[0].commentIds).to.include.members(["c8", "c9"]);
    expect(ideas.flatMap((i) => i.commentIds)).to.not.include("c4");
    expect(contentIdeas([], phraser)).to.deep.equal([]);
  });

  // Read on real comments: titles read "How to get mingw gcc in your…", "Advanced c11 and stl", and the rationale quoted
  // a lower-cased, punctuation-stripped copy of a different comment from the one the title came from.
  it("titles keep the capitals viewers write for names and acronyms, and the rationale quotes the comment the title came from, as written", async () => {
    const asked = (id: string, text: string, category: Category = "question") => made(id, text, category);
    const ideas = contentIdeas(
      [
        asked("p1", "How do I install Python on Windows without admin rights?"),
        asked("p2", "how do i install python on windows 10"),
        asked("p3", "Which Python version works on Windows 7?"),
        asked("p4", "Python on Windows keeps crashing, why?"),
        asked("p5", "can you make a video on the HTML and CSS basics", "request"),
        asked("p6", "is css hard to learn after html?"),
        asked("p7", "Does HTML need CSS?"),
        asked("p8", "more css and html please", "request"),
      ],
      await loadNounPhraser(),
    );
    const titles = ideas.map((i) => i.title);
    expect(titles).to.include("How to install Python on Windows without admin rights");
    expect(titles).to.include("The HTML and CSS basics");
    const python = ideas.find((i) => i.title.startsWith("How to install Python"))!;
    expect(python.rationale).to.include("“How do I install Python on Windows without admin rights?”");
  });

  // Read on real comments: "How to learn web dev master html first or learn it", "… simultaneously without having",
  // and "How to set up your localhost" for an idea about Sublime Text.
  it("a title names the idea's subject when a viewer's question does, and ends before an alternative or a dangling word", async () => {
    const asked = (id: string, text: string) => made(id, text, "question");
    const ideas = contentIdeas(
      [
        asked("t1", "hi could you tell me how to set up my localhost, i am using sublime text"),
        asked("t2", "how do i change the color scheme in sublime text"),
        asked("t3", "sublime text keeps crashing on save, any fix?"),
        asked("t4", "how should i learn web dev master html first or learn it in conjunction with css"),
        asked("t5", "how do you get chrome to reflect the changes simultaneously without having to hit refresh"),
        asked("t6", "how do i get chrome to open the html file"),
        asked("t7", "how do you get the data to send to your email like a contact form"),
        asked("t8", "where does the email go"),
      ],
      await loadNounPhraser(),
    );
    const titles = ideas.map((i) => i.title);
    const sublime = ideas.find((i) => i.commentIds.includes("t2"))!;
    expect(sublime.title).to.equal("How to change the color scheme in sublime text");
    for (const title of titles) expect(title).to.not.match(/ or |\b(?:having|without|like)$/);
  });

  it("titles an idea as a creator would: the viewer's 'I' turned into 'you' with its verb, no dangling words, no new clause", async () => {
    const asked = (id: string, text: string) => made(id, text, "question");
    const phraser = await loadNounPhraser();
    const titles = contentIdeas(
      [
        asked("q1", "how do i set up the audio interface since i am quite new to this"),
        asked("q2", "how do you set up the audio interface"),
        asked("q3", "how can i route the audio interface into obs everything is silent"),
        asked("q4", "how did you connect the audio interface to the"),
        asked("q5", "how do i know if i am using the right gain staging"),
        asked("q6", "how do i know if i am using the right gain staging for vocals"),
      ],
      phraser,
    ).map((i) => i.title);
    expect(titles).to.include("How to set up the audio interface");
    expect(titles).to.include("How to know if you are using the right gain staging");
    for (const title of titles) {
      expect(title).to.not.match(/\byou am\b|\byou was\b/);
      expect(title).to.not.match(/\b(?:the|a|an|is|are|to|of|for|and|with|about|into|since)$/);
      expect(title).to.not.match(/\beverything is\b/);
    }
  });
});
