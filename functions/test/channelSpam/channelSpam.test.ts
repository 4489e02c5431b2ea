// Spam across a channel, against the Firestore emulator, on channel fixtures
// written for it: an impersonator replying in threads, a bot wave over five
// videos, a banned author coming back.
import { expect } from "chai";
import { addAuthor, hasAuthor, removeAuthor } from "../../src/authorLists/service";
import { judgeChannelComments } from "../../src/channelSpam/service";
import { db } from "../../src/core/firebase";
import type { YouTubeComment } from "../../src/youtube/types";
import { resetFirestore } from "../support/emulators";

// The channel: "Kitchen Lab" (UCkitchenlab0000000000001), its fans and its bots.
const CHANNEL = { id: "UCkitchenlab0000000000001", title: "Kitchen Lab", handle: "@kitchenlab" };
const START = Date.parse("2026-03-02T09:00:00Z");
let seq = 0;

function post(videoId: string, author: string, authorChannelId: string, text: string, minute: number, parentId?: string): YouTubeComment {
  seq += 1;
  const at = new Date(START + minute * 60_000).toISOString();
  return { id: `${videoId}-${seq}`, author, authorChannelId, text, likeCount: 0, replyCount: 0, publishedAt: at, updatedAt: at, ...(parentId ? { parentId } : {}) };
}

const judge = (uid: string, videoId: string, comments: YouTubeComment[], minute: number) =>
  judgeChannelComments(db(), uid, { channelId: CHANNEL.id, ownerNames: [CHANNEL.title, CHANNEL.handle], videoId, comments, now: new Date(START + minute * 60_000), record: true });

describe("channelSpam: impersonators, waves across videos and the spammer list", function () {
  this.timeout(60_000);
  before(() => resetFirestore());

  it("an impersonator with a homoglyph name replying 'text me on telegram' under three threads is flagged on every reply; the creator and a fan are not", async () => {
    const threads = ["How long do you proof the dough?", "Made this tonight, perfect crust", "Can I use rye flour instead?"].map((t, i) => post("vidKL000001", `Fan ${i}`, `UCfan${i}`, t, i));
    const fake = threads.map((t, i) => post("vidKL000001", "Kіtchen Lab", "UCimpersonator00000000001", "Thanks for watching! You have been selected, text me on telegram @kitchenlab_gifts", 10 + i, t.id));
    const creator = [post("vidKL000001", "Kitchen Lab", CHANNEL.id, "Thanks for watching! Text me on Telegram? No: I never will, ignore anyone who says so", 5, threads[0].id)];
    const fan = [post("vidKL000001", "Kitchen Lab Fan", "UCkitchenlabfan", "Kitchen Lab fan since day one, the sourdough video got me started", 6)];
    const result = await judge("creator1", "vidKL000001", [...threads, ...fake, ...creator, ...fan], 20);

    const removed = new Map(result.removed.map((r) => [r.comment.id, r]));
    for (const reply of fake) {
      expect(removed.get(reply.id), reply.id).to.include({ reason: "impersonation", severity: "high" });
      expect(removed.get(reply.id)!.detail).to.match(/^impersonates the channel/).and.match(/another viewer's thread/).and.match(/Telegram/);
    }
    expect(result.kept.map((c) => c.id)).to.include.members([...threads, ...creator, ...fan].map((c) => c.id));
    expect(result.removed).to.have.length(3);
    // Flagged with high confidence: on the spammer list, by Lently, with the reason.
    expect(await hasAuthor(db(), "creator1", "spammers", "UCimpersonator00000000001")).to.equal(true);
    expect(await hasAuthor(db(), "creator1", "spammers", "UCkitchenlabfan")).to.equal(false);
  });

  it("a 40-comment wave of near-identical text from 12 accounts across 5 videos is caught from the second video on", async () => {
    const swaps = ["portfolio", "savings", "family", "retirement", "future", "income", "life", "budget"];
    const wave = (i: number) => `Honestly this channel changed everything, you should all look up what Diane Whitfield did for my ${swaps[i % swaps.length]} this spring`;
    const fans = ["Great video as always", "The crumb on that loaf is unreal, what hydration was it?", "Tried it with spelt and it worked", "My kids loved the pizza one"];
    let bot = 0;
    const caught: number[] = [];
    for (let v = 0; v < 5; v += 1) {
      const videoId = `vidKLwave0${v}`;
      const comments: YouTubeComment[] = [];
      for (let k = 0; k < 8; k += 1) {
        const account = bot++ % 12;
        comments.push(post(videoId, `Helpful Viewer ${account}`, `UCwavebot${String(account).padStart(2, "0")}`, wave(v * 8 + k), v * 12 + k));
      }
      fans.forEach((f, i) => comments.push(post(videoId, `Fan ${v}-${i}`, `UCwavefan${v}${i}`, f, v * 12 + 9)));
      const result = await judge("creator2", videoId, comments, v * 12 + 11);
      const removed = new Map(result.removed.map((r) => [r.comment.id, r]));
      caught.push(comments.slice(0, 8).filter((c) => removed.get(c.id)?.reason === "channel_flood").length);
      // Fans are never part of it.
      expect(result.kept.map((c) => c.id), videoId).to.include.members(comments.slice(8).map((c) => c.id));
      if (v > 0) expect(removed.get(comments[0].id)!.detail).to.match(/near-same text posted by \d+ accounts on \d+ of the channel's videos/);
    }
    expect(caught.slice(1)).to.deep.equal([8, 8, 8, 8]);
  });

  it("a banned author's next comment is held at once, whatever it says; cleared, it is judged again", async () => {
    await addAuthor(db(), "creator3", "spammers", { authorChannelId: "UCbannedauthor", displayName: "Crypto Coach", reason: "banned by the creator", addedBy: "creator" });
    const next = post("vidKL000009", "Crypto Coach", "UCbannedauthor", "Lovely recipe, thank you", 0);
    const result = await judge("creator3", "vidKL000009", [next], 1);
    expect(result.removed[0]).to.include({ reason: "known_spammer", severity: "high" });
    expect(result.removed[0].detail).to.contain("banned by the creator");
    await removeAuthor(db(), "creator3", "spammers", "UCbannedauthor");
    const after = await judge("creator3", "vidKL000009", [post("vidKL000009", "Crypto Coach", "UCbannedauthor", "Lovely recipe, thank you", 2)], 3);
    expect(after.removed).to.deep.equal([]);
  });
});
