import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, repositoryRoot, serverBuildFiles, serverBuildStaleness, serverLaunch } from "./build-server.mjs";

// Inside the repository like .build/server, where the bundle's npm packages resolve from node_modules.
const testRoot = join(repositoryRoot, ".build");
let outDir: string;
let inputs: string[];

beforeAll(async () => {
  mkdirSync(testRoot, { recursive: true });
  outDir = mkdtempSync(join(testRoot, "test-server-"));
  ({ inputs } = await buildServer({ outDir }));
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("the compiled server npm start runs", () => {
  it("bundles our code from server/, policy/ and contracts/ and leaves every npm package in node_modules", () => {
    expect(inputs).toContain("server/main.ts");
    expect(inputs.some((path) => path.startsWith("policy/"))).toBe(true);
    expect(inputs.some((path) => path.startsWith("contracts/"))).toBe(true);
    expect(inputs.filter((path) => path.includes("node_modules"))).toEqual([]);
  });

  it("is rebuilt only when stale: missing, an input newer, an input gone", async () => {
    const { bundle, metafile } = serverBuildFiles(outDir);
    expect(serverBuildStaleness(outDir)).toBeNull();

    // Touch an input (only its time: the content stays), then put its time back.
    const input = join(repositoryRoot, "server", "paths.ts");
    const { atime, mtime } = statSync(input);
    const now = new Date();
    utimesSync(input, now, now);
    try {
      expect(serverBuildStaleness(outDir)).toBe("server/paths.ts changed");
      await buildServer({ outDir });
      expect(serverBuildStaleness(outDir)).toBeNull();
    } finally {
      utimesSync(input, atime, mtime);
    }

    const meta = readFileSync(metafile, "utf8");
    const withGone = JSON.parse(meta);
    withGone.inputs["server/no-such-module.ts"] = { bytes: 0, imports: [] };
    writeFileSync(metafile, JSON.stringify(withGone));
    expect(serverBuildStaleness(outDir)).toBe("server/no-such-module.ts is gone");
    writeFileSync(metafile, meta);

    rmSync(metafile);
    expect(serverBuildStaleness(outDir)).toMatch(/meta\.json is missing$/);
    rmSync(bundle);
    expect(serverBuildStaleness(outDir)).toMatch(/main\.mjs is missing$/);
    await buildServer({ outDir });
    expect(serverBuildStaleness(outDir)).toBeNull();
  }, 120_000);

  it("finds files from the repository root, not from its own folder", () => {
    const text = readFileSync(serverBuildFiles(outDir).bundle, "utf8");
    // The only lookups from the module's own location the bundle may hold: the root search (server/paths.ts) and
    // createRequire for npm packages, which resolve from anywhere inside the repository.
    const ownLocation = text
      .split("\n")
      .filter((line) => /import\.meta\.|\b__dirname\b|\b__filename\b/.test(line))
      .filter(
        (line) => !/findRepositoryRoot\(import\.meta\.dirname\)|createRequire\d*\(import\.meta\.url\)/.test(line),
      );
    expect(ownLocation, "a path from the code's own folder is wrong in .build/: name it in server/paths.ts").toEqual(
      [],
    );
  });

  it("resolves the migrations, the web app and the readings to the real directories when run from .build/", async () => {
    // server/paths.ts compiled like the server and run beside it, in a plain node.
    const probeDir = mkdtempSync(join(testRoot, "test-paths-"));
    try {
      const { bundle } = await buildServer({ outDir: probeDir, entry: "server/paths.ts" });
      const script = `const { serverPaths } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
        console.log(JSON.stringify(serverPaths));`;
      const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      const paths = JSON.parse(run.stdout);
      expect(paths).toEqual({
        webDist: join(repositoryRoot, "web", "dist"),
        migrations: join(repositoryRoot, "server", "db", "migrations"),
        interpretations: join(repositoryRoot, "docs", "interpretations.md"),
      });
      expect(readdirSync(paths.migrations).some((name) => name.endsWith(".sql"))).toBe(true);
      expect(existsSync(paths.interpretations)).toBe(true);
    } finally {
      rmSync(probeDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("how the compiled server is launched", () => {
  it("runs the bundle with source maps, the caller's environment over this process's, and malloc's fixed threshold", () => {
    const saved = process.env.MALLOC_MMAP_THRESHOLD_;
    try {
      delete process.env.MALLOC_MMAP_THRESHOLD_;
      const launch = serverLaunch({ PORT: "4123" });
      expect(launch.command).toBe(process.execPath);
      expect(launch.args).toEqual(["--enable-source-maps", serverBuildFiles().bundle]);
      expect(launch.env.PORT).toBe("4123");
      expect(launch.env.PATH).toBe(process.env.PATH);
      expect(launch.env.MALLOC_MMAP_THRESHOLD_).toBe(String(1024 * 1024));
      // An operator's own setting wins, and so does the caller's.
      process.env.MALLOC_MMAP_THRESHOLD_ = "65536";
      expect(serverLaunch().env.MALLOC_MMAP_THRESHOLD_).toBe("65536");
      expect(serverLaunch({ MALLOC_MMAP_THRESHOLD_: "0" }).env.MALLOC_MMAP_THRESHOLD_).toBe("0");
    } finally {
      if (saved === undefined) delete process.env.MALLOC_MMAP_THRESHOLD_;
      else process.env.MALLOC_MMAP_THRESHOLD_ = saved;
    }
  });
});
