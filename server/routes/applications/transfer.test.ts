import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyRequest } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileStore } from "../../storage/files";
import { type Agent, databaseKinds, startTestApp, type TestApp } from "../../test/harness";
import { readUpload } from "./transfer";

const boundary = "----transfer-test-boundary";
const contentType = `multipart/form-data; boundary=${boundary}`;
const head = Buffer.from(
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="假日.csv"\r\nContent-Type: text/csv\r\n\r\n`,
);
const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
/** A route that reads its file through `readUpload` with a 2 MB limit. */
const url = "/api/reference/holiday-years/import";

describe.each(databaseKinds())("reading an upload's stream (readUpload) on %s", (kind) => {
  let t: TestApp;
  let officer: Agent;
  const send = (payload: Buffer) =>
    officer.request({ method: "POST", url, payload, headers: { "content-type": contentType } });

  beforeAll(async () => {
    t = await startTestApp(kind);
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  it("answers 413 too-large only when the file exceeds the limit", async () => {
    const response = await send(Buffer.concat([head, Buffer.alloc(2 * 1024 * 1024 + 1, 0x41), tail]));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: "too-large", messageZh: expect.stringContaining("2 MB") });
  });

  it("answers 400 in the error shape, not 413, for a file part cut off before its boundary", async () => {
    const response = await send(Buffer.concat([head, Buffer.from("日期,类型\n2027-01-01,放")]));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "invalid-multipart",
      messageZh: expect.any(String),
      messageEn: expect.any(String),
    });
  });

  it("answers 400 in the error shape, not 413, when the client's stream breaks off mid-file", async () => {
    // The client goes away mid-file: the request closes without ever ending.
    const response = await officer.request({
      method: "POST",
      url,
      payload: Buffer.concat([head, Buffer.from("日期,类型\n")]),
      headers: { "content-type": contentType },
      simulate: { end: false, split: false, error: false, close: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "upload-interrupted",
      messageZh: expect.any(String),
      messageEn: expect.any(String),
    });
  });
});

describe("readUpload", () => {
  const root = mkdtempSync(join(tmpdir(), "guohe-transfer-"));
  const store = new FileStore(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  /** A multipart request whose file part fails after its first bytes, as the parser hands it over. */
  const failingRequest = (error: unknown) =>
    ({
      isMultipart: () => true,
      raw: { destroyed: false },
      file: async () => ({
        filename: "a.pdf",
        fields: {},
        file: Object.assign(
          (async function* () {
            yield Buffer.from("%PDF-1.7\n");
            throw error;
          })(),
          { truncated: false },
        ),
      }),
    }) as unknown as FastifyRequest;
  const staged = () => readdirSync(join(root, ".staging"));

  it("answers 400 upload-interrupted, without waiting on the parser, when the client left while the upload queued", async () => {
    const left = {
      isMultipart: () => true,
      raw: { destroyed: true },
      file: () => new Promise(() => undefined),
    } as unknown as FastifyRequest;
    await expect(readUpload(left, store, 1024)).rejects.toMatchObject({
      status: 400,
      body: { code: "upload-interrupted" },
    });
  });

  it("lets a failure that is not the upload's size or the client's doing propagate as it is", async () => {
    const failure = Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
    await expect(readUpload(failingRequest(failure), store, 1024)).rejects.toBe(failure);
    expect(staged()).toEqual([]);
  });

  it("maps the parser's size-limit error to 413 and its premature close to 400, keeping no partial file", async () => {
    await expect(
      readUpload(failingRequest({ code: "FST_REQ_FILE_TOO_LARGE" }), store, 1024 * 1024),
    ).rejects.toMatchObject({
      status: 413,
      body: { code: "too-large" },
    });
    await expect(readUpload(failingRequest({ code: "FST_MP_PREMATURE_CLOSE" }), store, 1024)).rejects.toMatchObject({
      status: 400,
      body: { code: "upload-interrupted" },
    });
    expect(staged()).toEqual([]);
  });
});
