import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { files } from "../db/schema";
import { databaseKinds, startTestApp, type TestApp } from "../test/harness";
import { startS3Server, type TestS3Server } from "../test/s3-server";
import { fileStoreFor } from "./files";
import { S3ByteStore } from "./s3-store";
import { stageFile } from "./staged-file";

/** The S3 driver against s3rver over HTTP: the SDK's real requests, signatures and errors, no mocks. */

const pdf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(size - 9)]);

async function* chunksOf(content: Buffer, size = 64 * 1024) {
  for (let at = 0; at < content.length; at += size) yield content.subarray(at, at + size);
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const slowDown = "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>";

const stagingPath = () => join(inject("testRoot"), "s3-staging", randomUUID());

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server(["guohe-bytes", "guohe-files"]);
});
afterAll(() => s3?.close());

describe("the S3 driver (S3ByteStore) against an S3-compatible server", () => {
  let store: S3ByteStore;
  beforeAll(() => {
    store = new S3ByteStore(s3.settings("guohe-bytes"));
  });
  afterAll(() => store?.close());

  it("moves a staged upload into the bucket byte for byte and removes the staged file", async () => {
    // Several of the SDK's stream chunks: a body sent aws-chunked would come back longer (see the client's options).
    const content = randomBytes(3 * 1024 * 1024 + 17);
    const staged = await stageFile(stagingPath(), chunksOf(content));
    await store.putStaged("ab/staged", staged.path);
    expect(existsSync(staged.path)).toBe(false);
    expect((await store.read("ab/staged")).equals(content)).toBe(true);
  });

  it("sends a staged upload again, read afresh, when the server fails it (the SDK cannot rewind a stream)", async () => {
    // In front of s3rver: the first PUT is answered 503 SlowDown, as S3 does under load; the rest pass through.
    let puts = 0;
    const target = new URL(s3.settings("guohe-bytes").endpoint!);
    const proxy = createServer((request, response) => {
      if (request.method === "PUT" && ++puts === 1) {
        request.resume();
        request.on("end", () => response.writeHead(503, { "content-type": "application/xml" }).end(slowDown));
        return;
      }
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: request.url,
          method: request.method,
          headers: request.headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(forwarded);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const { port } = proxy.address() as AddressInfo;
    const throughProxy = new S3ByteStore({ ...s3.settings("guohe-bytes"), endpoint: `http://127.0.0.1:${port}` });
    try {
      const content = randomBytes(512 * 1024);
      const staged = await stageFile(stagingPath(), chunksOf(content));
      await throughProxy.putStaged("ab/retried", staged.path);
      expect(puts).toBe(2);
      expect((await store.read("ab/retried")).equals(content)).toBe(true);
    } finally {
      await throughProxy.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("puts a buffer and gives it back whole and as a stream", async () => {
    const content = Buffer.from("申报书 — 国合基地\n");
    await store.putBuffer("cd/buffer", content);
    expect((await store.read("cd/buffer")).equals(content)).toBe(true);
    expect((await collect(store.stream("cd/buffer"))).equals(content)).toBe(true);
  });

  it("deletes what is there (true) and nothing else (false); missing bytes read and stream as ENOENT", async () => {
    await store.putBuffer("ef/delete", Buffer.from("x"));
    expect(await store.delete("ef/delete")).toBe(true);
    expect(await store.delete("ef/delete")).toBe(false);
    expect(await store.delete("ef/never")).toBe(false);
    await expect(store.read("ef/delete")).rejects.toMatchObject({ code: "ENOENT" });
    await expect(collect(store.stream("ef/delete"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("names the operation, the object, the server and its answer when the bucket is wrong", async () => {
    const wrong = new S3ByteStore(s3.settings("no-such-bucket"));
    try {
      const error = (await wrong.read("ab/x").catch((caught: unknown) => caught)) as NodeJS.ErrnoException;
      expect(error.code).toBeUndefined();
      expect(error.message).toMatch(
        /^S3 GetObject s3:\/\/no-such-bucket\/ab\/x \(http:\/\/127\.0\.0\.1:\d+\) failed: NoSuchBucket/,
      );
      const staged = await stageFile(stagingPath(), chunksOf(Buffer.from("%PDF-1.4\n")));
      await expect(wrong.putStaged("ab/x", staged.path)).rejects.toThrow(/S3 PutObject .*NoSuchBucket/);
      // Refused, not lost: the upload stays staged for its request to remove.
      expect(existsSync(staged.path)).toBe(true);
    } finally {
      await wrong.close();
    }
  });
});

describe.each(databaseKinds())("FileStore on S3 (fileStoreFor with S3_BUCKET) on %s", (kind) => {
  let t: TestApp;
  let bucket: S3ByteStore;
  beforeAll(async () => {
    t = await startTestApp(kind, s3.environment("guohe-files"));
    bucket = new S3ByteStore(s3.settings("guohe-files"));
  });
  afterAll(async () => {
    await bucket?.close();
    await t?.close();
  });

  it("saves an upload with its row, and discards its bytes only once no row holds them", async () => {
    const store = fileStoreFor(t.config);
    const content = pdf(256 * 1024);
    const staged = await stageFile(store.stagingPath(), chunksOf(content));
    const stored = await t.database.transaction((tx) =>
      store.save(tx, t.clock, { name: "申报书.pdf", content: staged, uploadedBy: null }, ["pdf"]),
    );
    expect(stored.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    const [row] = await t.database.db.select().from(files).where(eq(files.id, stored.id));
    expect(row?.storageKey).toBe(join(stored.sha256.slice(0, 2), stored.sha256));
    expect((await bucket.read(row!.storageKey)).equals(content)).toBe(true);
    expect(existsSync(staged.path)).toBe(false);
    // Only the staging directory is local: the bytes are not also in DATA_DIR/files.
    expect(existsSync(join(t.config.dataDir, "files", row!.storageKey))).toBe(false);
    expect((await store.open(t.database.db, stored.id))?.content.equals(content)).toBe(true);

    expect(await store.discard(t.database, row!.storageKey)).toBe(false);
    expect((await bucket.read(row!.storageKey)).equals(content)).toBe(true);
    await t.database.db.delete(files).where(eq(files.id, stored.id));
    expect(await store.discard(t.database, row!.storageKey)).toBe(true);
    await expect(bucket.read(row!.storageKey)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("stores a generated document (a buffer) the same way", async () => {
    const store = fileStoreFor(t.config);
    const content = pdf(1024);
    const stored = await t.database.transaction((tx) =>
      store.save(tx, t.clock, { name: "通知.pdf", content, uploadedBy: null }, ["pdf"]),
    );
    expect((await collect(store.stream(join(stored.sha256.slice(0, 2), stored.sha256)))).equals(content)).toBe(true);
  });
});
