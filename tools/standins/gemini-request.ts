// How the Gemini stand-in reads a generateContent request: as the real API
// does, from plain JSON, with code of its own. Nothing here imports Lently's
// prompt builders or token estimates, so a bug in those is not cancelled out
// by the same code reading it back. Validation answers 400 where the real API
// does (a bad key, an unknown generationConfig field, a schema it cannot use,
// a thinking budget the model refuses), with Google's error body shapes.

/** A Google error body: `{error: {code, message, status, details?}}`. */
export interface GoogleError {
  status: number;
  body: { error: { code: number; message: string; status: string; details?: unknown[] } };
}

export function googleError(code: number, status: string, message: string, details?: unknown[]): GoogleError {
  return { status: code, body: { error: { code, message, status, ...(details ? { details } : {}) } } };
}

export interface Part {
  text?: string;
}

export interface GenerateBody {
  contents?: Array<{ role?: string; parts?: Part[] }>;
  systemInstruction?: { parts?: Part[] } | string;
  generationConfig?: Record<string, unknown>;
  safetySettings?: unknown;
}

export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  enum?: string[];
  [key: string]: unknown;
}

// ---------------------------------------------------------------- tokens

/**
 * The stand-in's own tokenizer, a rough SentencePiece imitation: a word piece
 * is up to 4 letters (a leading space joins the piece), each digit group of up
 * to 3 and each other symbol is a piece. English prose lands near 4 characters
 * a token, JSON and emoji cost more, as they do on the real API.
 */
export function countTokens(text: string): number {
  let tokens = 0;
  for (const match of text.matchAll(/ ?\p{L}+| ?\p{N}+|\s+|[^\s\p{L}\p{N}]/gu)) {
    const piece = match[0].trim();
    if (!piece) tokens += match[0].length > 1 ? 1 : 0;
    else if (/^\p{L}/u.test(piece)) tokens += Math.ceil(piece.length / 4);
    else if (/^\p{N}/u.test(piece)) tokens += Math.ceil(piece.length / 3);
    else tokens += 1;
  }
  return tokens;
}

/** The first `tokens` tokens' worth of `text` (what an answer cut off at its limit keeps). */
export function cutToTokens(text: string, tokens: number): string {
  if (tokens <= 0) return "";
  let used = 0;
  let end = 0;
  for (const match of text.matchAll(/ ?\p{L}+| ?\p{N}+|\s+|[^\s\p{L}\p{N}]/gu)) {
    const cost = Math.max(1, countTokens(match[0]));
    if (used + cost > tokens) break;
    used += cost;
    end = (match.index ?? 0) + match[0].length;
  }
  return text.slice(0, end);
}

// ---------------------------------------------------------------- prompt text

const textOf = (parts?: Part[]) => (parts ?? []).map((p) => p.text ?? "").join("");

export function systemText(body: GenerateBody): string {
  return typeof body.systemInstruction === "string" ? body.systemInstruction : textOf(body.systemInstruction?.parts);
}

export function userText(body: GenerateBody): string {
  return (body.contents ?? []).map((c) => textOf(c.parts)).join("\n");
}

/**
 * The JSON data inside the first `<tag>` … `</tag>` block of a prompt, read the
 * way a model reads it: the block starts at the tag and ends at the first
 * closing tag after it. Undefined when absent or not JSON.
 */
export function readBlock(prompt: string, tag: string): unknown {
  const open = prompt.indexOf(`<${tag}>`);
  if (open < 0) return undefined;
  const from = open + tag.length + 2;
  const close = prompt.indexOf(`</${tag}>`, from);
  if (close < 0) return undefined;
  try {
    return JSON.parse(prompt.slice(from, close).trim()) as unknown;
  } catch {
    return undefined;
  }
}

export type StandInTask = "analysis" | "insights" | "summary" | "ask" | "replies";

/** Which kind of answer a request wants, from the top-level fields its responseSchema asks for. */
export function taskOf(schema: SchemaNode | undefined): StandInTask | undefined {
  const keys = Object.keys(schema?.properties ?? {});
  const has = (k: string) => keys.includes(k);
  if (has("r")) return "analysis";
  if (has("themes")) return "insights";
  if (has("headline")) return "summary";
  if (has("answer")) return "ask";
  if (has("replies")) return "replies";
  return undefined;
}

// ---------------------------------------------------------------- models

/** What the stand-in knows about a model family's thinking (Gemini API "Thinking" and "Gemini 3" guides). */
export interface ModelRules {
  /** Thinks when the request says nothing. */
  thinksByDefault: boolean;
  /** Accepts a thinkingConfig. */
  canThink: boolean;
  /** thinkingBudget 0 accepted. */
  canTurnOff: boolean;
  minBudget: number;
  maxBudget: number;
  /** The thinkingLevel values it accepts (3.x); empty: none (older families refuse the field). */
  levels: string[];
  /** The level it thinks at when the request names none (3.x). */
  defaultLevel?: string;
  maxOutputTokens: number;
}

/**
 * Model ids the stand-in serves, as the real service lists them in December
 * 2026 (stable ids and their -preview variants); anything else is a 404, like
 * an unknown or retired model (1.x and 2.0 are shut down).
 */
const SERVED = /^gemini-(3\.[0-9]+-(flash|flash-lite|pro)|3-(flash|pro)|2\.5-(flash|flash-lite|pro))(-preview(-[0-9-]+)?)?$|^gemini-(flash|flash-lite|pro)-latest$/;

export function modelServed(model: string): boolean {
  return SERVED.test(model.replace(/^models\//, ""));
}

export function modelRules(model: string): ModelRules {
  const name = model.replace(/^models\//, "");
  const think = (over: Partial<ModelRules>): ModelRules => ({
    thinksByDefault: true,
    canThink: true,
    canTurnOff: false,
    minBudget: 128,
    maxBudget: 32_768,
    levels: [],
    maxOutputTokens: 65_536,
    ...over,
  });
  if (name.startsWith("gemini-1.") || name.startsWith("gemini-2.0")) {
    return { thinksByDefault: false, canThink: false, canTurnOff: true, minBudget: 0, maxBudget: 0, levels: [], maxOutputTokens: 8_192 };
  }
  if (name.startsWith("gemini-2.5-flash-lite")) return think({ thinksByDefault: false, canTurnOff: true, minBudget: 512, maxBudget: 24_576 });
  if (name.startsWith("gemini-2.5-flash")) return think({ canTurnOff: true, minBudget: 1, maxBudget: 24_576 });
  if (name.startsWith("gemini-2.5")) return think({});
  // Gemini 3 and later (and the -latest aliases, which point at them): thinking by level.
  const levels = ["minimal", "low", "medium", "high"];
  if (name.includes("flash-lite")) return think({ levels, defaultLevel: "minimal", thinksByDefault: false });
  if (name.includes("pro")) return think({ levels: ["low", "medium", "high"], defaultLevel: "high" });
  return think({ levels, defaultLevel: "high" });
}

/** Sampling parameters a Gemini 3 model ignores (deprecated 21 Jul 2026); the stand-in records them. */
export const DEPRECATED_SAMPLING = ["temperature", "topP", "topK"] as const;

export function samplingDeprecated(model: string): boolean {
  return modelRules(model).levels.length > 0;
}

// ---------------------------------------------------------------- validation

/** Keys Google accepts look like this (39 characters); anything else is "not valid". */
const KEY_SHAPE = /^AIza[0-9A-Za-z_-]{35}$/;

export function checkKey(key: string | undefined): GoogleError | undefined {
  if (!key) return googleError(403, "PERMISSION_DENIED", "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
  if (KEY_SHAPE.test(key)) return undefined;
  const message = "API key not valid. Please pass a valid API key.";
  return googleError(400, "INVALID_ARGUMENT", message, [
    { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
    { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message },
  ]);
}

const GENERATION_FIELDS = new Set([
  "stopSequences", "responseMimeType", "responseSchema", "responseJsonSchema", "responseModalities", "candidateCount",
  "maxOutputTokens", "temperature", "topP", "topK", "seed", "presencePenalty", "frequencyPenalty", "responseLogprobs",
  "logprobs", "enableEnhancedCivicAnswers", "speechConfig", "thinkingConfig", "mediaResolution",
]);
const SCHEMA_FIELDS = new Set([
  "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties", "required",
  "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering",
  "default", "items", "minimum", "maximum",
]);
const TYPES = new Set(["STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY", "OBJECT"]);

const invalid = (message: string) => googleError(400, "INVALID_ARGUMENT", message);
const unknownName = (name: string, at: string) => invalid(`Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`);

function checkSchema(node: SchemaNode, path: string): GoogleError | undefined {
  for (const key of Object.keys(node)) if (!SCHEMA_FIELDS.has(key)) return unknownName(key, path);
  const type = String(node.type ?? "").toUpperCase();
  if (!TYPES.has(type)) return invalid(`* GenerateContentRequest.${path}.type: must be specified (one of STRING, NUMBER, INTEGER, BOOLEAN, ARRAY, OBJECT)`);
  if (node.enum !== undefined && type !== "STRING") return invalid(`* GenerateContentRequest.${path}.enum: only allowed for STRING type`);
  if (type === "ARRAY") {
    if (!node.items) return invalid(`* GenerateContentRequest.${path}.items: missing field.`);
    return checkSchema(node.items, `${path}.items`);
  }
  if (type === "OBJECT") {
    const properties = node.properties ?? {};
    if (Object.keys(properties).length === 0) return invalid(`* GenerateContentRequest.${path}.properties: should be non-empty for OBJECT type`);
    for (const name of node.required ?? []) {
      if (!(name in properties)) return invalid(`* GenerateContentRequest.${path}.required[${name}]: property is not defined`);
    }
    for (const [name, child] of Object.entries(properties)) {
      const problem = checkSchema(child, `${path}.properties[${name}].value`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The 404 for a model id the service does not serve (unknown, or retired). */
export function checkModel(model: string): GoogleError | undefined {
  if (modelServed(model)) return undefined;
  return googleError(404, "NOT_FOUND", `models/${model.replace(/^models\//, "")} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`);
}

/** The 400 the real API would answer for this request, or undefined when it would accept it. */
export function checkRequest(model: string, body: GenerateBody): GoogleError | undefined {
  if (!Array.isArray(body.contents) || body.contents.length === 0) return invalid("* GenerateContentRequest.contents: contents is not specified");
  const config = body.generationConfig ?? {};
  for (const key of Object.keys(config)) if (!GENERATION_FIELDS.has(key)) return unknownName(key, "generation_config");
  const rules = modelRules(model);
  const max = config.maxOutputTokens;
  if (max !== undefined && (!Number.isInteger(max) || (max as number) < 1)) {
    return invalid(`* GenerateContentRequest.generation_config.max_output_tokens: must be a positive integer, got ${JSON.stringify(max)}`);
  }
  if (typeof max === "number" && max > rules.maxOutputTokens + 1) {
    return invalid(`The output token count ${max} exceeds the maximum allowed (${rules.maxOutputTokens + 1}) for model ${model}.`);
  }
  const temperature = config.temperature;
  if (temperature !== undefined && (typeof temperature !== "number" || temperature < 0 || temperature > 2)) {
    return invalid("* GenerateContentRequest.generation_config.temperature: must be in the range [0.0, 2.0]");
  }
  const schema = config.responseSchema as SchemaNode | undefined;
  if (schema !== undefined) {
    const mime = config.responseMimeType;
    if (mime !== "application/json" && mime !== "text/x.enum") {
      return invalid("* GenerateContentRequest.generation_config.response_mime_type: allowed mimetypes are `application/json` and `text/x.enum` when response_schema is set.");
    }
    const problem = checkSchema(schema, "generation_config.response_schema");
    if (problem) return problem;
  }
  const thinking = config.thinkingConfig as { thinkingBudget?: unknown; includeThoughts?: unknown; thinkingLevel?: unknown } | undefined;
  if (thinking !== undefined) {
    for (const key of Object.keys(thinking)) if (!["thinkingBudget", "includeThoughts", "thinkingLevel"].includes(key)) return unknownName(key, "generation_config.thinking_config");
    if (!rules.canThink) return invalid(`Thinking is not supported by this model (models/${model}).`);
    if (thinking.thinkingBudget !== undefined && thinking.thinkingLevel !== undefined) {
      return invalid("You can only set only one of thinking budget and thinking level.");
    }
    const level = thinking.thinkingLevel;
    if (level !== undefined) {
      if (rules.levels.length === 0) return invalid(`Thinking level is not supported by this model (models/${model}); use thinking budget.`);
      if (typeof level !== "string" || !rules.levels.includes(level.toLowerCase())) {
        return invalid(`* GenerateContentRequest.generation_config.thinking_config.thinking_level: ${JSON.stringify(level)} is not supported by models/${model}; supported: ${rules.levels.join(", ")}.`);
      }
    }
    const budget = thinking.thinkingBudget;
    if (budget !== undefined) {
      if (!Number.isInteger(budget)) return invalid("* GenerateContentRequest.generation_config.thinking_config.thinking_budget: must be an integer");
      const b = budget as number;
      if (b === 0 && !rules.canTurnOff) return invalid("Budget 0 is invalid. This model only works in thinking mode.");
      if (b !== 0 && b !== -1 && (b < rules.minBudget || b > rules.maxBudget)) {
        return invalid(`The thinking budget ${b} is invalid. Please choose a value between ${rules.minBudget} and ${rules.maxBudget}.`);
      }
    }
  }
  return undefined;
}

/** What each thinking level may spend at most on a request (high: as much as the request warrants). */
export const LEVEL_THOUGHTS: Record<string, number | "dynamic"> = { minimal: 0, low: 512, medium: 2_048, high: "dynamic" };

/** The thinking budget in force: a number, or "dynamic" (-1, high, or unset on a model that thinks by default), or 0 (off). */
export function budgetOf(model: string, body: GenerateBody): number | "dynamic" {
  const rules = modelRules(model);
  const config = body.generationConfig?.thinkingConfig as { thinkingBudget?: number; thinkingLevel?: string } | undefined;
  if (rules.levels.length > 0 && config?.thinkingBudget === undefined) {
    const level = (config?.thinkingLevel ?? rules.defaultLevel ?? "high").toLowerCase();
    return LEVEL_THOUGHTS[level] ?? "dynamic";
  }
  const set = config?.thinkingBudget;
  if (set === -1) return "dynamic";
  if (set !== undefined) return set;
  return rules.thinksByDefault ? "dynamic" : 0;
}
