import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../test/harness";
import { headersOf, securityHeaderOptions } from "./security-headers";

describe("security headers", () => {
  it("are helmet's, with our content security policy", () => {
    const headers = new Map(headersOf(securityHeaderOptions));
    expect(headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(headers.get("content-security-policy")).toContain("img-src 'self' data: blob:");
    expect(headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    expect(headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("strict-transport-security")).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
  });

  describe("on every answer", () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp("pglite");
    });
    afterAll(() => t.close());

    it.each(["/api/public/bases", "/api/no-such-route", "/healthz"])("%s", async (url) => {
      const response = await t.anonymous.request({ method: "GET", url });
      for (const [name, value] of headersOf(securityHeaderOptions)) expect(response.headers[name]).toBe(value);
    });

    it("except the API docs page, which keeps its own policy for its inline script", async () => {
      const response = await t.anonymous.request({ method: "GET", url: "/api/docs/" });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-security-policy"]).not.toBe(
        new Map(headersOf(securityHeaderOptions)).get("content-security-policy"),
      );
      expect(response.headers["x-frame-options"]).toBe("SAMEORIGIN");
    });
  });
});
