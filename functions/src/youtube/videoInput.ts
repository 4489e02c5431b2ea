// Video input for the server: the parser and schema of videoUrl.ts, plus the
// variant that answers `invalid-argument` (an HttpsError, server-only).
import { invalidArgument } from "../core/errors";
import { parseVideoInput } from "../domain/videoUrl";

export * from "../domain/videoUrl";

/** The video id, or `invalid-argument` naming `field`. */
export function parseVideoId(raw: unknown, field = "videoUrlOrId"): string {
  const result = parseVideoInput(raw);
  if (!result.ok) throw invalidArgument(field, result.why);
  return result.videoId;
}
