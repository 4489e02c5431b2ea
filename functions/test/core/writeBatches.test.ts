// Commits sized by bytes: the Firestore emulator refuses a request over 4 MiB
// (production: 10 MiB), and the client then retries it without end. This is
// what once left a 10,000-comment analysis in `processing` for ever.
import { expect } from "chai";
import { db } from "../../src/core/firebase";
import { COMMIT_BUDGET_BYTES, commitInByteBatches, estimateWriteBytes, groupWrites } from "../../src/core/writeBatches";
import { resetFirestore } from "../support/emulators";

const bigDoc = (i: number) => ({ ref: db().doc(`write_batches_test/doc-${i}`), data: { index: i, text: "x".repeat(650_000) } });

describe("byte-sized commits", function () {
  this.timeout(60_000);
  before(() => resetFirestore());

  it("groups writes under the byte budget and Firestore's 500 writes, keeping their order", () => {
    const writes = Array.from({ length: 12 }, (_, i) => bigDoc(i));
    const groups = groupWrites(writes);
    expect(groups.length).to.be.greaterThan(1);
    for (const group of groups) expect(group.reduce((sum, w) => sum + estimateWriteBytes(w), 0)).to.be.at.most(COMMIT_BUDGET_BYTES);
    expect(groups.flat().map((w) => w.data.index)).to.deep.equal(writes.map((w) => w.data.index));
    const small = Array.from({ length: 1_200 }, (_, i) => ({ ref: db().doc(`write_batches_test/s-${i}`), data: { i } }));
    expect(groupWrites(small).map((g) => g.length)).to.deep.equal([500, 500, 200]);
  });

  it("writes 7.8 MB of documents that one batch could not carry to the emulator", async () => {
    const writes = Array.from({ length: 12 }, (_, i) => bigDoc(i));
    const one = db().batch();
    for (const w of writes.slice(0, 8)) one.set(w.ref, w.data);
    // The single-batch way fails (RESOURCE_EXHAUSTED on the emulator's gRPC cap); bounded here by a timeout.
    const single = await Promise.race([
      one.commit().then(() => "committed", (err: { code?: number }) => `error ${err.code}`),
      new Promise((resolve) => setTimeout(() => resolve("still retrying"), 10_000)),
    ]);
    expect(single).to.not.equal("committed");
    const commits = await commitInByteBatches(db(), writes);
    expect(commits).to.be.greaterThan(2);
    expect((await db().collection("write_batches_test").get()).size).to.equal(12);
  });
});
