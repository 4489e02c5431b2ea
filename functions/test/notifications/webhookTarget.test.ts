import { expect } from "chai";
import { isNonPublic, resolveWebhookTarget, WebhookTargetError, type Resolver } from "../../src/notifications/webhookTarget";

async function refusal(url: string, options: { allowLoopback?: boolean; resolve?: Resolver } = {}): Promise<string> {
  try {
    await resolveWebhookTarget(url, { allowLoopback: options.allowLoopback ?? false, resolve: options.resolve });
  } catch (err) {
    if (err instanceof WebhookTargetError) return err.reason;
    throw err;
  }
  throw new Error(`${url} was accepted`);
}

// A DNS stand-in: names the test controls (no DNS server here answers for them).
const dns: Resolver = (host) => {
  const table: Record<string, Array<{ address: string; family: number }>> = {
    "intranet.example.test": [{ address: "10.1.2.3", family: 4 }],
    "mixed.example.test": [{ address: "93.184.216.34", family: 4 }, { address: "fd00::1", family: 6 }],
    "rebind.example.test": [{ address: "169.254.169.254", family: 4 }],
    "hooks.example.test": [{ address: "93.184.216.34", family: 4 }, { address: "2606:2800:220:1::1", family: 6 }],
  };
  return table[host] ? Promise.resolve(table[host]) : Promise.reject(new Error("ENOTFOUND"));
};

describe("webhook targets: https to public addresses only (resolved, not just the host string)", () => {
  it("refuses metadata, link-local, private, loopback, CGNAT, multicast and reserved addresses, in every spelling", async () => {
    for (const url of [
      "https://169.254.169.254/latest/meta-data",
      "https://10.0.0.1/hook",
      "https://172.16.5.4/hook",
      "https://192.168.1.1/hook",
      "https://127.0.0.1/hook",
      "https://100.64.0.1/hook",
      "https://0.0.0.0/hook",
      "https://224.0.0.1/hook",
      "https://[::1]/hook",
      "https://[fe80::1]/hook",
      "https://[fd00:ec2::254]/hook",
      "https://[::ffff:169.254.169.254]/hook",
      "https://[::ffff:a9fe:a9fe]/hook",
      "https://[64:ff9b::a00:1]/hook",
      "https://2852039166/hook", // 169.254.169.254 as one decimal number: URL parsing normalises it
      "https://0xa9.0xfe.0xa9.0xfe/hook",
    ]) {
      expect(await refusal(url), url).to.match(/private, loopback, link-local or metadata/);
    }
    expect(await refusal("https://metadata.google.internal/computeMetadata/v1/")).to.match(/metadata server/);
  });

  it("refuses a host name that resolves to a private or metadata address, even one of several answers", async () => {
    expect(await refusal("https://intranet.example.test/hook", { resolve: dns })).to.match(/private/);
    expect(await refusal("https://mixed.example.test/hook", { resolve: dns })).to.match(/private/);
    expect(await refusal("https://rebind.example.test/hook", { resolve: dns })).to.match(/private/);
    // The system resolver: localhost is a name for 127.0.0.1.
    expect(await refusal("https://localhost/hook")).to.match(/private, loopback/);
    expect(await refusal("https://nowhere.example.test/hook", { resolve: dns })).to.match(/does not resolve/);
  });

  it("refuses http, credentials and non-URLs; accepts https to public addresses and pins the first", async () => {
    expect(await refusal("http://hooks.example.test/hook", { resolve: dns })).to.match(/https/);
    expect(await refusal("https://user:pw@hooks.example.test/hook", { resolve: dns })).to.match(/user name or password/);
    expect(await refusal("not a url")).to.match(/https/);
    expect(await refusal("ftp://hooks.example.test/x", { resolve: dns })).to.match(/https/);
    const target = await resolveWebhookTarget("https://hooks.example.test/services/T/B/x", { allowLoopback: false, resolve: dns });
    expect(target).to.deep.include({ address: "93.184.216.34", family: 4 });
  });

  it("loopback (over http) only when the local stack allows it, and nothing else with it", async () => {
    expect((await resolveWebhookTarget("http://127.0.0.1:9/hook", { allowLoopback: true })).address).to.equal("127.0.0.1");
    expect(await refusal("http://127.0.0.1:9/hook")).to.match(/https/);
    expect(await refusal("http://10.0.0.1/hook", { allowLoopback: true })).to.match(/private/);
    expect(await refusal("https://169.254.169.254/", { allowLoopback: true })).to.match(/private/);
    expect(isNonPublic("8.8.8.8")).to.equal(false);
  });
});
