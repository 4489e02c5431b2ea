// Reply drafts without a model: opener (by tone) + body (by what the comment
// is: question, praise, criticism, idea, other) + closer (by tone). Draft i
// takes opener i, so up to five drafts always differ; the body and closer
// rotate by a hash of the comment so two comments rarely get the same set.
import type { ReplyInput, ReplyTone } from "../../types";
import { analyzeComment } from "../analyze";
import { hashOf, quote, topicOf } from "./text";

type Kind = "question" | "praise" | "criticism" | "idea" | "other";

const OPENERS: Record<ReplyTone, string[]> = {
  friendly: ["Hey {name}!", "Hi {name} 😊", "Thanks for stopping by, {name}!", "{name}, great to see you here!", "Hello {name}!"],
  professional: ["Hello {name},", "Thank you for your comment, {name}.", "Hi {name}, thanks for writing.", "{name}, thank you for watching.", "Good to hear from you, {name}."],
  humorous: ["{name}, you legend 😄", "Ha, {name}, you've been paying attention!", "{name}! My favourite commenter (don't tell the others).", "Well well well, {name} 😂", "Plot twist, {name}:"],
  grateful: ["Thank you so much, {name}!", "{name}, this means a lot 🙏", "Really appreciate you, {name}.", "{name}, thank you for taking the time to write this.", "So grateful for comments like yours, {name}!"],
  informative: ["Hi {name}, thanks for the comment.", "{name}, happy to add some context.", "Good point to raise, {name}.", "Thanks, {name} — a quick note on this:", "{name}, here's where things stand:"],
};

const BODIES: Record<Kind, string[]> = {
  question: [
    "Great question about {topic} — I'll reply here with a proper answer.",
    "You asked {quote}: a lot of people wonder about {topic}, so I'll explain it in more detail.",
    "On {topic}: it depends a bit on your setup, but I'll follow up here with the details.",
    "You're not the only one asking about {topic}, so I'll put together a clear explanation.",
    "Thanks for asking about {topic}. I'll look into it and get back to you in this thread.",
  ],
  praise: [
    "I'm really glad the video worked for you.",
    "Comments like yours are why I keep making these videos.",
    "It means a lot that you enjoyed it — especially the part about {topic}.",
    "So happy it was useful!",
    "Thanks for watching and for the kind words.",
  ],
  criticism: [
    "Fair point about {topic} — I'll take it into account for the next one.",
    "Thanks for the honest feedback on {topic}; it genuinely helps me improve.",
    "I hear you on {topic}, and I'll work on it.",
    "Appreciate you pointing out {topic} — noted for future videos.",
    "Good catch on {topic}. I'll look into it.",
  ],
  idea: [
    "{topic} is a great idea — it's on my list now.",
    "Love the suggestion about {topic}.",
    "Noted: {topic}. If enough people want it, I'll make it happen.",
    "Thanks for the idea on {topic} — I'll see what I can do.",
    "{topic} would make a fun video. Thanks for suggesting it!",
  ],
  other: [
    "Thanks for being part of the conversation.",
    "Appreciate you sharing your thoughts on {topic}.",
    "Always nice to read comments like this.",
    "Thanks for joining the discussion about {topic}!",
    "Glad you're here.",
  ],
};

const CLOSERS: Record<ReplyTone, string[]> = {
  friendly: ["See you in the next one!", "Have an awesome day!", "Catch you soon!", "Take care!", "Thanks again!"],
  professional: ["Best regards.", "Thank you for watching.", "Kind regards.", "Thanks again for your input.", "Much appreciated."],
  humorous: ["Now go hydrate. 💧", "My editor says hi (my editor is me).", "Stay awesome (that's an order).", "Until next time, fellow human.", "🍿"],
  grateful: ["Thank you for being here. 🙏", "Truly appreciated.", "Couldn't do this without viewers like you.", "Thanks again!", "❤️"],
  informative: ["Hope that helps!", "Let me know if anything is unclear.", "Feel free to ask follow-ups below.", "Happy to clarify further.", "Thanks for asking!"],
};

function kindOf(text: string): Kind {
  const { category, sentiment } = analyzeComment({ id: "reply", text });
  if (category === "question") return "question";
  if (category === "request" || category === "suggestion") return "idea";
  if (category === "criticism" || sentiment === "negative") return "criticism";
  if (category === "appreciation" || sentiment === "positive") return "praise";
  return "other";
}

/** "@Jane Doe" → "Jane Doe"; an empty or missing name gives "there" ("Hey there!"). */
function nameOf(author?: string): string {
  const clean = (author ?? "").replace(/^@+/, "").replace(/\s+/g, " ").trim().slice(0, 40);
  return clean || "there";
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A sentence that goes on after a comma: lower case first, but "I" stays "I". */
const continued = (s: string) => (/^I\b/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

export function localReplies(input: ReplyInput): string[] {
  const text = input.comment.text;
  const kind = kindOf(text);
  const name = nameOf(input.comment.author);
  const topic = topicOf(text) ?? "this";
  const values = { name, topic, quote: quote(text, 70) };
  const offset = hashOf(text);
  const count = Math.max(1, Math.min(5, input.count));
  const drafts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    let opener = fill(OPENERS[input.tone][i], values);
    // "Hello there," reads fine; "there, great to see you" needs a greeting in front.
    if (name === "there" && opener.startsWith("there")) opener = `Hey ${opener}`;
    const filled = fill(BODIES[kind][(i + offset) % 5], values);
    // "Hello Sam, thanks for…": after a comma the sentence goes on.
    const body = opener.endsWith(",") ? continued(filled) : capitalise(filled);
    // Unsigned shift: hashOf spans 32 bits, and a signed ">>" made a negative index (a draft ending "undefined").
    const closer = CLOSERS[input.tone][(i + (offset >>> 3)) % 5];
    drafts.push(`${opener} ${body} ${closer}`.replace(/\s+/g, " ").trim());
  }
  return drafts;
}
