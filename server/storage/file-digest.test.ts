import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { digestFile } from "./file-digest";

const root = mkdtempSync(join(tmpdir(), "guohe-digest-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha256 = (content: Buffer) => createHash("sha256").update(content).digest("hex");

describe("a file's digest on the digest thread (digestFile)", () => {
  it("gives the length, SHA-256 and head of files larger and smaller than one read, many at once", async () => {
    const contents = [randomBytes(3 * 1024 * 1024 + 17), randomBytes(1024 * 1024), randomBytes(10), Buffer.alloc(0)];
    const paths = contents.map((content, index) => {
      const path = join(root, `file-${index}`);
      writeFileSync(path, content);
      return path;
    });
    const digests = await Promise.all(paths.map((path) => digestFile(path, 64 * 1024)));
    digests.forEach((digest, index) => {
      const content = contents[index]!;
      expect(digest.size).toBe(content.length);
      expect(digest.sha256).toBe(sha256(content));
      expect(digest.head.equals(content.subarray(0, 64 * 1024))).toBe(true);
    });
  });

  it("refuses a file it cannot read with the system's reason, and serves the next one", async () => {
    await expect(digestFile(join(root, "missing"), 16)).rejects.toThrow(/ENOENT/);
    await expect(digestFile(root, 16)).rejects.toThrow(/EISDIR/);
    const path = join(root, "after");
    writeFileSync(path, "%PDF-1.7");
    await expect(digestFile(path, 4)).resolves.toMatchObject({ size: 8, sha256: sha256(Buffer.from("%PDF-1.7")) });
    expect((await digestFile(path, 4)).head.toString("latin1")).toBe("%PDF");
  });
});
