import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  it("defaults to the embedded database in demo mode", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, demo: true });
    expect(config.keys.audit).toHaveLength(32);
  });

  it("fails fast naming each bad variable", () => {
    expect(() => loadConfig({ PORT: "seventy", DEMO: "maybe" })).toThrow(/PORT[\s\S]*DEMO|DEMO[\s\S]*PORT/);
  });

  it("requires real keys with a real database, and turns demo off there by default", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://db/x" })).toThrow(ConfigError);
    const config = loadConfig({ DATABASE_URL: "postgres://db/x", AUDIT_KEY: "a".repeat(64), PII_KEY: "b".repeat(64) });
    expect(config.demo).toBe(false);
    expect(config.keys.pii.equals(Buffer.from("b".repeat(64), "hex"))).toBe(true);
  });

  it("links printed QR codes to PUBLIC_BASE_URL, by default this server on localhost", () => {
    expect(loadConfig({ PORT: "8080" }).publicBaseUrl).toBe("http://localhost:8080");
    expect(loadConfig({ PUBLIC_BASE_URL: "https://gjhz.kjt.hubei.gov.cn/" }).publicBaseUrl).toBe(
      "https://gjhz.kjt.hubei.gov.cn",
    );
    expect(() => loadConfig({ PUBLIC_BASE_URL: "ftp://example.org" })).toThrow(/PUBLIC_BASE_URL/);
  });

  it("starts the demo at DEMO_CLOCK only in demo mode, naming the variable otherwise", () => {
    expect(loadConfig({ DEMO_CLOCK: "2026-06-30T09:00:00+08:00" }).demoClock?.toISOString()).toBe(
      "2026-06-30T01:00:00.000Z",
    );
    expect(loadConfig({}).demoClock).toBeUndefined();
    expect(() => loadConfig({ DEMO: "0", DEMO_CLOCK: "2026-06-30T09:00:00+08:00" })).toThrow(/DEMO_CLOCK/);
    expect(() =>
      loadConfig({
        DATABASE_URL: "postgres://db/x",
        AUDIT_KEY: "a".repeat(64),
        PII_KEY: "b".repeat(64),
        DEMO_CLOCK: "2026-06-30T09:00:00+08:00",
      }),
    ).toThrow(/DEMO_CLOCK/);
    const withDemo = loadConfig({
      DATABASE_URL: "postgres://db/x",
      AUDIT_KEY: "a".repeat(64),
      PII_KEY: "b".repeat(64),
      DEMO: "1",
      DEMO_CLOCK: "2027-01-01T00:00:00Z",
    });
    expect(withDemo.demoClock?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(() => loadConfig({ DEMO_CLOCK: "2026-06-31" })).toThrow(/DEMO_CLOCK/);
    expect(() => loadConfig({ DEMO_CLOCK: "next tuesday" })).toThrow(/DEMO_CLOCK/);
  });
});
