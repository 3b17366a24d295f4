import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiErrorSchema } from "../../../contracts/errors";
import { enqueue } from "../../outbox/outbox";
import { databaseKinds, startTestApp, type TestApp } from "../../test/harness";

const token = "metrics-test-token-0123456789abcdef";
const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function multipart(name: string, content: Buffer, mediaType: string) {
  const boundary = "----guohe-metrics-boundary";
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** The value of the sample `name` whose labels include `labels`, from Prometheus text; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe.each(databaseKinds())("/metrics on %s", (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { METRICS_TOKEN: token });
  });
  afterAll(() => t.close());

  const scrape = async (authorization = `Bearer ${token}`) =>
    t.anonymous.request({ method: "GET", url: "/metrics", headers: { authorization } });
  const scrapeText = async () => {
    const response = await scrape();
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it("is not there at all without METRICS_TOKEN: 404 like any unknown endpoint", async () => {
    const off = await startTestApp(kind);
    try {
      const response = await off.anonymous.request({
        method: "GET",
        url: "/metrics",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: "not-found" });
      expect(off.app.metrics).toBeNull();
    } finally {
      await off.close();
    }
  });

  it.each([
    ["no header", ""],
    ["another scheme", `Basic ${Buffer.from(`x:${token}`).toString("base64")}`],
    ["a wrong token of the same length", `Bearer ${"x".repeat(token.length)}`],
    ["the token with a suffix", `Bearer ${token}x`],
  ])("refuses %s with 401 in the error shape", async (_case, authorization) => {
    const response = await scrape(authorization);
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
    const body = apiErrorSchema.parse(response.json());
    expect(body.code).toBe("invalid-metrics-token");
    expect(response.body).not.toContain("process_");
  });

  it("serves Prometheus text with the process metrics, and counts requests by route pattern, never by id", async () => {
    const id = randomUUID();
    const before = sample(await scrapeText(), "http_requests_total", {
      method: "GET",
      route: "/api/bases/:id",
      status: "401",
    });
    for (let i = 0; i < 3; i++) expect((await t.anonymous.get(`/api/bases/${id}`)).statusCode).toBe(401);
    expect((await t.anonymous.get(`/api/no-such-thing/${id}`)).statusCode).toBe(404);

    const response = await scrape();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(sample(text, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "http_requests_total", { method: "GET", route: "/api/bases/:id", status: "401" })).toBe(
      (before ?? 0) + 3,
    );
    expect(sample(text, "http_requests_total", { route: "unmatched", status: "404" })).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, "http_request_duration_seconds_count", { method: "GET", route: "/api/bases/:id" }),
    ).toBeGreaterThanOrEqual(3);
    expect(text).not.toContain(id);
    // Every route label is a pattern: no UUID anywhere in a label.
    expect(text).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("shows the pending outbox and the age of its oldest message, read at scrape time", async () => {
    const before = sample(await scrapeText(), "outbox_pending_messages");
    expect(before).toBeGreaterThanOrEqual(0);
    await t.database.transaction((tx) =>
      enqueue(tx, t.clock, { kind: "mail", to: "ops@example.org", subject: "metrics", text: "test" }),
    );
    t.clock.advance(600_000);
    const text = await scrapeText();
    expect(sample(text, "outbox_pending_messages")).toBe((before ?? 0) + 1);
    expect(sample(text, "outbox_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(600);
    await t.flushOutbox();
    const after = await scrapeText();
    expect(sample(after, "outbox_pending_messages")).toBe(0);
    expect(sample(after, "outbox_oldest_pending_age_seconds")).toBe(0);
  });

  it("shows the connection pool on PostgreSQL only", async () => {
    const text = await scrapeText();
    if (kind === "postgres") {
      expect(sample(text, "db_pool_connections")).toBeGreaterThanOrEqual(1);
      expect(sample(text, "db_pool_idle_connections")).toBeGreaterThanOrEqual(0);
      expect(sample(text, "db_pool_waiting_queries")).toBe(0);
    } else {
      expect(sample(text, "db_pool_connections")).toBeUndefined();
    }
  });

  it("adds each uploaded file's bytes to upload_bytes_total", async () => {
    const before = sample(await scrapeText(), "upload_bytes_total") ?? 0;
    const upload = await t.anonymous.request({
      method: "POST",
      url: "/api/public/files",
      ...multipart("letter.pdf", pdf, "application/pdf"),
    });
    expect(upload.statusCode).toBe(201);
    expect(sample(await scrapeText(), "upload_bytes_total")).toBe(before + pdf.length);
  });
});
