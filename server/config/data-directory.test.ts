import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { makeDataDirectory } from "./data-directory";

describe("makeDataDirectory", () => {
  const root = mkdtempSync(join(tmpdir(), "guohe-data-dir-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("makes every missing level, and is a no-op on an existing directory", () => {
    const nested = join(root, "a", "b", "c");
    makeDataDirectory(nested);
    expect(statSync(nested).isDirectory()).toBe(true);
    expect(() => makeDataDirectory(nested)).not.toThrow();
  });

  it("refuses with a configuration error naming the directory where it cannot be made — at once, not by hanging", () => {
    writeFileSync(join(root, "a-file"), "");
    const underFile = join(root, "a-file", "data");
    expect(() => makeDataDirectory(underFile)).toThrow(ConfigError);
    expect(() => makeDataDirectory(underFile)).toThrow(/无法创建数据目录.*cannot be created/s);
    // procfs answers ENOENT for any new directory: Node 20's recursive mkdirSync loops forever there.
    const started = Date.now();
    expect(() => makeDataDirectory("/proc/guohe-test/data")).toThrow(ConfigError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
