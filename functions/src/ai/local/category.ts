// Rule-based comment category. Phrasings are matched on a flattened form
// (lower case, no apostrophes or punctuation) because real comments, and the
// datasets we score on, often come without "?" or apostrophes: "how do i fix
// this", "whats the point", "can u make one on loops".
import { ACTIONABLE_CATEGORIES, type Category, type Sentiment } from "../types";
import { asksOtherViewers, type CategoryExplanation } from "./concernFeatures";
import { confirmsConcern, shippedConcernModel, type ConcernModel } from "./concerns";
import { flatWordCount, flatten } from "./tokenize";

export interface SentimentHint {
  sentiment: Sentiment;
  score: number;
}

const re = (source: string): RegExp => new RegExp(source);
const YOU = "(?:you|u|ya|yall)";
const SOMEONE = "(?:someone|anyone|anybody|somebody|any1|some1|guys)";
const MAKE = "(?:make|do|upload|create|cover|film|record|post|add|show|teach|continue|start|release|put out|try)";
const CONTENT = "(?:video|videos|vid|vids|tutorial|tutorials|episode|episodes|part|series|review|reviews|guide|lesson|lessons|course|stream|one|vlog)";

const SPAM = [
  re(String.raw` (?:check out|checkout|visit|subscribe to|sub to) (?:my|our) (?:channel|page|video|videos|website|site|profile|music|song)`),
  re(String.raw` (?:sub ?4 ?sub|sub for sub|subscribe for subscribe|follow for follow|f4f|l4l)`),
  re(String.raw` (?:free|win) (?:iphone|gift ?cards?|robux|vbucks|v bucks|money|followers|subscribers)`),
  re(String.raw` (?:earn|make) (?:money|cash|\d+) (?:online|from home|per|a day|daily|weekly)`),
  re(String.raw` (?:whatsapp|telegram|click (?:the|my) link|link in (?:my|the) (?:bio|profile)|promo code|dm me)`),
];

// Making content: "please make", "can you do a video on", "part 2".
const REQUEST = [
  re(String.raw` (?:please|pls|plz|plss|pleasee) ${MAKE}`),
  re(String.raw` (?:can|could|would|will|cud|wud) ${YOU} (?:please |pls |plz |also |maybe )?${MAKE} (?:a |an |another |some |more |one |the |vids? |videos? |tutorials? )`),
  re(String.raw` (?:make|do|upload|create|need) (?:a |an |another |more |some |the next )?(?:${CONTENT}|more) (?:on|about|of|for|explaining|covering|where|with|how)`),
  re(String.raw` (?:next|another|new) ${CONTENT} (?:on|about|should|please|pls|idea)`),
  re(String.raw` part (?:2|two|ii|3|three) (?:please|pls|plz|when|soon|coming)`),
  re(String.raw` (?:more|another) (?:videos|tutorials|episodes|content|of these|like this) (?:please|pls|plz|on|about)`),
  re(String.raw` (?:id|i would|i d|would) (?:love|like|really like|really love|be nice|be great) (?:to see|if ${YOU} (?:could |would |can )?(?:make|do|upload|cover|show|explain))`),
  re(String.raw` (?:waiting for|looking forward to|cant wait for) (?:the |your )?(?:next|part|more|new|another)`),
  re(String.raw` (?:when|where) (?:is|will|are|does|do) (?:the )?(?:next|part|new) `),
  re(String.raw` (?:request|requesting|video idea|suggestion for a video)`),
  re(String.raw` any chance (?:of|that|${YOU}) (?:${YOU} )?(?:could |would |can |will )?(?:make|making|do|doing|put|putting|upload|uploading|cover|covering|post|posting|add|adding|show|showing|a |an |another )| (?:love|like) (?:a|another|more|for a|for another) (?:part|video|tutorial|series|follow up|followup|episode)\b`),
];

// Advice to the creator: "you should", "it would be better if".
const SUGGESTION = [
  re(String.raw` ${YOU} (?:really |definitely |honestly |seriously )?(?:should|shud|shld|might want to|may want to|ought to|could (?:also|maybe|try|make|do|use|add|include|explain|show|put|zoom|speak|talk|go|have|improve|increase|lower|raise|reduce|change|mention|link|record|film|slow))\b(?! (?:be|have been|of been|not have|ever|feel|get a job|teach in))`),
  re(String.raw` (?:it|that|this|things) (?:would|wud|will|might) (?:be|have been|look|sound|work) (?:(?:a lot|much|way|even|so|really|a bit|alot) )?(?:better|nicer|easier|clearer|great|nice|helpful|good|cool|awesome|useful|more helpful)`),
  re(String.raw` (?:(?:it|that|this) (?:would|wud|might)|itd|thatd) (?:really |also |definitely )?help (?:to|if)\b`),
  re(String.raw` would (?:be|have been) (?:(?:a lot|much|even|really|so|very) )?(?:better|nice|nicer|great|helpful|good|cool|awesome|easier|useful) (?:if|to|for)`),
  re(String.raw` (?:i|id|i would|i d|may i|can i|let me) (?:suggest|recommend|advise|propose)`),
  re(String.raw` (?:suggestion|tip|advice|pro tip|feedback) (?:for|to|is|would|would be|i have)`),
  re(String.raw` (?:my only|one|a|small|quick) (?:suggestion|tip|complaint|critique|criticism|request)`),
  re(String.raw` (?:why not|why dont ${YOU}|why didnt ${YOU}|how about|what about) (?:${YOU} |use|using|add|adding|make|making|do|doing|try|trying|show|a |an |the )`),
  re(String.raw` (?:should have|shouldve|should of|shoulda|could have|couldve) (?:explained|mentioned|shown|said|used|included|done|told|started|made|covered|added|talked)`),
  re(String.raw` (?:next time|in the future|in future videos) `),
  re(String.raw` if (?:${YOU}) .{0,60}(?:it would|itd|it will|would be|will be|that would) (?:be )?(?:(?:almost|much|even|a lot|so much|way|really) )?(?:better|perfect|easier|great|nicer|helpful|awesome|good|clearer)\b`),
  re(String.raw` (?:would|will|d) be (?:really |very |so |super )?(?:great|nice|helpful|appreciated|awesome|cool|useful|better|good) $| be more (?:in depth|detailed|specific|clear|careful|thorough)\b`),
  re(String.raw` (?:consider|try) (?:using|adding|making|doing|to |explaining|showing|slowing|zooming|speaking)`),
  re(String.raw` (?:please|pls|plz) (?:slow down|zoom|speak|talk|explain|increase|turn|fix|use|stop|dont)`),
];

// Problems that ask for help without "?": "i get an error", "doesnt work".
const PROBLEM = [
  re(String.raw` \S*(?:error|exception)s?\b| (?:undefined reference|not declared|does not name a type)\b`),
  re(String.raw` (?:doesnt|dont|didnt|does not|do not|did not|wont|will not|isnt|is not|cant|cannot|can not|couldnt|wouldnt|not) (?:work|working|worked|run|running|compile|compiling|show|showing|load|loading|open|opening|display|displaying|start|install|find|get it|figure|seem to|appear|appearing|apear|change|changing|respond|responding|register|recognize|recognise|save|let me|allow me|launch|launching|build|boot|connect|connecting|import|export|play|playing)\b`),
  // What failed or is missing: "could not be resolved", "launch failed", "my camera doesnt have the option".
  re(String.raw` (?:could not|couldnt|cannot|cant|can not) be (?:resolved|found|opened|loaded|located|installed)\b| not found\b| (?:launch|build|install|installation|compile|compilation|render|export|import|upload|download|update|sync) (?:failed|fails|keeps failing)\b| failed to (?:launch|build|install|compile|render|export|import|load|open|run|start|connect|upload|download|update)\b`),
  re(String.raw` (?:dont|do not|doesnt|does not|didnt|did not) (?:have|has|show|see) (?:(?:the|that|this|a|an|any) )?(?:\S+ ){0,3}(?:option|options|button|menu|tab|setting|settings|icon|window|panel|feature)\b| (?:theres|there is|there s) no .{1,30} (?:in|on) mine\b`),
  re(String.raw` (?:it|its|this|that|mine|my code|my program|the code|the program|the app|compiler|console|browser|the page|the screen) (?:says|keeps (?:saying|giving|telling|showing|crashing|closing)|only shows|crashes|crashed|freezes|closes|does nothing|gives (?:me )?(?:an? |the )?(?:error|warning|exception|blank))`),
  re(String.raw` (?:i|im|i am|ive|i have|i keep|keep|still) (?:getting|get|got|having|have|had|been getting|running into|run into) (?:(?:an|a|the|this|that|same|the same|some|a weird|a little|a small|one|another) )?(?:errors?|problems?|issues?|trouble|bugs?|exceptions?|warnings?|error message|difficulty|difficulties)\b`),
  re(String.raw` (?:a|an|the|my|this|same|having|have|got|one|small|little|weird|big) (?:problem|issue|trouble|difficulty)\b`),
  re(String.raw` (?:please|pls|plz|plzz|i need|need some|need|any|can (?:someone|anyone|you|u)|could (?:someone|anyone|you|u)) (?:help|assist)\b| (?:help|assist) (?:me|pls|please|plz|needed)\b(?! (?:out|pass|understand|learn|a lot|so much))`),
  re(String.raw` (?:bug|crash(?! course)|crashes|crashed|crashing|(?:im|i am|still|got|get|getting|keep getting) stuck|not sure (?:how|why|what|if)|nothing (?:happens|happened|shows|comes|appears|works|displays|changes)|same thing happens|what am i doing wrong|whats wrong|what is wrong|blank page|blank screen|black screen|white screen|still no)\b`),
  re(String.raw` (?:i|im|i am|still) (?:dont|do not|didnt|did not|cant|cannot|still dont|still cant|really dont) (?:(?:fully|really|quite|totally|completely|exactly|quiet) )?(?:understand|get|see|figure|follow|grasp|know how|know why|know what)`),
  re(String.raw` (?:im|i am|i m|im so|im really|kinda|kind of|kind|a bit|a little|little bit|still|so|get|getting) (?:confused|lost|stuck)\b`),
  re(String.raw` (?:i|ive|i have|i did|i followed|i copied|i wrote|i typed) (?:tried|did|followed|copied|wrote|typed|done) (?:everything|exactly|the same|it|word|every step|all|what)`),
  re(String.raw` (?:am|im|i m|is|its|are|was) not (?:getting|showing|displaying|appearing|loading|changing|working|responding|able)\b`),
  re(String.raw` (?:doesnt|does not|dont|didnt|do not|did not) (?:really |quite )?make (?:any |much )?sense\b| makes no sense\b`),
  // Steps that went wrong: "when i save it it becomes ...".
  re(String.raw` when i (?:run|save|open|click|type|reload|refresh|try|tried|compile|press|load|execute|install|launch|enter|hit|build|paste|upload|import|put|write|use|go to|start|debug)\b`),
];

const WH = "(?:what|whats|why|whys|how|hows|where|wheres|y|wat|wht|wut)";
const AUX = "(?:is|are|was|were|do|does|did|can|could|would|will|should|shall|has|have|had|am|cant|dont|doesnt|didnt|isnt|arent|wont|wouldnt|shouldnt|couldnt|must|may|might)";
const SUBJ = "(?:i|you|u|we|they|he|she|it|this|that|there|these|those|the|my|your|a|an|someone|anyone|anybody|one|people|ur)";
// Words after which "how/what/why ..." is an embedded clause, not a question ("i know how it works").
const EMBEDDING =
  "(?:know|knows|knew|understand|understood|see|saw|show|shows|showed|tell|tells|told|teach|teaches|taught|learn|learned|learnt|explain|explains|explained|of|on|about|matter|remember|realize|realized|idea|wonder|wondered|thats|is|exactly|for|by|care|and|figure|figured|out|guess|doubt|decide|choose|get|got|you|me|us|them|him|her|see|love|like|liked|loved|at|in|just|from|regardless)";

const QUESTION = [
  // A question word, then an auxiliary: "why cant you", "how do i", "what does it mean".
  re(String.raw` (?<! ${EMBEDDING} )${WH} (?:${AUX}|r|to|if|about|else|exactly|much|many|long|often|come)\b`),
  re(String.raw` (?:which|what|wat|whats) (?:kind|type|version|language|program|software|editor|ide|app|font|theme|mic|microphone|camera|keyboard|compiler|browser|os|book|books|course|laptop|computer|plugin|extension|color scheme|text editor|one|screen recorder|recorder|website|site|tool|tools|setup|package|library|module) (?:of \S+ )?(?:${AUX}|r|shall|would|are|you|u|he|did)\b`),
  re(String.raw` (?<! ${EMBEDDING} )(?:whats|what is|what are) (?:the|your|ur|this|that|a|an|it|name|wrong|happening|going on)\b`),
  re(String.raw` (?:program|software|editor|ide|compiler|plugin|theme|font|app|tool|browser|mic|camera|setup|version) (?:are|r|is|do|did) (?:you|u|he|ya) (?:using|use|used|use for|running)\b`),
  re(String.raw` (?:which|what|wat) \S+(?: \S+)? (?:are |r |is |do |did )?(?:you|u|he|ya|youre|ur) (?:are |r )?(?:using|use|used|teaching|running|recommend)\b`),
  // Auxiliary-first, at the start: "is there a way", "can i use", "does this work".
  re(String.raw`^ (?:(?:hi|hey|hello|yo|ok|okay|so|and|but|also|um|uh|sorry|excuse me|quick question|question|sir|bro|dude|man|guys|silly question|stupid question|noob question|wait) )?${AUX} ${SUBJ}\b`),
  re(String.raw`^ (?:is|are|does|do|did|can|could|should|was|were|has|am|isnt|doesnt|arent|cant|shouldnt) (?!(?:not|t|more|a lot|it|this|that|the|some|any|my|your|everything|exactly|only|also|just|wait|be|confirm|anything|stuff|whatever|so|what)\b)\S+`),
  // Anywhere: "does anyone know", "can someone", "do you have", "can i use".
  re(String.raw` (?:can|could|would|will|does|do|did|has|have) ${SOMEONE}\b`),
  re(String.raw` (?<! (?:little|if|as|than|like|so|neither|nor|hope|wish|and so|then|what|which|who|that|how|when|where|why|thank) )(?:can|could|would|will|do|did|should|shall) (?:${YOU}|i|we) (?!(?:too|can|could|do|did|will|would)\b)`),
  re(String.raw` (?:is|are) (?:there|their|thr) (?:a|an|any|anything|another|some|other|more)\b`),
  re(String.raw` (?:is|are) (?:they|it|these|those|this|that) (?:(?:actually|really|even|still|always|absolutely|strictly) )?(?:needed|necessary|required|valid|important|optional|mandatory)\b`),
  re(String.raw` (?:is|does|would|will|can) (?:it|this|that) (?:possible|necessary|required|matter|mean|normal|true|work|better|important|needed|ok|okay|fine|alright|enough|bad|safe|worth|free|the same|same)\b| (?:are|r) (?:they|these|those|both|the two) (?:the same|same|interchangeable|equivalent)\b`),
  re(String.raw` (?:any|anyone|anybody|someone) (?:idea|ideas|tips|tip|help|suggestions|advice|thoughts|clue|solution|fix|know|knows|else have|else having|else get|else getting|else notice|explain|tell|help|fixes|solutions|way|workaround)\b`),
  re(String.raw` (?:i have a|i got a|i have one|quick|one|a|my|another|simple|small|stupid|dumb|noob|beginner|silly|newbie|random|few|some|couple) questions?\b|^ questions?\b`),
  re(String.raw` (?:i was|im|i am|just|was) wondering\b| (?:i wonder|wondering) (?:if|why|how|what|whether)\b`),
  re(String.raw` (?:want|wanna|would like|id like|i d like) to know (?:how|why|if|whether|where|which|what (?:is|are|does|do|the))\b| (?:tell|show|teach) me (?:how|what|why|where|which|if)\b| (?:please|pls|plz|plzz) (?:answer|reply|respond|tell|explain)\b`),
  re(String.raw` (?:what|whats) (?:the difference|the point|the purpose|the use|the reason|the meaning|the name|the best|the benefit)\b`),
  re(String.raw` (?:how come|what if|why not|what about|or not|right or|is that right|am i right|correct me|please explain|pls explain|can explain|explain why|explain how|explain what|explain the)\b`),
  re(String.raw`^ (?:(?:hi|hey|hello|yo|ok|okay|so|and|but|also|um|sir|bro|dude|guys) )?(?:how|why|what|whats|where|which|who|y|wat)\b`),
  // Trailing question words and tags: "... is still the same why", "works on windows right".
  re(String.raw` (?:why|how|what|where|huh|right|correct)(?: (?:though|tho|then))? $`),
];

// Remarks about the video itself (sound, pace, mistakes): actionable, not necessarily negative.
const FEEDBACK = [
  re(String.raw` (?:audio|sound|volume|voice|mic|microphone|music|background music|font|font size|text|resolution|video quality|sound quality|audio quality|lighting|editing|pace|pacing|intro|outro) (?:is|was|seems|sounds|looks|could be|needs|need) (?:(?:a bit|a little|kinda|kind of|really|very|so|way) )?(?:too|low|quiet|bad|terrible|horrible|awful|annoying|loud|off|out of sync|blurry|small|tiny|hard|distracting|distorted|muffled|echoey|improved|fixing|work|to be)\b`),
  re(String.raw` (?:too|way too|a bit too|bit too|little too|kinda too|much too) (?:fast|quick|quickly|slow|slowly|quiet|loud|long|short|small|tiny|blurry|low|dark|bright|fuzzy|hard to|complicated|advanced|much)\b`),
  re(String.raw` (?:cant|cannot|can not|hard to|difficult to|barely|couldnt) (?:hear|see|read|follow|understand ${YOU}|keep up)\b`),
  re(String.raw` (?:${YOU}|he|she) (?:talk|talks|speak|speaks|go|goes|went|move|moves|type|types|explain|explained|explains) (?:too|so|way too|really|very) (?:fast|quick|quickly|slow|slowly|much)\b`),
  re(String.raw` (?:${YOU} (?:missed|forgot|skipped|made a (?:small |little )?mistake|misspelled|mispronounced)|typo|there is a mistake|theres a mistake|small mistake|correction)\b`),
  re(String.raw` (?:zoom in|full screen|fullscreen|subtitles|captions|annotations|timestamps|source code|link to|download link)\b`),
  // Corrections: "pretty sure you mean 350", "you said 2 cups but the description says 3".
  re(String.raw` (?:pretty sure|i think|i believe) ${YOU} (?:mean|meant)\b| ${YOU} (?:said|say|wrote|typed) .{1,40} (?:but (?:the|it|its|in|then|later|you|u)|however)\b| ${YOU} (?:mixed|switched|swapped) (?:up|them|it)\b| (?:${YOU}|youve|you have) (?:declared|wrote|written|typed|spelled|misspelled|named|labeled|labelled|called|put|used|wired|drawn|drew) (?:\S+ ){0,4}(?:wrong|wrongly|incorrectly|backwards)\b`),
  // Something in the video or its description that does not work: "the link is broken", "the sound cuts out".
  re(String.raw` (?:link|links|download|audio|sound|video|subtitles|captions)(?: in the description| below)? (?:is|are|was|seems|seem) (?:broken|dead|missing|out of sync)\b| (?:broken|dead) links?\b| (?:sound|audio|mic|voice|video) (?:cuts|cut|keeps cutting|drops|goes) out\b| out of (?:focus|sync)\b| (?:keeps|kept) losing focus\b`),
];

const CRITICISM = [
  re(String.raw` (?:terrible|bad|awful|horrible|worst|poor|confusing|useless|pointless|lazy|sloppy|low effort|lame) (?:video|vid|tutorial|explanation|explaining|content|editing|audio|sound|sound quality|quality|lesson|review|intro|thumbnail|title)\b`),
  re(String.raw` (?:clickbait|click bait|misleading|waste of (?:my )?time|waste of time|dislike|disliked|unsubscribed|unsubscribing|unsubbed|worst (?:video|tutorial|explanation|channel|review)|boring|cringe|overrated|poorly explained|bad explanation|doesnt explain|didnt explain|not explained|not helpful|unhelpful|useless (?:video|tutorial)|you are wrong|youre wrong|ur wrong)\b`),
];
const CONTENT_TARGET = re(String.raw` (?:video|vid|tutorial|explanation|content|editing|audio|sound|lesson|thumbnail|title)\b`);
// The problem is over: "i didnt get it at first but now i understand".
const RESOLVED = re(String.raw` (?:now i (?:get|understand|am understand|finally|know)|finally (?:get|understand|got it|understood|get it)|makes sense now|now (?:it )?makes sense|i now understand|now understand|got it working|get it now|understand it now|dont know how to thank|now i can|thanks to you i|helped me (?:understand|a lot|so much))\b`);

// Praise shaped like a question: "how did you get so good", "why doesnt this have more views".
const PRAISE_QUESTION = re(
  String.raw` (?:how|why) (?:is|are|was|were) (?:this|that|it|you|u|he|she|they|(?:this|your|ur) \S+) (?:so|this|that) (?:good|great|amazing|awesome|talented|smart|funny|satisfying|underrated|perfect|beautiful|relaxing|calming|helpful|entertaining|wholesome|clean|clear)\b` +
    String.raw`| how did (?:you|u|he|she|they) (?:get|become) (?:so|this) (?:good|great|talented|skilled|fast|smart)\b` +
    String.raw`| how (?:do|does) (?:you|u|he|she) make (?:it|this|that) look so (?:easy|simple|effortless)\b` +
    String.raw`| why (?:doesnt|does not|dont|hasnt|isnt) (?:this|it|he|she|you|u|(?:this|your|ur) \S+) (?:have|has|get|got) (?:more|millions of|a million) (?:views|likes|subscribers|subs)\b`,
);

const APPRECIATION = [
  re(String.raw` (?:thank|thanks|thanx|thx|thnx|ty|tysm|appreciate|appreciated|grateful|kudos|cheers|bless)\b`),
  re(String.raw` (?:great|good|nice|awesome|amazing|excellent|best|brilliant|fantastic|perfect|helpful|useful|informative|clear|wonderful|cool|love|loved|loving|enjoyed|superb|outstanding|incredible|beautiful) (?:video|vid|tutorial|tutorials|videos|job|work|explanation|explaining|content|channel|review|lesson|series|stuff|teacher|teaching|one|guy|man)\b`),
  re(String.raw` (?:love|loved|like|liked|enjoy|enjoyed|adore) (?:this|your|these|the|it|ur|you|ya)\b`),
  re(String.raw` (?:keep (?:it )?up|keep going|keep em coming|keep them coming|subscribed|new subscriber|life ?saver|legend|goat|goated|you rock|you are (?:the|a|awesome|amazing|great|so)|youre (?:the|a|awesome|amazing|great|so)|well done|well explained|nicely done|great job|good job|makes sense now|finally understand|now i understand|helped me|so helpful|very helpful|really helpful)\b`),
  PRAISE_QUESTION,
];
const PRAISE_QUESTIONS = new RegExp(PRAISE_QUESTION.source, "g");

// Surprise, not a question: "wait what?", "huh?", "why?" (a comment of these words alone).
const REACTION_WORDS: ReadonlySet<string> = new Set(["what", "wat", "wut", "huh", "wait", "why", "how", "really", "seriously", "eh", "hm", "hmm", "lol", "lmao", "omg", "wtf", "bruh", "bro", "dude", "um", "uh", "oh", "ah", "so", "but", "and", "the", "hell", "heck"]);

/** A flattened sentence of reaction words only ("wait what"): nothing is asked. */
function isReaction(flat: string): boolean {
  if (flat.length > 40) return false;
  const words = flat.trim().split(" ");
  return words.length <= 4 && words.every((w) => REACTION_WORDS.has(w));
}

interface RuleSet {
  name: string;
  patterns: readonly RegExp[];
  /** All patterns as one alternation: one scan instead of one per pattern. */
  any: RegExp;
}

function ruleSet(name: string, patterns: readonly RegExp[]): RuleSet {
  return { name, patterns, any: new RegExp(patterns.map((p) => `(?:${p.source})`).join("|")) };
}

const RULES = {
  spam: ruleSet("spam", SPAM),
  request: ruleSet("request", REQUEST),
  question: ruleSet("question", QUESTION),
  problem: ruleSet("problem", PROBLEM),
  suggestion: ruleSet("suggestion", SUGGESTION),
  feedback: ruleSet("feedback", FEEDBACK),
  criticism: ruleSet("criticism", CRITICISM),
  appreciation: ruleSet("appreciation", APPRECIATION),
};

/** "question#3": the first pattern of the set that matches, or undefined. */
function firstMatch(set: RuleSet, s: string): string | undefined {
  if (!set.any.test(s)) return undefined;
  const i = set.patterns.findIndex((p) => p.test(s));
  return `${set.name}#${i}`;
}

/** Words that thank or praise ("thanks", "great tutorial", "love this"), wherever they stand in the comment. */
export function praisesOrThanks(flat: string): boolean {
  return RULES.appreciation.any.test(flat);
}

/** Probable spam: promotion, link bait, sub-for-sub. */
export function looksLikeSpam(flat: string, raw: string): boolean {
  if (RULES.spam.any.test(flat)) return true;
  const links = (raw.match(/https?:\/\/|www\./g) ?? []).length;
  return links >= 2 || (links === 1 && / (?:my|our) (?:channel|page|site|website|video|music)\b/.test(flat));
}

/** A question, by "?" or by phrasing ("how do i ...", "is there a ..."). */
export function isQuestion(flat: string, raw: string): boolean {
  return /\?/.test(raw.replace(/https?:\/\/\S+/g, "")) || RULES.question.any.test(flat);
}

/**
 * A sentence ending in "?" that is not put to the other viewers ("anyone else
 * here after the stream?" is chatter: the phrase rules and the model judge it).
 */
function asksTheCreator(text: string): boolean {
  const clean = text.replace(/https?:\/\/\S+/g, "");
  if (!clean.includes("?")) return false;
  // Split after each "?", "." or "!" (linear, unlike a sentence regex on a huge comment).
  return clean.split(/(?<=[?.!])/).some((sentence) => {
    if (!sentence.endsWith("?")) return false;
    const flat = flatten(sentence);
    return !asksOtherViewers(flat) && !isReaction(flat) && !PRAISE_QUESTION.test(flat);
  });
}

/** `flat` may be passed when the caller already has flatten(text). */
export function explainCategory(text: string, sentiment: SentimentHint, flat = flatten(text)): CategoryExplanation {
  const words = flatWordCount(flat);
  if (words === 0) return { category: "other", rule: "empty" };
  if (looksLikeSpam(flat, text)) return { category: "spam", rule: "spam" };
  let rule = firstMatch(RULES.request, flat);
  if (rule) return { category: "request", rule };
  if (asksTheCreator(text)) return { category: "question", rule: "question-mark" };
  if (!RESOLVED.test(flat) && !isReaction(flat)) {
    // Praise shaped like a question asks nothing; a question beside it still counts.
    const asked = PRAISE_QUESTION.test(flat) ? flat.replace(PRAISE_QUESTIONS, " ") : flat;
    rule = firstMatch(RULES.question, asked) ?? firstMatch(RULES.problem, asked);
    if (rule) return { category: "question", rule };
  }
  rule = firstMatch(RULES.suggestion, flat);
  if (rule) return { category: "suggestion", rule };
  rule = firstMatch(RULES.feedback, flat);
  if (rule) return { category: "feedback", rule };
  const negative = sentiment.sentiment === "negative" || (sentiment.sentiment === "mixed" && sentiment.score < 0);
  rule = firstMatch(RULES.criticism, flat);
  if (rule) return { category: "criticism", rule };
  if (negative && sentiment.score <= -0.6 && words >= 4 && CONTENT_TARGET.test(flat)) return { category: "criticism", rule: "negative-about-content" };
  rule = firstMatch(RULES.appreciation, flat);
  if (rule) return { category: "appreciation", rule };
  if (sentiment.sentiment === "positive" && sentiment.score >= 0.5 && words <= 12) return { category: "appreciation", rule: "short-positive" };
  if (words >= 8) return { category: "discussion", rule: "long" };
  return { category: "other", rule: "short" };
}

// Where the rules lose precision: questions that ask nothing of the creator
// ("how did you get so good") and criticism that is only abuse. Suggestions,
// feedback and requests the rules find are vetoed only when the model is far
// surer (its threshold times OTHER_VETO): what they say is what a creator acts on.
// So is a question put to the creator with "?": the training comments carry no
// punctuation, so the model never learnt what a "?" says, and alone it took
// short or unfamiliar direct questions ("what mic is that?") for chatter.
// A short remark about the video ("honestly the intro is way too long") is
// never vetoed: the training videos' labels count pace and sound remarks as
// "other", but a creator acts on them; in a long comment such a remark is
// often an aside to praise or a story, and the model judges it.
const VETOED: ReadonlySet<Category> = new Set(["question", "criticism"]);
const OTHER_VETO = 0.5;
const REMARKS: ReadonlySet<Category> = new Set(["feedback", "suggestion", "criticism"]);
const SHORT_REMARK_WORDS = 12;

/** How sure the learned check must be to veto this match: 1 = its threshold, 0 = never (exported for the trainer). */
export function vetoStrictness(explained: CategoryExplanation, flat: string): number {
  if (REMARKS.has(explained.category) && flat.trim().split(" ").length <= SHORT_REMARK_WORDS) return 0;
  return VETOED.has(explained.category) && explained.rule !== "question-mark" ? 1 : OTHER_VETO;
}

/**
 * The category, with the learned check (concerns.ts) vetoing an actionable
 * rule match a creator would not act on: such a comment becomes what it
 * otherwise is (appreciation if positive, discussion if long, else other).
 * `model` null gives the rules alone.
 */
export function classifyCategory(text: string, sentiment: SentimentHint, flat = flatten(text), model: ConcernModel | null = shippedConcernModel()): Category {
  const explained = explainCategory(text, sentiment, flat);
  if (!model || !needsAttention(explained.category)) return explained.category;
  const strictness = vetoStrictness(explained, flat);
  if (strictness === 0 || confirmsConcern(model, explained, flat, strictness)) return explained.category;
  if (sentiment.sentiment === "positive") return "appreciation";
  return flatWordCount(flat) >= 8 ? "discussion" : "other";
}

/** Categories a creator should act on. */
export function needsAttention(category: Category): boolean {
  return ACTIONABLE_CATEGORIES.includes(category);
}
