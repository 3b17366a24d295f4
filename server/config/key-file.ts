import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, linkSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "./config-error";
import { makeDataDirectory } from "./data-directory";

export interface Keys {
  /** HMAC-SM3 key of the audit chain: kept outside the database. */
  audit: Buffer;
  /** SM4 (first 16 bytes) + HMAC-SM3 (last 16 bytes) for personal data at rest and its blind index. */
  pii: Buffer;
}

/** Demo mode's keys live beside the data they protect, readable by the owner only. */
export const keyFileName = "keys.json";

export interface DemoKeys {
  keys: Keys;
  /** The key file read or written. */
  path: string;
  /** True when this call generated the keys (first start on this data directory). */
  created: boolean;
}

const hex64 = /^[0-9a-fA-F]{64}$/;

/**
 * The demo's keys for `dataDir`: random 32-byte keys generated on first use and kept in `<dataDir>/keys.json`
 * (mode 0600), then read back by every later start and by the scripts (audit:verify), so the demo's audit chain
 * still verifies and its personal data still decrypts after a restart. Two processes starting at once agree on
 * one file: it is published with an exclusive hard link, never overwritten.
 *
 * `embedded`: the embedded database lives in `<dataDir>/pgdata` (server/db/client.ts `openEmbedded`). A database
 * there without a key file was written with other keys (the former built-in development keys, or keys set in the
 * environment); new random keys could not read it, so that is refused rather than silently generated.
 */
export function demoKeys(dataDir: string, options: { embedded: boolean }): DemoKeys {
  const path = join(dataDir, keyFileName);
  if (!existsSync(path)) {
    if (options.embedded && holdsDatabase(dataDir)) {
      throw new ConfigError(
        `配置错误：数据目录 ${dataDir} 中已有数据库，但没有密钥文件 ${keyFileName}——它是用其他密钥建立的（旧版本内置的开发密钥，或设置过的 AUDIT_KEY 与 PII_KEY）。` +
          "请设置建库时使用的 AUDIT_KEY 与 PII_KEY，或删除该目录以重新建库并载入演示数据。\n" +
          `invalid configuration: the data directory ${dataDir} holds a database but no key file ${keyFileName}: it was created with other keys ` +
          "(the former built-in development keys, or AUDIT_KEY and PII_KEY set in the environment). " +
          "Set the AUDIT_KEY and PII_KEY it was created with, or delete the directory to start afresh with the demo data.",
      );
    }
    makeDataDirectory(dataDir);
    if (publish(path, generated())) return { keys: readKeyFile(path), path, created: true };
  }
  return { keys: readKeyFile(path), path, created: false };
}

function holdsDatabase(dataDir: string): boolean {
  try {
    return readdirSync(join(dataDir, "pgdata")).length > 0;
  } catch {
    return false;
  }
}

function generated(): string {
  const content = {
    note: "国合基地管理平台演示模式的密钥（勿外传；删除后已有的演示数据将无法校验与解密）/ demo-mode keys: keep private; without them the demo data can no longer be verified or decrypted",
    AUDIT_KEY: randomBytes(32).toString("hex"),
    PII_KEY: randomBytes(32).toString("hex"),
  };
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** Writes `content` at `path` only if nothing is there; false when another process got there first. */
function publish(path: string, content: string): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600, flag: "wx" });
  try {
    // A hard link appears complete or not at all, and fails if the name is taken.
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS") throw error;
    // A file system without hard links: create exclusively instead.
    try {
      writeFileSync(path, content, { mode: 0o600, flag: "wx" });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw fallback;
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

function readKeyFile(path: string): Keys {
  let content: unknown;
  try {
    if (process.platform !== "win32" && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    content = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw badKeyFile(path, error instanceof Error ? error.message : String(error));
  }
  const { AUDIT_KEY: audit, PII_KEY: pii } = (content ?? {}) as Record<string, unknown>;
  if (typeof audit !== "string" || !hex64.test(audit) || typeof pii !== "string" || !hex64.test(pii)) {
    throw badKeyFile(path, "AUDIT_KEY and PII_KEY must be 64 hexadecimal characters each");
  }
  return { audit: Buffer.from(audit, "hex"), pii: Buffer.from(pii, "hex") };
}

function badKeyFile(path: string, reason: string): ConfigError {
  return new ConfigError(
    `配置错误：无法读取密钥文件 ${path}（${reason}）。请恢复该文件，或设置 AUDIT_KEY 与 PII_KEY。\n` +
      `invalid configuration: cannot read the key file ${path} (${reason}). Restore it, or set AUDIT_KEY and PII_KEY.`,
  );
}
