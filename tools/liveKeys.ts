// `npm run demo -- <video url>` with real keys in the shell: the demo then
// analyses that video on the real services. A YOUTUBE_API_KEY in the shell
// replaces the YouTube stand-in (Google's API root, that key); a
// GEMINI_API_KEY replaces the local provider with Gemini on Google's
// endpoint. Everything else (emulators, Paddle) stays local. Only the demo
// does this: tests and benchmarks always run on the stand-ins.

export interface LiveOverrides {
  params: Record<string, string>;
  secrets: Record<string, string>;
  /** Which real services the run uses, for one line on stderr. */
  services: string[];
}

const YOUTUBE_ROOT = "https://youtube.googleapis.com/";

export function liveOverrides(shell: NodeJS.ProcessEnv): LiveOverrides {
  const out: LiveOverrides = { params: {}, secrets: {}, services: [] };
  const youtubeKey = shell.YOUTUBE_API_KEY?.trim();
  if (youtubeKey) {
    out.params.YOUTUBE_API_ROOT_URL = YOUTUBE_ROOT;
    out.secrets.YOUTUBE_API_KEY = youtubeKey;
    out.services.push("YouTube Data API");
  }
  const geminiKey = shell.GEMINI_API_KEY?.trim();
  if (geminiKey) {
    out.params.AI_PROVIDER = "gemini";
    out.params.AI_BACKEND = "api-key";
    out.params.GEMINI_BASE_URL = "";
    out.secrets.GEMINI_API_KEY = geminiKey;
    out.services.push("Gemini");
  }
  return out;
}
