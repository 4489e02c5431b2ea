// AES-256-GCM for refresh tokens at rest. Each sealed value names the key it
// was sealed with (`kid`), so keys rotate without a migration, and binds the
// document it belongs to as associated data: a ciphertext copied into another
// user's document does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface KeyRing {
  current: { id: string; key: Buffer };
  keys: Map<string, Buffer>;
}

export interface SealedSecret {
  alg: "A256GCM";
  kid: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

export class KeyRingError extends Error {
  constructor(why: string) {
    super(`CHANNEL_TOKEN_KEYS is not usable: ${why}`);
    this.name = "KeyRingError";
  }
}

/** `kid:base64key[,kid:base64key…]`; the first entry is the current key. */
export function parseKeyRing(value: string): KeyRing {
  const keys = new Map<string, Buffer>();
  let current: KeyRing["current"] | undefined;
  for (const entry of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf(":");
    const id = entry.slice(0, at);
    const key = Buffer.from(entry.slice(at + 1), "base64");
    if (at <= 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new KeyRingError("each entry must be kid:base64key");
    if (key.length !== 32) throw new KeyRingError(`key ${id} must be 32 bytes (AES-256)`);
    if (keys.has(id)) throw new KeyRingError(`key id ${id} appears twice`);
    keys.set(id, key);
    current ??= { id, key };
  }
  if (!current) throw new KeyRingError("no key configured");
  return { current, keys };
}

export function seal(plaintext: string, ring: KeyRing, associatedData: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { alg: "A256GCM", kid: ring.current.id, iv: iv.toString("base64"), ciphertext: ciphertext.toString("base64"), tag: cipher.getAuthTag().toString("base64") };
}

/** The plaintext; throws when the key is unknown or the value was tampered with (GCM authenticates it). */
export function open(sealed: SealedSecret, ring: KeyRing, associatedData: string): string {
  const key = ring.keys.get(sealed.kid);
  if (!key) throw new KeyRingError(`key ${sealed.kid} is no longer configured`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv, "base64"));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, "base64")), decipher.final()]).toString("utf8");
}
