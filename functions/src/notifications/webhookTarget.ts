// Where a webhook may point (server-side request forgery guard): https only,
// no credentials in the URL, and every address the host resolves to public:
// no private, loopback, link-local (169.254.169.254, the metadata server),
// carrier-grade NAT, multicast, reserved or documentation ranges, IPv4-mapped
// or NAT64 forms of them included. The delivery connects to the address checked
// here (pinned), so a DNS answer that changes between check and connect
// (rebinding) reaches nothing new. Loopback (over http) only when the local
// stack allows it (WEBHOOKS_ALLOW_LOOPBACK).
import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export class WebhookTargetError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "WebhookTargetError";
  }
}

export interface ResolvedTarget {
  url: URL;
  /** The address the delivery connects to. */
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["fec0::", 10], ["ff00::", 8], ["2001:db8::", 32], ["100::", 64], ["2001::", 23],
] as const) blocked.addSubnet(net, bits, "ipv6");

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

const METADATA_HOSTS = new Set(["metadata", "metadata.google.internal", "metadata.goog"]);

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::/96) IPv6 address. */
function embeddedV4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isLoopback(address: string): boolean {
  const v4 = isIP(address) === 6 ? embeddedV4(address) : address;
  return v4 ? loopback.check(v4, "ipv4") : loopback.check(address, "ipv6");
}

/** Whether an address is one a webhook may never reach (loopback included). */
export function isNonPublic(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  const v4 = embeddedV4(address);
  if (v4) return blocked.check(v4, "ipv4");
  return blocked.check(address, "ipv6");
}

export async function resolveWebhookTarget(raw: string, options: { allowLoopback: boolean; resolve?: Resolver }): Promise<ResolvedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError("must be an https:// URL");
  }
  if (url.username || url.password) throw new WebhookTargetError("must not carry a user name or password");
  if (url.protocol !== "https:" && !(options.allowLoopback && url.protocol === "http:")) throw new WebhookTargetError("must be an https:// URL");
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTS.has(host)) throw new WebhookTargetError("must not point at a metadata server");
  let answers: Array<{ address: string; family: number }>;
  if (isIP(host)) answers = [{ address: host, family: isIP(host) }];
  else {
    try {
      answers = await (options.resolve ?? systemResolver)(host);
    } catch {
      throw new WebhookTargetError(`host ${host} does not resolve`);
    }
  }
  if (!answers.length) throw new WebhookTargetError(`host ${host} does not resolve`);
  const local = answers.every((a) => isLoopback(a.address));
  for (const a of answers) {
    if (options.allowLoopback && isLoopback(a.address)) continue;
    if (isNonPublic(a.address)) throw new WebhookTargetError("must not point at a private, loopback, link-local or metadata address");
  }
  if (url.protocol === "http:" && !local) throw new WebhookTargetError("must be an https:// URL");
  const pick = answers[0];
  return { url, address: pick.address, family: pick.family === 6 ? 6 : 4 };
}
