// Words that make a comment abusive whatever the video's topic: profanity,
// insults aimed at a person, dehumanising slurs and threats, and the words
// that tell whom they are aimed at. Kept apart from the trained weights so
// that the toxicity model generalises beyond the one topic of its training
// data (youtoxic is a single news story).

export const PROFANITY: ReadonlySet<string> = new Set([
  "fuck", "fucking", "fucked", "fucker", "fuckers", "fuckin", "fucks", "fck", "fk", "fking", "fkn", "fuk", "fuking", "motherfucker", "motherfuckers", "mf",
  "mthrfckr", "mofo", "shit", "shitty", "bullshit", "bullcrap", "shits", "shithead", "dipshit", "dipshits", "crap", "damn", "damned", "goddamn", "hell", "ass", "asses",
  "asshole", "assholes", "arse", "arsehole", "bitch", "bitches", "bitchy", "btch", "biatch", "bastard", "bastards", "dick", "dicks", "dickhead",
  "cock", "cunt", "cunts", "piss", "pissed", "wtf", "stfu", "gtfo", "smh", "douche", "douchebag", "prick", "pricks", "twat", "wanker", "slut",
  "sluts", "whore", "whores", "hoe", "hoes", "jackass", "dumbass", "dumbasses", "pussy", "pussies", "bs",
  // Spellings past a filter.
  "azz", "phuck", "fukin", "fuckn", "biotch", "basterd", "basterds", "mdrfckr", "mdrfckrs", "mthrfckrs", "mfer", "mfers",
]);

export const INSULTS: ReadonlySet<string> = new Set([
  "idiot", "idiots", "idiotic", "stupid", "stupidity", "moron", "morons", "moronic", "dumb", "retard", "retards", "retarded", "imbecile", "imbeciles",
  "fool", "fools", "foolish", "loser", "losers", "pathetic", "ignorant", "scum", "scumbag", "scumbags", "trash", "garbage", "filth", "filthy",
  "disgusting", "disgrace", "clown", "clowns", "freak", "freaks", "coward", "cowards", "thug", "thugs", "savage", "savages", "animal", "animals",
  "pig", "pigs", "rat", "rats", "worm", "vermin", "parasite", "parasites", "monkey", "monkeys", "ape", "apes", "brainless", "brainwashed", "clueless",
  "liar", "liars", "hypocrite", "hypocrites", "racist", "racists", "bigot", "bigots", "nazi", "nazis", "terrorist", "terrorists", "criminal", "criminals",
  "ugly", "fat", "lazy", "worthless", "useless", "sick", "evil", "dirtbag", "lowlife", "punk", "punks", "jerk", "jerks", "creep", "creepy", "psycho",
  "pos", "sob", "turd", "nutjob", "lunatic", "lunatics", "hateful", "shut", "dummy", "dimwit", "halfwit", "nitwit", "buffoon", "cretin", "degenerate",
  "degenerates", "subhuman", "subhumans", "roach", "roaches", "cockroach", "cockroaches", "disease", "leech", "leeches", "skank", "weirdo",
  "snowflake", "snowflakes", "pedophile", "pedophiles", "pedo", "pedos", "treasonous",
]);

export const SLURS: ReadonlySet<string> = new Set([
  "nigger", "niggers", "nigga", "niggas", "negro", "negroes", "faggot", "faggots", "fag", "fags", "spic", "spics", "chink", "kike", "wetback",
  "coon", "coons", "tranny", "raghead", "towelhead", "cracker", "crackers", "honky", "redneck", "rednecks", "thot", "cracka", "nggr", "nggrs",
]);

/** Harm done to someone: a threat when aimed at a person (toxicFeatures.ts), slang when aimed at a thing ("kill it"). */
export const THREATS: ReadonlySet<string> = new Set([
  "kill", "killed", "killing", "kills", "shoot", "shot", "shots", "die", "dies", "dead", "hang", "hanged", "lynch", "burn", "murder", "execute",
  "exterminate", "deport", "deported", "destroy", "bullets", "rounds", "sniper", "snipers", "run", "ran", "mow", "wipe", "slaughter", "bomb", "nuke",
  "punch", "stab", "hurt", "slap", "choke", "strangle", "rape", "torture", "behead", "crush", "kys", "pound", "pounded", "blast", "crushed", "smash",
  "smashed", "stomp", "beat", "beaten", "shooting", "lynched", "gassed", "bash", "ram", "mowed", "war",
]);

/**
 * Harm words that are a threat whatever their object ("kill", "lynch"): the
 * others ("shoot", "run", "burn", "hurt") are a threat only when done to a person.
 */
export const SEVERE_THREATS: ReadonlySet<string> = new Set([
  "kill", "killed", "killing", "kills", "lynch", "lynched", "murder", "execute", "exterminate", "slaughter", "stab", "strangle", "rape", "behead", "torture",
]);

/** Animals a person is likened to, dehumanising after "like" ("like a dog trying to figure out…", "scatter like roaches"). */
export const BEASTS: ReadonlySet<string> = new Set([
  "dog", "dogs", "animal", "animals", "roach", "roaches", "cockroach", "cockroaches", "rat", "rats", "pig", "pigs", "monkey", "monkeys", "ape", "apes",
  "cattle", "sheep", "vermin", "beast", "beasts", "insects", "cavemen", "savages", "parasites",
]);

/** Harm words with no object: aimed by their subject ("I hope you die", not "I died laughing"). */
export const HARM_TO_SUBJECT: ReadonlySet<string> = new Set(["die", "dies", "dead", "kys"]);

/** Insult and profanity nouns: they name a person ("what a moron") unless the writer names themself ("I'm such an idiot"). */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  "idiot", "idiots", "moron", "morons", "retard", "retards", "imbecile", "imbeciles", "fool", "fools", "loser", "losers", "scum", "scumbag", "scumbags",
  "clown", "clowns", "freak", "freaks", "coward", "cowards", "thug", "thugs", "savage", "savages", "animals", "pigs", "rats", "vermin", "parasite",
  "parasites", "monkeys", "apes", "liar", "liars", "hypocrite", "hypocrites", "bigot", "bigots", "dirtbag", "lowlife", "jerk", "jerks", "creep",
  "psycho", "turd", "nutjob", "lunatic", "lunatics", "dummy", "dimwit", "halfwit", "nitwit", "buffoon", "cretin", "degenerate", "degenerates",
  "subhuman", "subhumans", "roaches", "cockroaches", "disease", "leech", "leeches", "skank", "weirdo", "snowflake", "snowflakes", "fucker", "fuckers", "motherfucker",
  "motherfuckers", "mthrfckr", "mthrfckrs", "mdrfckr", "mdrfckrs", "mfer", "mfers", "mofo", "pedophile", "pedophiles", "pedo", "pedos", "shithead", "asshole", "assholes", "arsehole", "bitch", "bitches", "btch", "biatch", "bastard", "bastards",
  "dickhead", "cunt", "cunts", "douche", "douchebag", "prick", "pricks", "twat", "wanker", "slut", "sluts", "whore", "whores", "hoe", "hoes",
  "jackass", "dumbass", "dumbasses", "pussies",
]);

/** Words naming a person or people by who they are (not by a pronoun). */
export const PERSON_WORDS: ReadonlySet<string> = new Set([
  "guy", "guys", "dude", "dudes", "girl", "girls", "boy", "boys", "man", "woman", "lady", "bro", "cop", "person", "people", "folks", "kid", "kids",
  "civilians", "citizens", "population", "children", "innocents",
]);

/** Words that point at the person spoken to or about. */
export const PERSON_TARGETS: ReadonlySet<string> = new Set([
  "you", "u", "ur", "your", "youre", "ya", "yall", "yourself", "yourselves", "he", "she", "him", "her", "hes", "shes", "his", "they", "them", "theyre",
  "their", "himself", "herself", "themselves", "these", "those", "host", "youtuber", "everyone", "anyone", "somebody", "someone", ...PERSON_WORDS,
]);

/** The writer: "I'm such an idiot", "that solo killed me". */
export const SELF_TARGETS: ReadonlySet<string> = new Set(["i", "im", "me", "my", "myself", "ive", "id", "ill", "mine"]);

/** Things, and the words that lead to a place or a manner: harsh words about them are criticism or slang ("this beat is sick", "kill it", "shoot in 4K"). */
export const THING_TARGETS: ReadonlySet<string> = new Set([
  "it", "its", "this", "that", "thing", "things", "stuff", "video", "vid", "videos", "tutorial", "song", "track", "tracks", "beat", "beats", "game",
  "games", "movie", "film", "mic", "camera", "cam", "audio", "sound", "ending", "intro", "outro", "ad", "ads", "firmware", "update", "part", "edit",
  "editing", "content", "recipe", "build", "setup", "attempt", "idea", "joke", "title", "thumbnail", "episode", "level", "boss", "map", "drop", "solo",
  "bass", "music", "lyrics", "voice", "quality", "lighting", "room", "cable", "gear", "code", "app", "phone", "product", "price", "show", "series",
  "stream", "weather", "traffic", "time", "lag", "bug", "bugs", "glitch", "battery", "version", "design", "plot", "villain", "character", "car",
  "in", "with", "for", "from", "up", "off", "around", "through", "when", "while", "during", "before", "after", "again",
]);

/** Words that make the next one a noun: "this beat is sick", "a shoot", "the final boss". */
export const DETERMINERS: ReadonlySet<string> = new Set(["a", "an", "the", "this", "that", "my", "your", "his", "her", "our", "their", "its", "every", "some", "any", "no"]);

/** Words between a harm word and whom it is done to: "pounded on them", "shoot at them", "drive into them". */
export const HARM_PREPOSITIONS: ReadonlySet<string> = new Set(["on", "at", "into", "onto", "towards", "toward", "upon"]);

/** Words skipped when looking for the target of an abusive word ("you are such a stupid clown"). */
export const TARGET_FILLER: ReadonlySet<string> = new Set([
  "a", "an", "the", "so", "such", "too", "very", "really", "just", "is", "are", "was", "were", "be", "being", "been", "am", "r", "absolute", "absolutely",
  "total", "totally", "complete", "completely", "utter", "pure", "real", "little", "big", "literally", "bunch", "of", "out", "like", "all", "piece",
  "sound", "sounds", "sounded", "look", "looks", "looked", "seems", "seemed", "feels", "felt", "act", "acting", "got", "gets", "still", "always", "fucking", "fkn", "fking", "fuckin", "damn", "crap", "shit", "living", "over", "down", "em",
]);

/** Praise after profanity makes it an intensifier ("f***ing brilliant", "holy shit this is the best"), not abuse. */
export const PRAISE: ReadonlySet<string> = new Set([
  "yeah", "yes", "yess", "good", "great", "brilliant", "amazing", "awesome", "best", "better", "beautiful", "gorgeous", "incredible", "insane",
  "epic", "cool", "nice", "helpful", "useful", "love", "loved", "lovely", "perfect", "genius", "legend", "legendary", "fire", "clean", "smooth",
  "crazy", "underrated", "impressive", "hilarious", "funny", "cute", "adorable", "fantastic", "wonderful", "excellent", "finally", "wow", "holy", "proud", "talented",
]);

/** Harsh words that are slang or literal unless said to someone: "shut up and take my money", "sick mix", "the ape will not let this happen". */
export const ONLY_AT_A_PERSON: ReadonlySet<string> = new Set(["shut", "sick", "ape", "apes", "monkey", "monkeys", "animal", "animals", "pig", "rat", "worm"]);

/** Before an animal word, someone's own animals: "your animals are beautiful", "my dog". */
export const POSSESSIVES: ReadonlySet<string> = new Set(["my", "your", "ur", "his", "her", "our", "their", "its"]);

/** "people" and "folks" say nothing of who: only these make a sweeping claim of them ("these people", "all people are"), not "we are imperfect people". */
export const SWEEPING_OF_ANYONE: ReadonlySet<string> = new Set(["all", "always", "never", "every", "these", "those", "deserve", "deserves", "hate", "hates", "send"]);

/** Groups set apart by "the" ("the blacks", "the jews"): a sweeping claim however it goes on. Not "whites" (egg whites). */
export const OTHERED: ReadonlySet<string> = new Set(["blacks", "jews", "gays", "mexicans", "arabs", "asians"]);

/** People named as a group: with a sweeping claim about them, the mark of hateful comments. */
export const GROUPS: ReadonlySet<string> = new Set([
  "blacks", "whites", "black", "white", "muslims", "muslim", "arabs", "jews", "jew", "mexicans", "immigrants", "illegals", "gays", "christians",
  "liberals", "libtards", "conservatives", "democrats", "republicans", "feminists", "asians", "africans", "latinos", "hispanics", "foreigners",
  "women", "men", "females", "males", "protesters", "rioters", "looters", "cops", "pigs", "commies", "leftists", "people", "folks", "race",
]);

/** Words of a sweeping claim or a call to act on a group: "they should all", "always", "every one of them". */
export const SWEEPING: ReadonlySet<string> = new Set([
  "all", "always", "never", "every", "should", "deserve", "deserves", "are", "like", "these", "those", "them", "they", "their", "send", "go", "back", "hate", "hates",
]);

// Phrases of abuse that hold on any topic, matched on the comment's words
// joined by spaces ("|" before a word that starts a sentence; apostrophes
// dropped, so "don't" is "dont"). A single word cannot tell them: "die",
// "back" and "job" are everyday words, "deserved to die" and "get a job!" are not.
const PEOPLE = String.raw`(?:you|u|ya|yall|he|she|they|them|these|those|people|folks|guys|everyone|all|${[...GROUPS].join("|")})`;
// Harm done to people, as a participle ("should be shot") or a verb ("should all die").
const HARMED = String.raw`(?:shot|killed|hanged|hung|lynched|executed|beaten|gassed|exterminated|slaughtered|tortured|burned|burnt|put down|locked up|wiped out|run over|mowed down|shot dead|strung up)`;
// Not with an object or a manner: "hang out", "hang it", "die laughing".
const HARM_VERB = String.raw`(?:die|rot|burn|hang|suffer|perish)s?\b(?! (?:it|this|that|the|a|an|out|around|up|with|on|laughing|of laughter)\b)`;
// "shot in 4K", "shot on a phone": filming, not harm.
const NOT_FILMING = String.raw`(?! (?:in|on|with|using|from|like|for|by|at|and edited)\b(?! (?:sight|the head|the face|the street)))`;

/** Harm wished on people, or approved of: "they should all be shot", "deserved to die", "I hope they rot", "go back to your country". */
export const HARM_WISHES: readonly RegExp[] = [
  // Not after a negation or in a question's opening: "did he deserve to die", "nobody deserves to be shot".
  new RegExp(String.raw`(?<!\b(?:not|no|never|nobody|did|does|do|doesnt|didnt|dont|shouldnt|noone|one) (?:\w+ )?)\bdeserve[sd]? (?:to )?(?:be )?(?:${HARM_VERB}|(?:dead|death|${HARMED})\b${NOT_FILMING})`),
  new RegExp(String.raw`\b${PEOPLE} (?:\w+ )?(?:should|must|need to|needs to|ought to|gotta) (?:all |just |simply )?(?:be |get |have been |go )?(?:${HARMED}\b${NOT_FILMING}|${HARM_VERB})`),
  new RegExp(String.raw`\b(?:hope|hoping|wish|pray) (?:that )?${PEOPLE} (?:\w+ ){0,2}(?:${HARM_VERB}|gets? (?:${HARMED}|hit by|cancer|aids)\b)`),
  // Regret that harm was not done: "too bad those weapons were not loaded".
  new RegExp(String.raw`\b(?:too|to) bad (?:that )?(?:\w+ ){0,6}(?:not|werent|wasnt|didnt|arent|isnt|no) (?:\w+ ){0,4}(?:loaded|live rounds|real bullets|discharged|fired|shot|killed|dead|run over)\b${NOT_FILMING}`),
  new RegExp(String.raw`\b(?:go|goes|send \w+|sent \w+|ship \w+) back to (?:where (?:you|they|he|she|u) (?:came|come) from|(?:your|their|his|her|ur) (?:own )?(?:country|countries|continent|homeland|land|cave|jungle))\b`),
];

/** A word every phrase above needs: the phrases are matched only on comments that have one (most have none). */
export const PHRASE_KEYS: ReadonlySet<string> = new Set([
  "deserve", "deserves", "deserved", "should", "must", "need", "needs", "ought", "gotta", "hope", "hoping", "wish", "pray", "bad", "back", "job",
  "life", "hell", "die", "dead", "lost", "piss", "screw", "called", "country",
]);

/** Hostile orders at a person, opening a sentence: "Get a job!", "go to hell", "screw you". */
export const HOSTILE_COMMANDS: RegExp = new RegExp(
  String.raw`(?:^|\| )(?:(?:just|now|so|then|and|pls|please|go|bro|dude|man) )?(?:get a job|get a life|go to hell|go die|drop dead|piss off|get lost|get out of (?:my|our|this) country)\b(?! (?:offer|interview|at|in|as|done|right|easier|started))|\bscrew (?:you|u|yall|ya)\b`,
);

/** People denied their humanity: "if they can be called that" (and these "people", in toxicFeatures.ts). */
export const DEHUMANISING = /\bif (?:they|you|he|she) can (?:even )?be called (?:that|people|human|humans|a human)\b/;

/** Words before a quoted "people" that deny it: these "people". */
export const QUOTED_PEOPLE_BEFORE: ReadonlySet<string> = new Set(["these", "those", "such", "you", "them"]);
