// The creator-domain sentiment set (see creator-sentiment.test.ts).
import type { Sentiment } from "../../src/ai/types";

export const CREATOR_SENTIMENT: ReadonlyArray<[string, Sentiment]> = [
  ["Update after 16 weeks: I moved my panels like you said and the echo is almost gone.", "positive"],
  ["Tried your fix and the hum is finally fixed, thank you!", "positive"],
  ["I followed this exactly and my podcast sounds so much better now.", "positive"],
  ["No more buzzing since I swapped the cable like you showed.", "positive"],
  ["This is the clearest explanation of gain staging I have seen.", "positive"],
  ["Not bad at all, better than I expected from a $500 build.", "positive"],
  ["What mic is that at 4:12?", "neutral"],
  ["Which audio interface did you end up with?", "neutral"],
  ["Does the Scarlett Solo work on Linux without extra drivers?", "neutral"],
  ["How long did the whole build take you?", "neutral"],
  ["Can you make a video on treating a room with high ceilings?", "neutral"],
  ["The video was uploaded in 4K.", "neutral"],
  ["Where did you buy the panels?", "neutral"],
  ["Is the Scarlett better than the Focusrite?", "neutral"],
  ["I watched this on my phone during lunch.", "neutral"],
  ["Terrible audio in this one, I could barely hear you.", "negative"],
  ["This is not helpful at all, you skipped every important step.", "negative"],
  ["The interface you recommended died after three months, really disappointed.", "negative"],
  ["Clickbait thumbnail, the setup costs way more than $500.", "negative"],
  ["I don't like the new intro, it is way too long.", "negative"],
  ["The echo is still there, this advice was useless.", "negative"],
  // Negation with no sentiment word: a complaint, not a neutral remark.
  ["Nothing you said worked, the hum is still there.", "negative"],
  ["I tried all three fixes and none of them worked.", "negative"],
  ["The link in the description doesn't work.", "negative"],
  // A comment that asks and also says something is judged by what it says.
  ["Which mic is that? Wow, it sounds incredible.", "positive"],
  ["How did you get the vocals this clean? Honestly the best tutorial on YouTube.", "positive"],
  // A regret is not a question; a graded quality and a verdict idiom are opinions.
  ["You should have shown the wiring.", "negative"],
  ["Should have used a pop filter.", "negative"],
  ["Your explanations are very clear.", "positive"],
  ["This cheap mic does the job.", "positive"],
  ["That tip was a game changer for my channel.", "positive"],
  ["Honestly a let down after the last video.", "negative"],
  ["Should I get the Yeti or the SM7B?", "neutral"],
  // YouTube's own verdicts, which read the other way word by word.
  ["I can't stop watching this.", "positive"],
  ["Never clicked on a video so fast.", "positive"],
  ["How does this only have 2k views?", "positive"],
  ["This channel deserves way more subscribers.", "positive"],
  ["Nobody explains gain staging better than you.", "positive"],
  ["10/10 would watch again", "positive"],
  ["The audio is out of sync for the whole second half.", "negative"],
  ["Unsubscribed after this one.", "negative"],
  // Praise that opens a complaint is sarcasm.
  ["Oh great, the audio is out of sync again.", "negative"],
  ["Love how you ignored every question in the comments.", "negative"],
  ["Thanks for nothing.", "negative"],
  // Not sarcasm: praise with nothing wrong after it.
  ["Oh great, a new video on room treatment!", "positive"],
  ["Love how you explained the wiring.", "positive"],
];
