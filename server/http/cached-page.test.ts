import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendCachedPage } from "./cached-page";

/** A list route as the platform's are: a response schema, a page kept per key, counted reads. */
async function listApp(): Promise<{ app: FastifyInstance; reads: () => number }> {
  const app = Fastify();
  const db = {};
  let reads = 0;
  const items = Array.from({ length: 20 }, (_, i) => ({ id: `id-${i}`, name: `武汉光谷新型能源科技有限公司 ${i}` }));
  app.get(
    "/list",
    {
      schema: {
        response: {
          200: {
            type: "object",
            properties: {
              items: { type: "array", items: { type: "object", properties: { id: {}, name: {} } } },
              total: { type: "number" },
            },
          },
        },
      },
    },
    async (request, reply) =>
      sendCachedPage(reply, db, `list\u0000${JSON.stringify(request.query)}`, async () => {
        reads += 1;
        return { items, total: items.length };
      }),
  );
  await app.ready();
  return { app, reads: () => reads };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe("a cached list page on the wire", () => {
  let app: FastifyInstance;
  let reads: () => number;
  beforeAll(async () => {
    ({ app, reads } = await listApp());
  });
  afterAll(() => app.close());

  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: "GET", url, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} });

  it("is sent compressed to a client that accepts it once the page has been asked for again", async () => {
    const first = await get("/list?page=1", "gzip, deflate, br");
    expect(first.headers["content-encoding"]).toBeUndefined();
    expect(first.headers.vary).toBe("accept-encoding");
    const json = first.body;
    expect(JSON.parse(json).items).toHaveLength(20);
    await get("/list?page=1", "gzip, deflate, br");
    await settle();
    const later = await get("/list?page=1", "gzip, deflate, br");
    expect(later.headers["content-encoding"]).toBe("br");
    expect(later.headers.vary).toBe("accept-encoding");
    expect(later.rawPayload.length).toBeLessThan(Buffer.byteLength(json) / 2);
    expect(Number(later.headers["content-length"])).toBe(later.rawPayload.length);
    expect(brotliDecompressSync(later.rawPayload).toString("utf8")).toBe(json);
    expect(reads()).toBe(1);
  });

  it("is sent gzip to a client that takes gzip only, and as it is to one that names no encoding", async () => {
    const json = (await get("/list?page=2", "gzip")).body;
    await get("/list?page=2", "gzip");
    await settle();
    const gzipped = await get("/list?page=2", "gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.rawPayload).toString("utf8")).toBe(json);
    const plain = await get("/list?page=2");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(json);
    const identity = await get("/list?page=2", "identity");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.body).toBe(json);
  });
});
