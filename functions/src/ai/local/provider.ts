// The offline, free AiProvider: the rule/lexicon models of this folder for
// per-comment analysis, keyword statistics for themes and ideas, templates for
// summaries, answers and replies. It makes no external call, so its usage is
// always zero (calls counts billable API requests).
import type {
  AiProvider,
  AiResult,
  AnswerStream,
  AskAnswer,
  AskInput,
  CommentAnalysis,
  CommentInput,
  ExecutiveSummary,
  Insights,
  InsightsInput,
  ReplyInput,
  SummaryInput,
  VideoContext,
} from "../types";
import { sentencePieces } from "../sentences";
import { result } from "../tokenUsage";
import { loadLanguageDetector, localModelsRead } from "../language/detect";
import { analyzeComment } from "./analyze";
import { localAnswer } from "./templates/ask";
import { localAudience } from "./templates/insights";
import { localReplies } from "./templates/replies";
import { localSummary } from "./templates/summary";
import { loadNounPhraser } from "./nounPhrases";
import { contentIdeas, extractThemes } from "./themes";

export class LocalProvider implements AiProvider {
  readonly name = "local" as const;

  /**
   * The models read English: a comment in another language (given by the
   * pipeline, else detected here) is left unread, with no sentiment or
   * category, rather than given the verdict its emoji or loan words would get.
   */
  async analyzeComments(batch: CommentInput[], _video: VideoContext): Promise<AiResult<CommentAnalysis[]>> {
    const detect = batch.some((c) => c.language === undefined) ? await loadLanguageDetector() : undefined;
    return result(
      batch.map((c) => {
        const language = c.language !== undefined ? c.language : (detect?.(c.text) ?? null);
        return localModelsRead(language) ? { ...analyzeComment(c), language } : unreadComment(c.id, language);
      }),
    );
  }

  async generateInsights(input: InsightsInput): Promise<AiResult<Insights>> {
    const comments = input.comments.filter((c) => !c.blocked && c.category !== "spam");
    // The part-of-speech tagger loads here, on first use: no other step pays for it.
    const phraser = await loadNounPhraser();
    const themes = extractThemes(comments, phraser, undefined, input.video.channelTitle);
    return result({ themes, contentIdeas: contentIdeas(comments, phraser), audience: localAudience(comments, themes) });
  }

  summarize(input: SummaryInput): Promise<AiResult<ExecutiveSummary>> {
    return Promise.resolve(result(localSummary(input)));
  }

  async answerQuestion(input: AskInput, stream?: AnswerStream): Promise<AiResult<AskAnswer>> {
    const answer = localAnswer(input);
    if (stream) {
      // One sentence at a time, each in its own turn of the event loop so each leaves as its own chunk.
      for (const piece of sentencePieces(answer.answer)) {
        await stream.text(piece);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return result(answer);
  }

  draftReplies(input: ReplyInput): Promise<AiResult<string[]>> {
    return Promise.resolve(result(localReplies(input)));
  }
}

/** A comment the local models cannot read: no verdict at all (not "neutral", not "other"). */
function unreadComment(id: string, language: string | null): CommentAnalysis {
  return { id, sentiment: null, score: 0, emotions: [], category: null, toxic: false, unread: "language", language };
}
