import { readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import lockfile from "proper-lockfile";

export interface DataDirLock {
  release(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, holder: string) {
    super(
      `数据目录 ${dataDir} 正被另一个进程使用（${holder}），本进程拒绝启动以免损坏嵌入式数据库。\n` +
        `The data directory ${dataDir} is in use by another process (${holder}); refusing to start so the embedded database is not corrupted.`,
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * Two processes on one PGlite directory corrupt it silently, so the directory is locked exclusively.
 * proper-lockfile refreshes the lock's mtime while we live; a lock not refreshed for `staleMs` (a crashed
 * process) is recognised as stale and taken over.
 */
export async function acquireDataDirLock(dataDir: string, staleMs = 10_000): Promise<DataDirLock> {
  const lockfilePath = join(dataDir, ".lock");
  const holderPath = join(dataDir, ".lock-holder");
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath,
      stale: staleMs,
      update: Math.max(1_000, Math.floor(staleMs / 2)),
      realpath: false,
      onCompromised: (error) => {
        // Another process took the directory while we ran: stop rather than write into a shared database.
        console.error(`data directory lock compromised: ${error.message}`);
        process.exit(70);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      let holder = "unknown process";
      try {
        holder = readFileSync(holderPath, "utf8").trim();
      } catch {
        // the holder note is informative only
      }
      throw new DataDirLockedError(dataDir, holder);
    }
    throw error;
  }
  writeFileSync(holderPath, `pid ${process.pid} on ${hostname()} since ${new Date().toISOString()}`);
  return { release: () => release() };
}
