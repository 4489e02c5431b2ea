// English function words. FUNCTION_WORDS carry no opinion or topic and are
// not unigrams of the sentiment model (features.ts: they learned the tablet reviews);
// STOPWORDS adds chat filler and vague words that make poor theme names.

export const FUNCTION_WORDS = new Set([
  "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "from", "by", "with", "about", "as", "into", "onto",
  "over", "under", "up", "down", "out", "off", "through", "between", "after", "before", "during", "than", "then", "there",
  "here", "this", "that", "these", "those", "it", "its", "it's", "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine",
  "myself", "you", "you're", "you've", "you'll", "you'd", "your", "yours", "u", "ur", "he", "he's", "him", "his", "she",
  "she's", "her", "hers", "we", "we're", "we've", "us", "our", "ours", "they", "they're", "they've", "them", "their",
  "theirs", "is", "am", "are", "was", "were", "be", "been", "being", "has", "have", "had", "having", "do", "does", "did",
  "doing", "will", "shall", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "if", "because",
  "while", "until", "since", "so", "just", "also", "too", "s", "t", "d", "ll", "m", "re", "ve", "that's", "there's",
  "what's", "let's", "im", "ive", "id", "youre", "thats", "theres", "whats", "its", "can", "could", "would", "should",
  "may", "might", "must", "each", "every", "some", "any", "all", "both", "either", "such", "own", "same", "other",
  "another", "again", "once", "via", "per", "etc", "<num>",
]);

const FILLER = [
  "lol", "lmao", "haha", "hahaha", "omg", "ok", "okay", "oh", "ah", "um", "uh", "hey", "hi", "hello", "yeah", "yes", "yep",
  "no", "not", "nope", "like", "really", "very", "much", "many", "more", "most", "get", "got", "getting", "go", "going",
  "goes", "gonna", "wanna", "gotta", "make", "made", "know", "think", "thought", "see", "seen", "say", "said", "says",
  "thing", "things", "stuff", "way", "lot", "lots", "one", "ones", "even", "still", "only", "well", "back", "now", "ever",
  "never", "always", "something", "anything", "everything", "nothing", "someone", "anyone", "everyone", "people", "guy",
  "guys", "man", "bro", "dude", "video", "videos", "watch", "watching", "watched", "channel", "please", "thanks", "thank",
  "want", "need", "use", "used", "using", "good", "great", "nice", "best", "better", "love", "awesome", "amazing", "cool",
  "bad", "actually", "literally", "pretty", "maybe", "though", "but", "yet", "however", "although", "tho", "don't", "dont",
  "doesn't", "doesnt", "didn't", "didnt", "can't", "cant", "isn't", "isnt", "won't", "wont", "wasn't", "aren't", "let",
  "take", "come", "look", "looks", "looking", "new", "first", "last", "time", "times", "day", "years", "year", "right",
  "sure", "little", "bit", "kind", "sort", "keep", "put", "give", "try", "tried", "work", "works", "part", "point",
  "whole", "im", "u", "ur", "pls", "plz", "idk", "tbh", "imo", "btw", "<url>", "<mention>", "question", "questions",
  "help", "anyone", "someone", "answer", "tell", "explain", "understand", "idea", "ideas", "suggestion", "request",
  "next", "tutorial", "tutorials", "episode", "content", "comment", "comments", "subscribe", "subscribed", "feel",
  "hope", "wish", "also", "lot", "guess", "wait", "thing", "definitely", "probably", "already", "else", "every",
  "wow", "omg", "yes", "sir", "hai", "vid", "vids", "part", "making", "makes", "doing", "done", "saying", "trying",
  "seems", "felt", "loved", "hear", "talking", "talk", "tried", "told", "lol", "haha", "watched", "bro", "cause",
];

export const STOPWORDS = new Set([...FUNCTION_WORDS, ...FILLER]);
