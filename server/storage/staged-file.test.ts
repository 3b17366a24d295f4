import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { headBytes, stageFile } from "./staged-file";

const root = mkdtempSync(join(tmpdir(), "guohe-staged-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function* chunksOf(content: Buffer, size: number) {
  for (let offset = 0; offset < content.length; offset += size) yield content.subarray(offset, offset + size);
}

describe("staging an upload (stageFile)", () => {
  it("writes the stream as it comes, with its size, SHA-256 and first 64 KB", async () => {
    const content = randomBytes(3 * headBytes + 123);
    const path = join(root, ".staging", "whole");
    const staged = await stageFile(path, chunksOf(content, 10_000));
    expect(staged).toMatchObject({ path, size: content.length });
    expect(staged.sha256).toBe(createHash("sha256").update(content).digest("hex"));
    expect(staged.head.equals(content.subarray(0, headBytes))).toBe(true);
    expect(readFileSync(path).equals(content)).toBe(true);
  });

  it("keeps a head as short as the file, and an empty file as empty", async () => {
    const small = await stageFile(join(root, ".staging", "small"), chunksOf(Buffer.from("%PDF-1.7"), 3));
    expect(small.head.toString("latin1")).toBe("%PDF-1.7");
    const empty = await stageFile(join(root, ".staging", "empty"), chunksOf(Buffer.alloc(0), 1));
    expect(empty).toMatchObject({ size: 0, head: Buffer.alloc(0) });
  });

  it("removes the partial file when the stream fails, and rethrows its error", async () => {
    const failure = new Error("the client went away");
    const path = join(root, "failing", "partial");
    async function* failing() {
      yield randomBytes(100_000);
      throw failure;
    }
    await expect(stageFile(path, failing())).rejects.toBe(failure);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(join(root, "failing"))).toEqual([]);
  });
});
