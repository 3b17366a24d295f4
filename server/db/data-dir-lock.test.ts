import { mkdtempSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock";

describe("data directory lock", () => {
  it("refuses a second holder with a message naming the first", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guohe-lock-"));
    const first = await acquireDataDirLock(dir);
    const second = acquireDataDirLock(dir);
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(acquireDataDirLock(dir)).rejects.toThrow(new RegExp(`pid ${process.pid}`));
    await first.release();
    const third = await acquireDataDirLock(dir);
    await third.release();
  });

  it("takes over a stale lock left by a crashed process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "guohe-lock-"));
    const crashed = await acquireDataDirLock(dir, 2_000);
    // Simulate a crash: the holder stops refreshing the lock; age it past the stale limit.
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, ".lock"), old, old);
    const next = await acquireDataDirLock(dir, 2_000);
    await next.release();
    await crashed.release().catch(() => undefined);
  });
});
