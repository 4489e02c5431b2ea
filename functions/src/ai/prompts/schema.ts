// The response contract of a prompt: a Gemini `responseSchema` (OpenAPI
// subset, upper-case type names as the API spells them) and the task it
// belongs to. Written as plain data so this module never loads the SDK.

export type SchemaType = "OBJECT" | "ARRAY" | "STRING" | "NUMBER" | "INTEGER" | "BOOLEAN";

export interface ResponseSchema {
  type: SchemaType;
  properties?: Record<string, ResponseSchema>;
  required?: string[];
  items?: ResponseSchema;
  enum?: string[];
  /** The order the model writes the properties in (Gemini otherwise picks its own). */
  propertyOrdering?: string[];
}

export type AiTask = "analysis" | "insights" | "summary" | "ask" | "replies";

/** One request's worth of prompt: system instruction, user text and the schema the answer must follow. */
export interface Prompt {
  task: AiTask;
  system: string;
  user: string;
  schema: ResponseSchema;
  /** Upper bound for the answer, sized to the task (keeps runaway output and cost bounded). */
  maxOutputTokens: number;
  /** Low for classification (stable labels), high for replies (varied drafts). */
  temperature: number;
}

export const str = (values?: readonly string[]): ResponseSchema => (values ? { type: "STRING", enum: [...values] } : { type: "STRING" });
export const num: ResponseSchema = { type: "NUMBER" };
export const int: ResponseSchema = { type: "INTEGER" };
export const bool: ResponseSchema = { type: "BOOLEAN" };
export const arr = (items: ResponseSchema): ResponseSchema => ({ type: "ARRAY", items });

/** An object whose listed properties are all required. */
export function obj(properties: Record<string, ResponseSchema>): ResponseSchema {
  return { type: "OBJECT", properties, required: Object.keys(properties) };
}

/** Which task a request belongs to, from the top-level keys of its schema (the stand-in routes by this). */
export function taskOfSchema(schema: unknown): AiTask | undefined {
  const keys = Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});
  if (keys.includes("r")) return "analysis";
  if (keys.includes("themes")) return "insights";
  if (keys.includes("headline")) return "summary";
  if (keys.includes("answer")) return "ask";
  if (keys.includes("replies")) return "replies";
  return undefined;
}
