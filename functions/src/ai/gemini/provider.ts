// The Gemini implementation of AiProvider.
import { AiMalformedResponseError, AiSafetyBlockError, isAiError } from "../errors";
import { analysisPrompt, analysisResponse, blockedAnalysis, expandAnalysis } from "../prompts/analysis";
import { askPrompt, askResponse, expandAsk } from "../prompts/ask";
import { expandInsights, insightsPrompt, insightsResponse } from "../prompts/insights";
import { distinctReplies, repliesPrompt, repliesResponse } from "../prompts/replies";
import { expandSummary, summaryPrompt, summaryResponse } from "../prompts/summary";
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
  TokenUsage,
  VideoContext,
} from "../types";
import { addUsage, noUsage } from "../tokenUsage";
import { callJson, type CallDeps, type TextStream } from "./call";
import type { CallGate } from "../../core/budgets/callGate";
import { JsonStringFieldReader } from "./jsonField";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry";
import { sdkTransport, type Transport } from "./transport";

export interface GeminiOptions {
  apiKey: string;
  model: string;
  /** Empty/undefined: Google's endpoint; the stand-in's URL in tests and the demo. */
  baseUrl?: string;
  /** Per HTTP attempt. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /**
   * Paces every HTTP attempt: the project-wide bucket (core/budgets/aiBucket.ts)
   * in the functions. Default: unpaced (tools; Gemini's 429 and its retryDelay are honoured).
   */
  gate?: CallGate;
  /** Replaces the SDK transport (unit tests of the retry logic). */
  transport?: Transport;
}

const UNPACED: CallGate = { acquire: () => Promise.resolve() };

/** Rounds of asking again for comments a model skipped, before giving up on the batch. */
const MISSING_ROUNDS = 2;

export class GeminiProvider implements AiProvider {
  readonly name = "gemini" as const;
  private readonly deps: CallDeps;

  constructor(options: GeminiOptions) {
    this.deps = {
      model: options.model,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      gate: options.gate ?? UNPACED,
      transport:
        options.transport ??
        sdkTransport({ apiKey: options.apiKey, model: options.model, baseUrl: options.baseUrl, timeoutMs: options.timeoutMs ?? 60_000 }),
    };
  }

  async analyzeComments(batch: CommentInput[], video: VideoContext): Promise<AiResult<CommentAnalysis[]>> {
    if (batch.length === 0) return { value: [], usage: noUsage() };
    const { found, usage } = await this.analyzeSubset(batch, video, 0);
    return { value: batch.map((c) => found.get(c.id)!), usage };
  }

  /**
   * Analyses `batch`, keyed by comment id. A refused batch is halved until the
   * refused comment stands alone; it is then kept with `blocked: true`. Comments
   * the model skipped are asked for again.
   */
  private async analyzeSubset(
    batch: CommentInput[],
    video: VideoContext,
    round: number,
  ): Promise<{ found: Map<string, CommentAnalysis>; usage: TokenUsage }> {
    const found = new Map<string, CommentAnalysis>();
    let usage = noUsage();
    try {
      const answer = await callJson(this.deps, analysisPrompt(batch, video), (json) => {
        const byIndex = expandAnalysis(analysisResponse.parse(json), batch);
        if (byIndex.size === 0) throw new AiMalformedResponseError("analysis", "no comment of the batch was answered");
        return byIndex;
      });
      usage = answer.usage;
      for (const analysis of answer.value.values()) found.set(analysis.id, analysis);
    } catch (err) {
      if (!(err instanceof AiSafetyBlockError)) throw err;
      usage = err.usage;
      if (batch.length === 1) {
        found.set(batch[0].id, blockedAnalysis(batch[0].id));
        return { found, usage };
      }
      const middle = Math.ceil(batch.length / 2);
      for (const half of [batch.slice(0, middle), batch.slice(middle)]) {
        const part = await this.withUsage(usage, () => this.analyzeSubset(half, video, round));
        usage = addUsage(usage, part.usage);
        for (const [id, a] of part.found) found.set(id, a);
      }
      return { found, usage };
    }
    const missing = batch.filter((c) => !found.has(c.id));
    if (missing.length === 0) return { found, usage };
    if (round >= MISSING_ROUNDS) {
      throw new AiMalformedResponseError("analysis", `${missing.length} comment(s) left unanswered`).withUsage(usage);
    }
    const rest = await this.withUsage(usage, () => this.analyzeSubset(missing, video, round + 1));
    for (const [id, a] of rest.found) found.set(id, a);
    return { found, usage: addUsage(usage, rest.usage) };
  }

  /** Runs `fn`; an AI error it throws also carries the usage spent before it. */
  private async withUsage<T>(spent: TokenUsage, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isAiError(err)) err.withUsage(addUsage(spent, err.usage));
      throw err;
    }
  }

  generateInsights(input: InsightsInput): Promise<AiResult<Insights>> {
    const { prompt, shown } = insightsPrompt(input);
    return callJson(this.deps, prompt, (json) => expandInsights(insightsResponse.parse(json), shown));
  }

  summarize(input: SummaryInput): Promise<AiResult<ExecutiveSummary>> {
    const { prompt, shown } = summaryPrompt(input);
    return callJson(this.deps, prompt, (json) => expandSummary(summaryResponse.parse(json), shown));
  }

  answerQuestion(input: AskInput, stream?: AnswerStream): Promise<AiResult<AskAnswer>> {
    return callJson(this.deps, askPrompt(input), (json) => expandAsk(askResponse.parse(json), input), stream && answerTextStream(stream));
  }

  draftReplies(input: ReplyInput): Promise<AiResult<string[]>> {
    return callJson(this.deps, repliesPrompt(input), (json) => {
      const replies = distinctReplies(repliesResponse.parse(json).replies, input.count);
      if (replies.length < input.count) {
        throw new AiMalformedResponseError("replies", `${replies.length} distinct replies instead of ${input.count}`);
      }
      return replies;
    });
  }
}

/** The `answer` field of each attempt's JSON as it streams; a new attempt after text was sent restarts the stream. */
function answerTextStream(stream: AnswerStream): TextStream {
  let reader = new JsonStringFieldReader("answer");
  let sent = false;
  return {
    attempt() {
      if (sent) void stream.restart();
      reader = new JsonStringFieldReader("answer");
      sent = false;
    },
    text(raw) {
      const piece = reader.push(raw);
      if (!piece) return;
      sent = true;
      void stream.text(piece);
    },
  };
}
