import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEmbedded } from "../db/client";
import { acquireDataDirLock } from "../db/data-dir-lock";
import { auditLog } from "../db/schema";
import { checkpointFileName, parseCheckpoint } from "./checkpoint";
import { asOwnerWithoutTriggers } from "./testing";

const root = join(import.meta.dirname, "..", "..");

/** Runs `npm run audit:verify` (its script) on `dataDir`; resolves to the exit code and everything it printed. */
function verify(dataDir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/audit-verify.ts", ...args],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DEMO: "1" }, encoding: "utf8" },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/** The real platform (server/main.ts) on `dataDir`, until it has logged that it is ready. */
async function startPlatform(dataDir: string): Promise<{ child: ChildProcess; log: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DEMO: "1", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr!.on("data", (chunk) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("ready on")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`the platform exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { child, log: () => output };
}

const stopPlatform = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });

describe("npm run audit:verify", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "guohe-audit-"));
  let log = "";
  beforeAll(async () => {
    // Start the real platform once (it loads the demo and keeps its checkpoint), then stop it.
    const platform = await startPlatform(dataDir);
    expect(await stopPlatform(platform.child)).toBe(0);
    log = platform.log();
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("passes on a platform that ran and stopped, reaching the checkpoint it left in the data directory and log", async () => {
    const checkpoint = parseCheckpoint(readFileSync(join(dataDir, checkpointFileName), "utf8"));
    const logged = log.split("\n").filter((line) => line.includes('"audit checkpoint"'));
    expect(logged.length).toBeGreaterThanOrEqual(2); // at start and at shutdown
    expect(parseCheckpoint(logged.at(-1)!)).toEqual(checkpoint);
    const result = await verify(dataDir);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/审计链完整/);
    expect(result.out).toContain(`the chain reaches #${checkpoint.seq}`);
  }, 60_000);

  it("exits 2 while the data directory is locked (the platform is running), saying to stop it first", async () => {
    const lock = await acquireDataDirLock(dataDir);
    try {
      const result = await verify(dataDir);
      expect(result.code, result.out).toBe(2);
      expect(result.out).toMatch(/请先停止平台/);
      expect(result.out).toMatch(/stop the platform first/);
    } finally {
      await lock.release();
    }
  }, 60_000);

  it("exits 2 where there is no platform yet, and creates nothing there", async () => {
    const nowhere = join(dataDir, "not-here");
    const result = await verify(nowhere);
    expect(result.code, result.out).toBe(2);
    expect(result.out).toMatch(/no platform here yet/);
    expect(existsSync(nowhere)).toBe(false);
  }, 60_000);

  it("exits 1 listing every tampered entry, and the truncated tail behind a rewound head", async () => {
    const checkpoint = parseCheckpoint(readFileSync(join(dataDir, checkpointFileName), "utf8"));
    const last = checkpoint.seq;
    const database = await openEmbedded(dataDir);
    try {
      const [kept] = await database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.seq, last - 2));
      await asOwnerWithoutTriggers(
        database,
        sql`update audit_log set action = 'forged' where seq = 3`,
        sql`update audit_log set reason = 'forged' where seq = 7`,
        sql`delete from audit_log where seq > ${last - 2}`,
        sql`update audit_head set seq = ${kept!.seq}, mac = ${kept!.mac}`,
      );
    } finally {
      await database.close();
    }
    const result = await verify(dataDir);
    expect(result.code, result.out).toBe(1);
    expect(result.out).toMatch(/共 3 处异常/);
    expect(result.out).toMatch(/#3: .*MAC mismatch/);
    expect(result.out).toMatch(/#7: .*MAC mismatch/);
    expect(result.out).toContain(`entries #${last - 1}–#${last} are missing`);

    // The same checkpoint copied from the server's log checks the same.
    const fromLog = join(dataDir, "checkpoint-from-log.txt");
    writeFileSync(
      fromLog,
      log
        .split("\n")
        .filter((line) => line.includes('"audit checkpoint"'))
        .at(-1)!,
    );
    const again = await verify(dataDir, "--checkpoint", fromLog);
    expect(again.code, again.out).toBe(1);
    expect(again.out).toContain(`entries #${last - 1}–#${last} are missing`);
  }, 60_000);
});
