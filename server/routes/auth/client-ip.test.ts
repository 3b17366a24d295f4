import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { startTestApp, type TestApp } from "../../test/harness";

/**
 * The client's address is the socket's unless the socket is a proxy named in TRUST_PROXY: a client cannot pick its
 * own address with X-Forwarded-For, so it can neither slip past the per-IP limits nor write a forged address into
 * the audit log (issue 10).
 */
async function failedLogin(t: TestApp, username: string, remoteAddress: string, forwardedFor?: string) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress,
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
    payload: { username, password: "Wrong#pass1" },
  });
  return response.statusCode;
}

/** The address each attempt's audit entry records, by the username it tried. */
async function auditedIps(t: TestApp, usernames: string[]): Promise<Record<string, string | null>> {
  const rows = await t.database.db
    .select({ name: auditLog.actorName, ip: auditLog.ip })
    .from(auditLog)
    .where(inArray(auditLog.actorName, usernames));
  return Object.fromEntries(rows.map((row) => [row.name, row.ip]));
}

describe("client address without TRUST_PROXY", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { LOGIN_RATE_LIMIT: "20", ELIGIBILITY_RATE_LIMIT: "5" });
  });
  afterAll(() => t.close());

  it("ignores X-Forwarded-For: rotating it does not escape the login limit, and the audit log has the socket's address", async () => {
    const usernames = Array.from({ length: 25 }, (_, i) => `nobody-rotating-${i}`);
    const codes = [];
    for (const [i, username] of usernames.entries()) {
      codes.push(await failedLogin(t, username, "203.0.113.9", `198.51.100.${i + 1}`));
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(codes.slice(20)).toEqual(Array(5).fill(429));
    const ips = await auditedIps(t, usernames);
    expect(Object.keys(ips)).toHaveLength(20);
    expect(new Set(Object.values(ips))).toEqual(new Set(["203.0.113.9"]));
  });

  it("keys the eligibility limit on the socket's address too", async () => {
    const codes = [];
    for (let i = 0; i < 7; i += 1) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/policy/eligibility",
        remoteAddress: "203.0.113.10",
        headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
        payload: {},
      });
      codes.push(response.statusCode);
    }
    expect(codes.slice(0, 5)).not.toContain(429);
    expect(codes.slice(5)).toEqual([429, 429]);
  });
});

describe("client address with TRUST_PROXY=127.0.0.1", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { TRUST_PROXY: "127.0.0.1", LOGIN_RATE_LIMIT: "20" });
  });
  afterAll(() => t.close());

  it("from the proxy, takes the forwarded address: each client has its own limit and is audited by its address", async () => {
    const usernames = Array.from({ length: 25 }, (_, i) => `nobody-behind-proxy-${i}`);
    const codes = [];
    for (const [i, username] of usernames.entries()) {
      codes.push(await failedLogin(t, username, "127.0.0.1", `198.51.100.${i + 1}`));
    }
    expect(codes).toEqual(Array(25).fill(401));
    const ips = await auditedIps(t, usernames);
    expect(usernames.map((username) => ips[username])).toEqual(usernames.map((_, i) => `198.51.100.${i + 1}`));
  });

  it("believes only the address the proxy appended, not one the client put before it", async () => {
    // nginx's $proxy_add_x_forwarded_for appends the peer's address to what the client sent.
    await failedLogin(t, "nobody-forging-behind-proxy", "127.0.0.1", "192.0.2.1, 198.51.100.77");
    expect(await auditedIps(t, ["nobody-forging-behind-proxy"])).toEqual({
      "nobody-forging-behind-proxy": "198.51.100.77",
    });
  });

  it("from any other address, ignores X-Forwarded-For", async () => {
    expect(await failedLogin(t, "nobody-direct", "192.0.2.50", "198.51.100.8")).toBe(401);
    expect(await auditedIps(t, ["nobody-direct"])).toEqual({ "nobody-direct": "192.0.2.50" });
  });
});

describe("client address with TRUST_PROXY listing a CIDR range and IPv6", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { TRUST_PROXY: "10.0.0.0/8,::1" });
  });
  afterAll(() => t.close());

  it.each([
    ["10.1.2.3", "198.51.100.21"],
    ["::ffff:10.1.2.3", "198.51.100.21"],
    ["::1", "2001:db8::21"],
    ["11.0.0.1", "11.0.0.1"],
    ["::2", "::2"],
  ])("from %s audits %s", async (remoteAddress, expected) => {
    const username = `nobody-from-${remoteAddress}`;
    await failedLogin(t, username, remoteAddress, expected === remoteAddress ? "198.51.100.99" : expected);
    expect(await auditedIps(t, [username])).toEqual({ [username]: expected });
  });
});
