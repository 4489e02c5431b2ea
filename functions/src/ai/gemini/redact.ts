// Keys must never reach a log line or a client: SDK errors can carry the
// request URL (with ?key=…) or echo headers.

const GOOGLE_KEY = /AIza[0-9A-Za-z_-]{20,}/g;
const KEY_PARAM = /([?&](?:key|api_key|apiKey)=)[^&\s"']+/gi;
const KEY_HEADER = /(x-goog-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi;

/** `text` with Google API keys, key query parameters/headers and the given secrets replaced by [redacted]. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join("[redacted]");
  return out.replace(GOOGLE_KEY, "[redacted]").replace(KEY_PARAM, "$1[redacted]").replace(KEY_HEADER, "$1[redacted]");
}
