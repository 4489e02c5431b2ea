// The creator-domain toxicity set (see creator-toxicity.test.ts): YouTube
// comments written for the tests, each with whether a creator would want it
// flagged. Toxic means insults, harassment, hate, threats or obscenity aimed
// at a person; profanity as praise, slang ("sick", "kill it") and harsh words
// about a thing are not.
export const CREATOR_TOXICITY: ReadonlyArray<[string, boolean]> = [
  // Aimed at a person.
  ["you are a worthless idiot", true],
  ["Shut up you stupid clown, nobody wants to hear you", true],
  ["What a moron, delete your channel", true],
  ["You're a f*cking idiot", true],
  ["idi0t, you have no clue what you are doing", true],
  ["u r a dumb b1tch", true],
  ["stfu you retard", true],
  ["Fuck you and your garbage channel", true],
  ["Eat shit, loser", true],
  ["This guy is a fat ugly loser", true],
  ["Nobody cares, you pathetic attention whore", true],
  ["Go kill yourself", true],
  ["kys nobody would miss you", true],
  ["I hope you die in a fire", true],
  ["Somebody should punch this guy in the face", true],
  ["I will find you and beat the crap out of you", true],
  ["You people are animals", true],
  ["People like you are a disease", true],
  ["All immigrants should be deported, every last one of them", true],
  ["Women are too stupid to understand audio gear", true],
  ["Ur such a dumbass lmao, cant even hold the camera straight", true],
  ["What a f***ing moron", true],
  // Profanity as praise or surprise, aimed at no one.
  ["this tutorial is f***ing brilliant", false],
  ["Holy shit this is the best mic review on YouTube", false],
  ["Damn, that transition was smooth", false],
  ["Hell yeah, new upload!", false],
  ["This is so fucking helpful, thank you", false],
  ["Fuck yeah, finally someone explains gain staging properly", false],
  // Slang that reads violent or insulting but is not.
  ["You're going to kill it with this mic!", false],
  ["This beat is sick!", false],
  ["That solo at the end killed me 😂", false],
  ["I died laughing at 3:20", false],
  ["You absolute beast, that deadlift was insane", false],
  ["Shoot in 4K if you can, the detail is worth it", false],
  ["How do you shoot in low light without noise?", false],
  ["Beat the final boss on my first try thanks to you", false],
  ["This track goes so hard, absolute killer", false],
  // Harsh about a thing, or about oneself: criticism, not abuse.
  ["The old firmware was garbage, this update fixed everything", false],
  ["My first attempt looked like trash lol, yours is perfect", false],
  ["I'm such an idiot, I had the cable in the wrong port the whole time", false],
  ["Don't be a fool like me and skip the primer", false],
  ["The audio in this one is terrible, please fix the mic", false],
  ["This game is stupid hard, I love it", false],
  ["The villain in this movie is pure evil", false],
  ["That ending was disgusting, I loved it", false],
  ["The ads on this video are ridiculous", false],
  ["Stupidly good recipe, my family loved it", false],
  ["I hate when my camera dies in the middle of a shoot", false],
];
