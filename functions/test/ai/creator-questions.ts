// The creator-domain needs-attention set (see creator-questions.test.ts):
// comments under creators' videos (cooking, photography, music, fitness,
// woodworking, gaming, travel, gardening, make-up, tech), written for these
// tests, not taken from the demo video or the training data. A question to
// the creator about the video's topic is a question; chatter shaped like a
// question is not.
import type { Category } from "../../src/ai/types";

export const CREATOR_QUESTIONS: ReadonlyArray<[string, Category]> = [
  // Direct questions about gear, technique, settings and sources.
  ["What lens did you use for the night shots?", "question"],
  ["Is the 50mm worth it over the kit lens for someone just starting out?", "question"],
  ["How long do you proof the dough before it goes in the oven?", "question"],
  ["Can I use all-purpose flour instead of bread flour?", "question"],
  ["Would this workout be safe with a bad knee?", "question"],
  ["Which strings are you using on that acoustic? They sound so warm.", "question"],
  ["Where did you get the cutting board? Mine splits every few months.", "question"],
  ["Does the cast iron need to be seasoned again after this?", "question"],
  ["How many sets of each exercise should a beginner do?", "question"],
  ["What ISO and shutter speed were you on at 6:40?", "question"],
  ["Is it better to water the tomatoes in the morning or at night?", "question"],
  ["Do you sand between coats of the oil finish or just wipe it?", "question"],
  ["Would a cheaper tripod hold this camera, or does it need the heavy one?", "question"],
  ["What foundation shade are you wearing here?", "question"],
  ["How did you get the crust so crispy without a dutch oven?", "question"],
  ["Are these settings the same on the PS5 version?", "question"],
  ["Can you still visit the temple in winter or is it closed?", "question"],
  ["How much did the whole trip cost with flights?", "question"],
  ["Does this recipe work with oat milk?", "question"],
  ["Which graphics card do you have? The game runs so smoothly.", "question"],
  ["Should I tune down to drop D for this song or is it standard?", "question"],
  ["Is the router bit in this video a half inch or a quarter inch shank?", "question"],
  ["Hey, what app do you edit your photos with?", "question"],
  ["Could this plant survive on a north facing balcony?", "question"],
  ["Did you preheat the pan before adding the butter?", "question"],
  ["How do you keep the brushes from shedding?", "question"],
  ["what brand is the blender you used", "question"],
  ["What lens is that?", "question"],
  ["where is the link?", "question"],
  ["is there a vegan version of this sauce", "question"],
  // A problem, told to the creator for help.
  ["My sourdough always comes out flat, what am I doing wrong?", "question"],
  ["I keep getting blurry photos indoors even with the stabiliser on, any idea why?", "question"],
  ["The glue joint cracked after a week, did I clamp it too tight?", "question"],
  // A problem told without "?": what is missing, what failed.
  ["My camera doesn't have the focus peaking option", "question"],
  ["I don't have the export button in my version of the app", "question"],
  ["The plugin could not be found after I installed it", "question"],
  ["Render failed halfway through every time", "question"],
  ["My game won't launch after the update", "question"],
  ["There is no metronome in mine, help", "question"],
  ["The part about white balance doesn't make sense to me", "question"],
  ["I used olive oil instead of butter, are they the same here", "question"],
  // Asking for content: a request, not a question.
  ["Can you do a video on pruning roses?", "request"],
  ["Please make a beginner version of this routine!", "request"],
  ["Love this, any chance of doing a part two on the finishing", "request"],
  ["I would love a follow up video on the edit", "request"],
  // Short remarks about the video itself, corrections and advice: the creator acts on them
  // (the training videos' labels count pace and sound remarks as "other", so the learned
  // check must not veto them when the remark is the whole comment).
  ["I think the music is too loud over your voice", "feedback"],
  ["Honestly the intro is way too long", "feedback"],
  ["You talk way too fast, I had to keep pausing", "feedback"],
  ["Your voice is really quiet compared to the music", "feedback"],
  ["The link in the description is broken", "feedback"],
  ["The sound cuts out at 5:20", "feedback"],
  ["You said 2 cups at 3:10 but the description says 3", "feedback"],
  ["Pretty sure you mean 350 degrees, not 450", "feedback"],
  ["Clickbait, you never actually show the finished table", "criticism"],
  ["You really should try a longer exposure for the waterfall", "suggestion"],
  ["It would help to show the measurements on screen", "suggestion"],
  ["Maybe it'd help to show the dough before it rises", "suggestion"],
  ["You could improve the audio with a cheap lav mic", "suggestion"],
  ["I think you've labelled the two pedals the wrong way round", "feedback"],
  ["You said at 4:10 the oven was at 200, however the card says 180", "feedback"],
  // Not for the creator to act on: praise, stories, chatter, jokes, question-shaped asides.
  ["Thank you so much, this recipe saved my dinner party!", "appreciation"],
  ["Best channel on YouTube for film photography, no contest.", "appreciation"],
  ["I made this last night and my kids asked for seconds.", "discussion"],
  ["My grandmother used to make this exact dish every Sunday.", "discussion"],
  // Put to the other viewers, with or without "?".
  ["Who else is watching this at 3am instead of sleeping", "discussion"],
  ["Anyone else here after the livestream?", "other"],
  ["Who else came here from TikTok?", "other"],
  ["Am I the only one who watches these to fall asleep?", "discussion"],
  ["How is this so satisfying to watch lol", "appreciation"],
  // Praise and surprise shaped like a question, with or without "?".
  ["How did you get so good at this?", "appreciation"],
  ["how is this so good", "appreciation"],
  ["Why doesn't this have more views?", "appreciation"],
  ["wait what?", "other"],
  ["huh?", "other"],
  ["What?!", "other"],
  ["Wait, what? 😂", "other"],
  ["who's here in 2024?", "other"],
  ["first", "other"],
  ["😂😂😂", "other"],
];
