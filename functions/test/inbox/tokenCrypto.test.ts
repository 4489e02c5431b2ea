// Refresh tokens at rest: AES-256-GCM with a key id, bound to their document.
import { expect } from "chai";
import { open, parseKeyRing, seal, KeyRingError } from "../../src/channel/tokenCrypto";

const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");

describe("channel token encryption", () => {
  const ring = parseKeyRing(`k2:${key(2)},k1:${key(1)}`);
  const secret = "1//0gREFRESH-token-value";

  it("seals with the first key and opens with it; the sealed value holds no plaintext", () => {
    const sealed = seal(secret, ring, "channel_tokens/alice");
    expect(sealed.kid).to.equal("k2");
    expect(sealed.alg).to.equal("A256GCM");
    expect(JSON.stringify(sealed)).to.not.include(secret);
    expect(JSON.stringify(sealed)).to.not.include(Buffer.from(secret).toString("base64"));
    expect(open(sealed, ring, "channel_tokens/alice")).to.equal(secret);
    // A fresh IV every time: the same token never seals to the same bytes.
    expect(seal(secret, ring, "channel_tokens/alice").ciphertext).to.not.equal(sealed.ciphertext);
  });

  it("a token sealed with an older key still opens after rotation, and a removed key is reported", () => {
    const old = seal(secret, parseKeyRing(`k1:${key(1)}`), "channel_tokens/alice");
    expect(open(old, ring, "channel_tokens/alice")).to.equal(secret);
    expect(() => open(old, parseKeyRing(`k3:${key(3)}`), "channel_tokens/alice")).to.throw(KeyRingError, /k1/);
  });

  it("refuses a tampered value and a value moved to another user's document", () => {
    const sealed = seal(secret, ring, "channel_tokens/alice");
    const flipped = Buffer.from(sealed.ciphertext, "base64");
    flipped[0] ^= 1;
    expect(() => open({ ...sealed, ciphertext: flipped.toString("base64") }, ring, "channel_tokens/alice")).to.throw();
    expect(() => open(sealed, ring, "channel_tokens/mallory")).to.throw();
  });

  it("rejects malformed key rings with a reason", () => {
    expect(() => parseKeyRing("")).to.throw(KeyRingError, /no key/);
    expect(() => parseKeyRing(`k1:${Buffer.alloc(16).toString("base64")}`)).to.throw(KeyRingError, /32 bytes/);
    expect(() => parseKeyRing(`k1:${key(1)},k1:${key(2)}`)).to.throw(KeyRingError, /twice/);
    expect(() => parseKeyRing(key(1))).to.throw(KeyRingError, /kid:base64key/);
  });
});
