// What creators paste into "analyse this video": a bare id or any of the URL
// forms YouTube hands out (share button, address bar, embeds, Shorts, lives,
// the mobile and Music sites), often with timestamps, playlists or tracking
// parameters attached. Everything resolves to the 11-character video id;
// anything else is rejected with a message that says what was expected.
// Pure (zod only): the web app's contracts use it too (contracts/).
import { z } from "zod";

export const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export const EXPECTED = "expected a YouTube video URL or 11-character id";

/** Longest input worth parsing: real links are far shorter; this bounds the work. */
const MAX_INPUT = 2048;

const WATCH_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"]);
const NOCOOKIE_HOSTS = new Set(["youtube-nocookie.com", "www.youtube-nocookie.com"]);
const SHORT_HOSTS = new Set(["youtu.be", "www.youtu.be"]);

// Path prefixes on youtube.com whose next segment is the video id.
const ID_PATHS = new Set(["shorts", "embed", "live", "v", "e"]);

export type VideoInputResult = { ok: true; videoId: string } | { ok: false; why: string };

function idOrNull(candidate: string | null | undefined): string | null {
  return candidate && VIDEO_ID.test(candidate) ? candidate : null;
}

/** Path segments without empty ones, so a trailing slash (`/shorts/ID/`) is harmless. */
function segments(path: string): string[] {
  return path.split("/").filter(Boolean);
}

function fromUrl(url: URL): string | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  const parts = segments(url.pathname);
  if (SHORT_HOSTS.has(host)) return parts.length === 1 ? idOrNull(parts[0]) : null;
  if (NOCOOKIE_HOSTS.has(host)) return parts.length === 2 && parts[0] === "embed" ? idOrNull(parts[1]) : null;
  if (!WATCH_HOSTS.has(host)) return null;
  if (parts.length === 1 && parts[0] === "watch") return idOrNull(url.searchParams.get("v"));
  if (parts.length === 2 && ID_PATHS.has(parts[0])) return idOrNull(parts[1]);
  return null;
}

/** A hint for the most common near-misses, so the message helps rather than just refuses. */
function nearMiss(input: string): string | null {
  if (/[?&]list=/.test(input) && !/[?&]v=/.test(input)) return "is a playlist link, not a video";
  if (/youtube\.com\/(@|channel\/|c\/|user\/)/i.test(input)) return "is a channel link, not a video";
  return null;
}

/** Parses without throwing: the id, or why the input is not a video. */
export function parseVideoInput(raw: unknown): VideoInputResult {
  if (typeof raw !== "string") return { ok: false, why: `must be a string: ${EXPECTED}` };
  if (raw.length > MAX_INPUT) return { ok: false, why: `is too long: ${EXPECTED}` };
  const input = raw.trim();
  if (!input) return { ok: false, why: `must not be empty: ${EXPECTED}` };
  if (VIDEO_ID.test(input)) return { ok: true, videoId: input };
  if (/\s/.test(input)) return { ok: false, why: `must be a single link or id: ${EXPECTED}` };

  // People paste links without a scheme ("youtu.be/…", "www.youtube.com/…").
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, why: `is not a link: ${EXPECTED}` };
  }
  // Credentials or a port never appear in a real share link; refusing them keeps the parser unsurprising.
  const plain = (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password && !url.port;
  const id = plain ? fromUrl(url) : null;
  if (id) return { ok: true, videoId: id };
  const hint = nearMiss(input);
  return { ok: false, why: `${hint ?? "is not a YouTube video link"}: ${EXPECTED}` };
}

/**
 * A zod schema that accepts any supported form and outputs the video id. Used
 * inside a strict object, the failing field is named by its key, e.g.
 * `videoUrlOrId: is not a YouTube video link: expected …`.
 */
export function videoUrlOrIdSchema() {
  return z.string({ error: (issue) => (issue.input === undefined ? "is required" : `must be a string: ${EXPECTED}`) }).transform((raw, ctx) => {
    const result = parseVideoInput(raw);
    if (result.ok) return result.videoId;
    ctx.addIssue({ code: "custom", message: result.why });
    return z.NEVER;
  });
}
