// The creator's author lists against the Firestore emulator: add, refresh,
// look up many at once, list newest first, remove.
import { expect } from "chai";
import { addAuthor, addAuthors, findAuthors, hasAuthor, listAuthors, removeAuthor } from "../../src/authorLists/service";
import { db } from "../../src/core/firebase";
import { resetFirestore } from "../support/emulators";

describe("authorLists: users/{uid}/author_lists/{list}/authors/{authorChannelId}", () => {
  before(() => resetFirestore());

  it("adds an author once per list, keyed by channel id; the latest entry wins", async () => {
    const t0 = new Date("2026-01-01T00:00:00Z");
    await addAuthor(db(), "u1", "spammers", { authorChannelId: "UCbot1", displayName: "Bot", reason: "impersonates the channel", addedBy: "lently" }, t0);
    await addAuthor(db(), "u1", "spammers", { authorChannelId: "UCbot1", displayName: "Bot", reason: "banned by the creator", addedBy: "creator" }, new Date(t0.getTime() + 1000));
    const rows = await listAuthors(db(), "u1", "spammers");
    expect(rows).to.have.length(1);
    expect(rows[0]).to.include({ authorChannelId: "UCbot1", displayName: "Bot", reason: "banned by the creator", addedBy: "creator" });
    expect(rows[0].addedAt.toDate().toISOString()).to.equal("2026-01-01T00:00:01.000Z");
    expect(await hasAuthor(db(), "u1", "spammers", "UCbot1")).to.equal(true);
    // Lists and creators are separate.
    expect(await hasAuthor(db(), "u1", "vip", "UCbot1")).to.equal(false);
    expect(await hasAuthor(db(), "u2", "spammers", "UCbot1")).to.equal(false);
  });

  it("finds which of many authors are listed (more than one round trip) and lists newest first in pages", async () => {
    const base = Date.parse("2026-02-01T00:00:00Z");
    const entries = Array.from({ length: 130 }, (_, i) => ({ authorChannelId: `UCfan${i}`, reason: "fan", addedBy: "rule" as const }));
    for (let i = 0; i < entries.length; i += 1) await addAuthors(db(), "u3", "vip", [entries[i]], new Date(base + i * 1000));
    const found = await findAuthors(db(), "u3", "vip", ["UCfan0", "UCfan129", "UCnobody", "UCfan0", "not/an/id", ...entries.map((e) => e.authorChannelId)]);
    expect(found.size).to.equal(130);
    expect(found.get("UCfan129")).to.include({ reason: "fan", addedBy: "rule", displayName: "" });
    const first = await listAuthors(db(), "u3", "vip", { limit: 50 });
    expect(first[0].authorChannelId).to.equal("UCfan129");
    const second = await listAuthors(db(), "u3", "vip", { limit: 50, after: first.at(-1)!.authorChannelId });
    expect(second[0].authorChannelId).to.equal("UCfan79");
    expect(new Set([...first, ...second].map((e) => e.authorChannelId)).size).to.equal(100);
  });

  it("removes an entry and says whether there was one; refuses an id that is not a channel id", async () => {
    await addAuthor(db(), "u4", "blocked", { authorChannelId: "UCtroll", reason: "blocked", addedBy: "creator" });
    expect(await removeAuthor(db(), "u4", "blocked", "UCtroll")).to.equal(true);
    expect(await removeAuthor(db(), "u4", "blocked", "UCtroll")).to.equal(false);
    expect(await hasAuthor(db(), "u4", "blocked", "UCtroll")).to.equal(false);
    let error: unknown;
    await addAuthor(db(), "u4", "blocked", { authorChannelId: "../x", reason: "x", addedBy: "creator" }).catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/authorChannelId/);
  });
});
