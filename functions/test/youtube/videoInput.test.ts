import { expect } from "chai";
import { HttpsError } from "firebase-functions/v2/https";
import { z } from "zod";
import { fromZodError } from "../../src/core/errors";
import { parseVideoId, parseVideoInput, videoUrlOrIdSchema } from "../../src/youtube/videoInput";

const ID = "dQw4w9WgXcQ";

describe("youtube/videoInput: what creators paste → a video id", () => {
  const accepted: string[] = [
    ID,
    `  ${ID}\n`,
    "a-b_c-d_e-f", // ids may contain - and _
    `https://www.youtube.com/watch?v=${ID}`,
    `http://www.youtube.com/watch?v=${ID}`,
    `https://youtube.com/watch?v=${ID}`,
    `youtube.com/watch?v=${ID}`,
    `www.youtube.com/watch?v=${ID}`,
    `https://m.youtube.com/watch?v=${ID}`,
    `m.youtube.com/watch?v=${ID}&feature=youtu.be`,
    `https://music.youtube.com/watch?v=${ID}&list=RDAMVM${ID}`,
    `https://www.youtube.com/watch?v=${ID}&t=42s`,
    `https://www.youtube.com/watch?v=${ID}&t=1h2m3s&ab_channel=RickAstley`,
    `https://www.youtube.com/watch?feature=share&v=${ID}`,
    `https://www.youtube.com/watch?v=${ID}&list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI&index=2`,
    `https://www.youtube.com/watch?v=${ID}#comments`,
    `https://www.youtube.com/watch?v=${ID}#t=30`,
    `https://youtu.be/${ID}`,
    `youtu.be/${ID}`,
    `https://youtu.be/${ID}?t=10`,
    `https://youtu.be/${ID}?si=AbCdEfGhIjKlMnOp`,
    `https://youtu.be/${ID}/`,
    `https://www.youtube.com/shorts/${ID}`,
    `https://youtube.com/shorts/${ID}?feature=share`,
    `https://m.youtube.com/shorts/${ID}/`,
    `https://www.youtube.com/embed/${ID}`,
    `https://www.youtube.com/embed/${ID}?start=30&autoplay=1`,
    `https://www.youtube-nocookie.com/embed/${ID}`,
    `youtube-nocookie.com/embed/${ID}?rel=0`,
    `https://www.youtube.com/live/${ID}`,
    `https://www.youtube.com/live/${ID}?si=xyz&t=120`,
    `https://www.youtube.com/v/${ID}`,
    `https://www.youtube.com/v/${ID}?version=3`,
    `HTTPS://WWW.YOUTUBE.COM/watch?v=${ID}`,
    `https://www.youtube.com./watch?v=${ID}`,
    `\thttps://www.youtube.com/watch?v=${ID}  `,
  ];

  for (const input of accepted) {
    it(`parses ${JSON.stringify(input)}`, () => {
      expect(parseVideoId(input)).to.equal(input.trim() === "a-b_c-d_e-f" ? "a-b_c-d_e-f" : ID);
    });
  }

  const rejected: Array<[string, unknown]> = [
    ["empty", ""],
    ["whitespace only", "   \n\t"],
    ["10 characters", "dQw4w9WgXc"],
    ["12 characters", "dQw4w9WgXcQQ"],
    ["id with a bad character", "dQw4w9WgX!Q"],
    ["id with a space inside", "dQw4w 9WgXcQ"],
    ["two links", `https://youtu.be/${ID} https://youtu.be/${ID}`],
    ["watch without v", "https://www.youtube.com/watch?list=PL123"],
    ["watch with an empty v", "https://www.youtube.com/watch?v="],
    ["watch with a short v", "https://www.youtube.com/watch?v=abc"],
    ["a playlist", "https://www.youtube.com/playlist?list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI"],
    ["a channel handle", "https://www.youtube.com/@MrBeast"],
    ["a channel id", "https://www.youtube.com/channel/UCX6OQ3DkcsbYNE6H8uQQuVA"],
    ["the home page", "https://www.youtube.com/"],
    ["another site", `https://vimeo.com/${ID}`],
    ["a look-alike host", `https://youtube.com.evil.example/watch?v=${ID}`],
    ["a host that merely ends like it", `https://notyoutube.com/watch?v=${ID}`],
    ["youtu.be with extra path", `https://youtu.be/${ID}/extra`],
    ["shorts without id", "https://www.youtube.com/shorts/"],
    ["embed on the nocookie host with a bad id", "https://www.youtube-nocookie.com/embed/short"],
    ["a javascript: URL", `javascript:alert('${ID}')`],
    ["an ftp URL", `ftp://www.youtube.com/watch?v=${ID}`],
    ["credentials in the URL", `https://user:pass@www.youtube.com/watch?v=${ID}`],
    ["a port", `https://www.youtube.com:8443/watch?v=${ID}`],
    ["not a URL at all", "my favourite video"],
    ["a search", "https://www.youtube.com/results?search_query=studio"],
    ["too long", `https://www.youtube.com/watch?v=${ID}&x=${"a".repeat(3000)}`],
    ["a number", 12345678901],
    ["null", null],
  ];

  for (const [label, input] of rejected) {
    it(`rejects ${label} with invalid-argument naming videoUrlOrId`, () => {
      let caught: unknown;
      try {
        parseVideoId(input);
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(HttpsError);
      const err = caught as HttpsError;
      expect(err.code).to.equal("invalid-argument");
      expect(err.message).to.match(/^videoUrlOrId: /);
      expect(err.message).to.contain("expected a YouTube video URL or 11-character id");
      expect(err.details).to.deep.include({ field: "videoUrlOrId" });
    });
  }

  it("has at least 20 rejected forms", () => {
    expect(rejected.length).to.be.at.least(20);
  });

  it("names the field it is given", () => {
    const result = parseVideoInput("nope");
    expect(result.ok).to.equal(false);
    expect(() => parseVideoId("nope", "input.videoUrlOrId")).to.throw(/^input\.videoUrlOrId: /);
  });

  it("says what a playlist or channel link is", () => {
    expect(() => parseVideoId("https://www.youtube.com/playlist?list=PL1")).to.throw(/playlist link, not a video/);
    expect(() => parseVideoId("https://www.youtube.com/@creator")).to.throw(/channel link, not a video/);
  });

  it("the zod helper outputs the id and names the field through fromZodError", () => {
    const schema = z.strictObject({ videoUrlOrId: videoUrlOrIdSchema() });
    expect(schema.parse({ videoUrlOrId: `https://youtu.be/${ID}?t=3` })).to.deep.equal({ videoUrlOrId: ID });
    const bad = schema.safeParse({ videoUrlOrId: "https://vimeo.com/1" });
    expect(bad.success).to.equal(false);
    const err = fromZodError(bad.error!);
    expect(err.code).to.equal("invalid-argument");
    expect(err.message).to.match(/^videoUrlOrId: is not a YouTube video link: expected a YouTube video URL or 11-character id$/);
    const missing = fromZodError(schema.safeParse({}).error!);
    expect(missing.message).to.equal("videoUrlOrId: is required");
    const wrongType = fromZodError(schema.safeParse({ videoUrlOrId: 5 }).error!);
    expect(wrongType.code).to.equal("invalid-argument");
    expect(wrongType.message).to.match(/^videoUrlOrId: /);
  });
});
