// Words that make a comment abusive whatever the video's topic: profanity,
// insults aimed at a person, dehumanising slurs and threats. Kept apart from
// the trained weights so that the toxicity model generalises beyond the one
// topic of its training data (youtoxic is a single news story).

export const PROFANITY: ReadonlySet<string> = new Set([
  "fuck", "fucking", "fucked", "fucker", "fuckers", "fuckin", "fck", "fk", "fking", "fkn", "fuk", "fuking", "motherfucker", "motherfuckers", "mf",
  "shit", "shitty", "bullshit", "shits", "crap", "damn", "damned", "goddamn", "hell", "ass", "asses", "asshole", "assholes", "arse", "arsehole",
  "bitch", "bitches", "bitchy", "bastard", "bastards", "dick", "dicks", "dickhead", "cock", "cunt", "cunts", "piss", "pissed", "wtf", "stfu", "gtfo", "smh",
  "douche", "douchebag", "prick", "pricks", "twat", "wanker", "slut", "sluts", "whore", "whores", "hoe", "hoes", "jackass", "dumbass", "dumbasses",
]);

export const INSULTS: ReadonlySet<string> = new Set([
  "idiot", "idiots", "idiotic", "stupid", "stupidity", "moron", "morons", "moronic", "dumb", "retard", "retards", "retarded", "imbecile", "imbeciles",
  "fool", "fools", "foolish", "loser", "losers", "pathetic", "ignorant", "scum", "scumbag", "scumbags", "trash", "garbage", "filth", "filthy",
  "disgusting", "disgrace", "clown", "clowns", "freak", "freaks", "coward", "cowards", "thug", "thugs", "savage", "savages", "animal", "animals",
  "pig", "pigs", "rat", "rats", "worm", "vermin", "parasite", "parasites", "monkey", "monkeys", "ape", "apes", "brainless", "brainwashed", "clueless",
  "liar", "liars", "hypocrite", "hypocrites", "racist", "racists", "bigot", "bigots", "nazi", "nazis", "terrorist", "terrorists", "criminal", "criminals",
  "ugly", "fat", "lazy", "worthless", "useless", "sick", "evil", "dirtbag", "lowlife", "punk", "punks", "jerk", "jerks", "creep", "creepy", "psycho",
  "pos", "sob", "turd", "nutjob", "lunatic", "lunatics", "hateful", "shut",
]);

export const SLURS: ReadonlySet<string> = new Set([
  "nigger", "niggers", "nigga", "niggas", "negro", "negroes", "faggot", "faggots", "fag", "fags", "spic", "spics", "chink", "kike", "wetback",
  "coon", "coons", "tranny", "raghead", "towelhead", "cracker", "crackers", "honky", "redneck", "rednecks", "thot",
]);

export const THREATS: ReadonlySet<string> = new Set([
  "kill", "killed", "killing", "shoot", "shot", "shots", "die", "dead", "hang", "hanged", "lynch", "burn", "beat", "murder", "execute", "exterminate",
  "deport", "destroy", "gas", "bullets", "rounds", "sniper", "snipers", "run", "ran", "over", "down", "mow", "wipe", "slaughter", "bomb", "nuke",
]);

/** People named as a group: with a sweeping claim about them, the mark of hateful comments. */
export const GROUPS: ReadonlySet<string> = new Set([
  "blacks", "whites", "black", "white", "muslims", "muslim", "arabs", "jews", "jew", "mexicans", "immigrants", "illegals", "gays", "christians",
  "liberals", "libtards", "conservatives", "democrats", "republicans", "feminists", "asians", "africans", "latinos", "hispanics", "foreigners",
  "women", "men", "females", "males", "protesters", "rioters", "looters", "cops", "pigs", "commies", "leftists", "people", "folks", "race",
]);

/** Words of a sweeping claim or a call to act on a group: "they should all", "always", "every one of them". */
export const SWEEPING: ReadonlySet<string> = new Set([
  "all", "always", "never", "every", "should", "deserve", "deserves", "are", "like", "these", "those", "them", "they", "their", "send", "go", "back",
]);
