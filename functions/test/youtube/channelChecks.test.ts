// The filter's channel checks, pure: impersonators by name (homoglyphs,
// invisible characters, decorations), the creator's spammer list, and waves
// of near-same text already seen on the channel's other videos.
import { expect } from "chai";
import { filterComments } from "../../src/youtube/quality/filter";
import { impersonatedName, nameKey, protectedNames } from "../../src/youtube/quality/impersonation";
import { contactLures } from "../../src/youtube/quality/lures";
import { bandKeys } from "../../src/youtube/quality/nearDup";
import { WaveIndex } from "../../src/youtube/quality/waves";
import type { YouTubeComment } from "../../src/youtube/types";

let seq = 0;
function comment(text: string, extra: Partial<YouTubeComment> = {}): YouTubeComment {
  seq += 1;
  return { id: `k${seq}`, author: `viewer${seq}`, authorChannelId: `UCviewer${seq}`, text, likeCount: 0, replyCount: 0, publishedAt: "2026-03-01T10:00:00Z", updatedAt: "2026-03-01T10:00:00Z", ...extra };
}

describe("impersonation: names that read as the channel's", () => {
  const names = protectedNames(["Kitchen Lab", "@kitchenlab"]);

  it("reads homoglyphs, invisible characters, separators and 'official/support/team' as the name", () => {
    for (const n of ["Kіtchen Lab", "KITCHEN LAB", "Kitchen\u200BLab", "kitchen_lab.official", "Kitchen Lab Support", "K1tchen Lab", "@KitchenLab", "Kitchen Lab Team", "𝐊𝐢𝐭𝐜𝐡𝐞𝐧 𝐋𝐚𝐛", "Kitchen Labb"]) {
      expect(impersonatedName(n, names)?.name, n).to.equal("Kitchen Lab");
    }
  });

  it("leaves a fan whose name merely contains the channel's words, and ordinary names", () => {
    for (const n of ["Kitchen Lab Fan", "I love Kitchen Lab", "Kitchen Lab fans club", "Kitchen", "Lab Rat", "Anna", "", "\u200B"]) {
      expect(impersonatedName(n, names), n).to.equal(undefined);
    }
    // Too short a channel name protects nothing (every "Jo" would be an impersonator).
    expect(protectedNames(["Jo", null, undefined])).to.deep.equal([]);
    expect(nameKey("Ꮇr.Вeast")).to.equal(nameKey("mrbeast"));
  });

  it("filterComments: an impersonator is removed with the reason, whatever they write; the creator and a fan are not", () => {
    const owner = comment("Thanks for watching, new video on Friday!", { author: "Kitchen Lab", authorChannelId: "UCkitchen" });
    const fan = comment("Kitchen Lab fan since day one, the bread video was great", { author: "Kitchen Lab Fan" });
    const fake = comment("Thanks for watching! text me on telegram for a gift", { author: "Kіtchen Lab", authorChannelId: "UCfake", parentId: "k1" });
    const quiet = comment("great recipe", { author: "Kitchen_Lab.official", authorChannelId: "UCfake2" });
    const r = filterComments([owner, fan, fake, quiet], { videoId: "vid00000001", channelId: "UCkitchen", ownerNames: ["Kitchen Lab"] });
    expect(r.kept.map((c) => c.id).sort()).to.deep.equal([owner.id, fan.id].sort());
    const byId = new Map(r.removed.map((x) => [x.comment.id, x]));
    expect(byId.get(fake.id)).to.include({ reason: "impersonation", severity: "high" });
    expect(byId.get(fake.id)!.detail).to.match(/^impersonates the channel/).and.match(/another viewer's thread/).and.match(/Telegram/);
    expect(byId.get(quiet.id)).to.include({ reason: "impersonation", severity: "medium" });
  });
});

describe("contact lures", () => {
  it("names what the scam wants, and nothing on ordinary comments", () => {
    expect(contactLures("text me on telegram @gift_desk")).to.deep.equal(["Telegram", "message me"]);
    expect(contactLures("WhatsApp +44 7700 900123 for your prize, you have been selected")).to.include.members(["WhatsApp", "phone number", "prize"]);
    expect(contactLures("I made 3 BTC with her investment plan")).to.deep.equal(["crypto"]);
    expect(contactLures("the second recipe was better, I tried it at 9 pm")).to.deep.equal([]);
  });
});

describe("filterComments with the channel's spammer list and waves", () => {
  it("holds a listed author's next comment, whatever it says", () => {
    const c = comment("nice video", { authorChannelId: "UCbanned" });
    const r = filterComments([c], { knownSpammers: new Map([["UCbanned", "banned by the creator"]]) });
    expect(r.removed[0]).to.include({ reason: "known_spammer", severity: "high" });
    expect(r.removed[0].detail).to.contain("banned by the creator");
  });

  it("removes near copies of a text several accounts posted on other videos; not short praise, not the same video, not the owner", () => {
    const template = (w: string) => `This channel changed my life, everyone should see what Anna Miller did for my ${w} last month`;
    const waves = new WaveIndex();
    ["portfolio", "savings", "family"].forEach((w, i) => waves.add(bandKeys(template(w).toLowerCase()), { author: `UCbot${i}`, videoId: "v1" }));
    const praise = "I love this channel so much, thank you for everything";
    ["a", "b", "c"].forEach((a) => waves.add(bandKeys(praise.toLowerCase()), { author: `UCfan${a}`, videoId: "v1" }));
    const next = comment(template("retirement"), { authorChannelId: "UCbot9" });
    const fan = comment(praise, { authorChannelId: "UCfanz" });
    const owner = comment(template("channel"), { authorChannelId: "UCowner" });
    const r = filterComments([next, fan, owner], { videoId: "v2", channelId: "UCowner", waves, spamModel: null });
    expect(r.removed.map((x) => [x.comment.id, x.reason])).to.deep.equal([[next.id, "channel_flood"]]);
    expect(r.removed[0].detail).to.match(/4 accounts on 2 of the channel's videos/);
    // On the video the copies came from, the batch's own flood rule judges them, not the wave.
    expect(filterComments([comment(template("retirement"))], { videoId: "v1", waves, spamModel: null }).removed).to.deep.equal([]);
  });
});
