import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FileStore, stagingDirectoryName } from "./files";

describe("sweeping the staging directory", () => {
  const root = mkdtempSync(join(tmpdir(), "guohe-sweep-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const store = new FileStore(root);

  it("is nothing to do before any upload was staged", async () => {
    expect(await store.sweepStaging(new Date())).toBe(0);
  });

  it("removes what a killed node left over a day ago, and keeps uploads that may still be in progress", async () => {
    const staging = join(root, stagingDirectoryName);
    mkdirSync(staging, { recursive: true });
    const now = new Date("2026-12-07T02:00:00Z");
    const left = join(staging, "left-by-a-killed-node");
    const recent = join(staging, "being-uploaded");
    writeFileSync(left, "partial");
    writeFileSync(recent, "partial");
    const twoDaysAgo = new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(left, twoDaysAgo, twoDaysAgo);
    const anHourAgo = new Date(now.getTime() - 60 * 60 * 1000);
    utimesSync(recent, anHourAgo, anHourAgo);

    expect(await store.sweepStaging(now)).toBe(1);
    expect(readdirSync(staging)).toEqual(["being-uploaded"]);
  });
});
