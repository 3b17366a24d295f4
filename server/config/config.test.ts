import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";
import { keyFileName } from "./key-file";

const root = mkdtempSync(join(tmpdir(), "guohe-config-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let directories = 0;
/** A data directory of its own, so no test writes a key file into ./data. */
const freshDataDir = () => join(root, `data-${++directories}`);
const load = (env: Record<string, string> = {}) => loadConfig({ DATA_DIR: freshDataDir(), ...env });
const realKeys = { AUDIT_KEY: "a".repeat(64), PII_KEY: "b".repeat(64) };

describe("configuration", () => {
  it("defaults to the embedded database in demo mode", () => {
    const config = load();
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true });
    expect(config.keys.audit).toHaveLength(32);
  });

  it("fails fast naming each bad variable", () => {
    expect(() => load({ PORT: "seventy", DEMO: "maybe" })).toThrow(/PORT[\s\S]*DEMO|DEMO[\s\S]*PORT/);
  });

  it("requires real keys with a real database, and turns demo off there by default", () => {
    expect(() => load({ DATABASE_URL: "postgres://db/x" })).toThrow(ConfigError);
    const config = load({ DATABASE_URL: "postgres://db/x", ...realKeys });
    expect(config.demo).toBe(false);
    expect(config.keys.pii.equals(Buffer.from("b".repeat(64), "hex"))).toBe(true);
  });

  it("links printed QR codes to PUBLIC_BASE_URL, by default this server on localhost", () => {
    expect(load({ PORT: "8080" }).publicBaseUrl).toBe("http://localhost:8080");
    expect(load({ PUBLIC_BASE_URL: "https://gjhz.kjt.hubei.gov.cn/" }).publicBaseUrl).toBe(
      "https://gjhz.kjt.hubei.gov.cn",
    );
    expect(() => load({ PUBLIC_BASE_URL: "ftp://example.org" })).toThrow(/PUBLIC_BASE_URL/);
  });

  it("starts the demo at DEMO_CLOCK only in demo mode, naming the variable otherwise", () => {
    expect(load({ DEMO_CLOCK: "2026-06-30T09:00:00+08:00" }).demoClock?.toISOString()).toBe("2026-06-30T01:00:00.000Z");
    expect(load().demoClock).toBeUndefined();
    expect(() => load({ DEMO: "0", DEMO_CLOCK: "2026-06-30T09:00:00+08:00", ...realKeys })).toThrow(/DEMO_CLOCK/);
    expect(() =>
      load({ DATABASE_URL: "postgres://db/x", ...realKeys, DEMO_CLOCK: "2026-06-30T09:00:00+08:00" }),
    ).toThrow(/DEMO_CLOCK/);
    const withDemo = load({
      DATABASE_URL: "postgres://db/x",
      ...realKeys,
      DEMO: "1",
      DEMO_CLOCK: "2027-01-01T00:00:00Z",
    });
    expect(withDemo.demoClock?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(() => load({ DEMO_CLOCK: "2026-06-31" })).toThrow(/DEMO_CLOCK/);
    expect(() => load({ DEMO_CLOCK: "next tuesday" })).toThrow(/DEMO_CLOCK/);
  });
});

describe("keys", () => {
  it("outside demo mode refuses to start without AUDIT_KEY and PII_KEY, embedded or not, in both languages", () => {
    for (const env of [
      { DEMO: "0" },
      { DEMO: "0", AUDIT_KEY: realKeys.AUDIT_KEY },
      { DATABASE_URL: "postgres://db/x" },
    ]) {
      const dataDir = freshDataDir();
      let error: unknown;
      try {
        loadConfig({ DATA_DIR: dataDir, ...env });
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/AUDIT_KEY[\s\S]*PII_KEY/);
      expect(message).toContain("非演示模式");
      expect(message).toContain("outside demo mode");
      // Nothing was generated for it.
      expect(() => statSync(join(dataDir, keyFileName))).toThrow();
    }
    expect(load({ DEMO: "0", ...realKeys }).keyFile).toBeUndefined();
    // With DEMO_CLOCK too, one start names both.
    expect(() => load({ DEMO: "0", DEMO_CLOCK: "2027-06-30T09:00:00+08:00" })).toThrow(
      /AUDIT_KEY[\s\S]*PII_KEY[\s\S]*DEMO_CLOCK/,
    );
  });

  it.each([
    ["embedded", {}],
    ["PostgreSQL with DEMO=1", { DATABASE_URL: "postgres://db/x", DEMO: "1" }],
  ])("in demo mode (%s) without keys, generates random keys once per data directory, owner-only", (_, env) => {
    const dataDir = freshDataDir();
    const first = loadConfig({ DATA_DIR: dataDir, ...env });
    const path = join(dataDir, keyFileName);
    expect(first.keyFile).toEqual({ path, created: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(path, "utf8"));
    expect(stored.AUDIT_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.PII_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(first.keys.audit.toString("hex")).toBe(stored.AUDIT_KEY);
    expect(first.keys.pii.toString("hex")).toBe(stored.PII_KEY);
    expect(first.keys.audit).toHaveLength(32);
    expect(first.keys.pii).toHaveLength(32);
    expect(first.keys.audit.equals(first.keys.pii)).toBe(false);

    const second = loadConfig({ DATA_DIR: dataDir, ...env });
    expect(second.keyFile).toEqual({ path, created: false });
    expect(second.keys.audit.equals(first.keys.audit)).toBe(true);
    expect(second.keys.pii.equals(first.keys.pii)).toBe(true);

    // Another data directory, other keys.
    const other = load(env);
    expect(other.keys.audit.equals(first.keys.audit)).toBe(false);
    expect(other.keys.pii.equals(first.keys.pii)).toBe(false);
  });

  it("takes keys set in the environment over the key file, each on its own", () => {
    const dataDir = freshDataDir();
    const generated = loadConfig({ DATA_DIR: dataDir }).keys;
    const both = loadConfig({ DATA_DIR: dataDir, ...realKeys });
    expect(both.keys.audit.toString("hex")).toBe(realKeys.AUDIT_KEY);
    expect(both.keys.pii.toString("hex")).toBe(realKeys.PII_KEY);
    expect(both.keyFile).toBeUndefined();
    const auditOnly = loadConfig({ DATA_DIR: dataDir, AUDIT_KEY: realKeys.AUDIT_KEY });
    expect(auditOnly.keys.audit.toString("hex")).toBe(realKeys.AUDIT_KEY);
    expect(auditOnly.keys.pii.equals(generated.pii)).toBe(true);
    // With both set, no key file is created.
    const untouched = freshDataDir();
    loadConfig({ DATA_DIR: untouched, ...realKeys });
    expect(() => statSync(join(untouched, keyFileName))).toThrow();
  });

  it("refuses a broken key file, and an embedded database that was written without one", () => {
    const broken = freshDataDir();
    mkdirSync(broken);
    writeFileSync(join(broken, keyFileName), JSON.stringify({ AUDIT_KEY: "12", PII_KEY: "b".repeat(64) }), {
      mode: 0o600,
    });
    expect(() => loadConfig({ DATA_DIR: broken })).toThrow(/keys\.json[\s\S]*AUDIT_KEY/);

    // A data directory from before key files (the built-in development keys): new keys could not read it.
    const old = freshDataDir();
    mkdirSync(join(old, "pgdata"), { recursive: true });
    writeFileSync(join(old, "pgdata", "PG_VERSION"), "17\n");
    expect(() => loadConfig({ DATA_DIR: old })).toThrow(/keys\.json[\s\S]*AUDIT_KEY[\s\S]*PII_KEY/);
    expect(() => statSync(join(old, keyFileName))).toThrow();
    expect(loadConfig({ DATA_DIR: old, ...realKeys }).keys.audit.toString("hex")).toBe(realKeys.AUDIT_KEY);
  });

  it("tightens a key file others can read back to owner-only", () => {
    const dataDir = freshDataDir();
    const first = loadConfig({ DATA_DIR: dataDir }).keys;
    const path = join(dataDir, keyFileName);
    chmodSync(path, 0o644);
    expect(loadConfig({ DATA_DIR: dataDir }).keys.audit.equals(first.audit)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe("TRUST_PROXY", () => {
  it("is off by default, and off when empty or off", () => {
    expect(load().trustProxy).toEqual([]);
    for (const value of ["", " ", "0", "off", "false"]) expect(load({ TRUST_PROXY: value }).trustProxy).toEqual([]);
  });

  it("takes a comma-separated list of IPv4 and IPv6 addresses and CIDR ranges", () => {
    expect(load({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1,fd00::/8,192.168.1.1/32" }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
      "fd00::/8",
      "192.168.1.1/32",
    ]);
  });

  it.each([
    "true",
    "1",
    "localhost",
    "127.0.0.1,nginx",
    "10.0.0.0/33",
    "::1/129",
    "10.0.0.0/8/8",
    "10.0.0.0/",
    "300.1.1.1",
    "127.1",
  ])("stops the server at start naming the variable for %j", (value) => {
    expect(() => load({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});

describe("S3_* (stored files in an S3-compatible bucket)", () => {
  const bucket = { S3_BUCKET: "guohe-files", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" };

  it("keeps files in DATA_DIR/files when no S3_* is set (an empty one counts as unset)", () => {
    expect(load().s3).toBeUndefined();
    expect(load({ S3_BUCKET: "", S3_ACCESS_KEY_ID: "" }).s3).toBeUndefined();
  });

  it("addresses a server named by S3_ENDPOINT path-style, AWS itself by region and virtual host", () => {
    expect(load({ ...bucket, S3_ENDPOINT: "http://minio:9000" }).s3).toEqual({
      endpoint: "http://minio:9000",
      region: "us-east-1",
      bucket: "guohe-files",
      accessKeyId: "id",
      secretAccessKey: "secret",
      forcePathStyle: true,
    });
    expect(load({ ...bucket, S3_REGION: "cn-north-1" }).s3).toMatchObject({
      endpoint: undefined,
      region: "cn-north-1",
      forcePathStyle: false,
    });
    expect(load({ ...bucket, S3_ENDPOINT: "https://oss.example", S3_FORCE_PATH_STYLE: "0" }).s3?.forcePathStyle).toBe(
      false,
    );
  });

  it("refuses a partial setting, naming what is missing and what is set, in both languages", () => {
    expect(() => load({ S3_ENDPOINT: "http://minio:9000" })).toThrow(
      /缺少 S3_BUCKET、S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY（已设置 S3_ENDPOINT）[\s\S]*lacks S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY \(set: S3_ENDPOINT\)/,
    );
    expect(() => load({ S3_BUCKET: "guohe-files", S3_ACCESS_KEY_ID: "id" })).toThrow(
      /lacks S3_SECRET_ACCESS_KEY \(set: S3_BUCKET, S3_ACCESS_KEY_ID\)/,
    );
    expect(() => load({ ...bucket, S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT: must start with http/);
  });
});

describe("METRICS_TOKEN and shutdown", () => {
  it("turns /metrics off when unset or empty, and takes a token of 32 characters or more", () => {
    expect(load().metricsToken).toBeUndefined();
    expect(load({ METRICS_TOKEN: "" }).metricsToken).toBeUndefined();
    expect(load({ METRICS_TOKEN: "t".repeat(32) }).metricsToken).toBe("t".repeat(32));
  });

  it.each(["t".repeat(31), `${"t".repeat(20)} ${"t".repeat(20)}`])("refuses %j in both languages", (token) => {
    expect(() => load({ METRICS_TOKEN: token })).toThrow(ConfigError);
    expect(() => load({ METRICS_TOKEN: token })).toThrow(/METRICS_TOKEN 至少 32 个字符[\s\S]*at least 32 characters/);
  });

  it("drains for SHUTDOWN_DRAIN_MS (none by default) within SHUTDOWN_TIMEOUT_MS (25 s by default)", () => {
    expect(load().shutdown).toEqual({ drainMs: 0, timeoutMs: 25_000 });
    expect(load({ SHUTDOWN_DRAIN_MS: "5000", SHUTDOWN_TIMEOUT_MS: "30000" }).shutdown).toEqual({
      drainMs: 5000,
      timeoutMs: 30_000,
    });
    expect(() => load({ SHUTDOWN_DRAIN_MS: "25000" })).toThrow(/SHUTDOWN_DRAIN_MS[\s\S]*SHUTDOWN_TIMEOUT_MS/);
    expect(() => load({ SHUTDOWN_TIMEOUT_MS: "soon" })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });
});
