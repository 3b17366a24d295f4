import { timingSafeEqual } from "node:crypto";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { canonicalJson } from "../../policy/canonical-json";
import { hmacSm3 } from "../crypto/sm";

/**
 * A signed checkpoint of the audit chain's head, kept outside the database (docs/adr/0007-audit-trail.md): the seq
 * and MAC of the newest committed entry at `at`, HMAC-SM3'd with the audit key. Whoever can delete the last entries
 * and rewind `audit_head` cannot move this back without the key, so `audit:verify` notices a chain that no longer
 * reaches it.
 */
export interface AuditCheckpoint {
  seq: number;
  mac: string;
  /** When the checkpoint was taken (ISO 8601). */
  at: string;
  /** HMAC-SM3 over the three fields above. */
  sig: string;
}

export const checkpointFormat = "guohe-audit-checkpoint/1";
/** The file name in the data directory, unless `AUDIT_CHECKPOINT_FILE` names another place. */
export const checkpointFileName = "audit-checkpoint.json";

/** Separated from the entries' MAC input (which starts with a 64-hex MAC), so neither can stand for the other. */
function signatureInput(fields: Pick<AuditCheckpoint, "seq" | "mac" | "at">): string {
  return `${checkpointFormat}\n${canonicalJson({ seq: fields.seq, mac: fields.mac, at: fields.at })}`;
}

export function signCheckpoint(key: Buffer, fields: { seq: number; mac: string; at: Date | string }): AuditCheckpoint {
  const at = typeof fields.at === "string" ? fields.at : fields.at.toISOString();
  const unsigned = { seq: fields.seq, mac: fields.mac, at };
  return { ...unsigned, sig: hmacSm3(key, signatureInput(unsigned)) };
}

export function checkpointSignatureValid(key: Buffer, checkpoint: AuditCheckpoint): boolean {
  const expected = Buffer.from(hmacSm3(key, signatureInput(checkpoint)), "hex");
  const given = Buffer.from(checkpoint.sig, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Where checkpoints are written and read: `AUDIT_CHECKPOINT_FILE` if set (e.g. a disk the database's users cannot
 * write), otherwise `audit-checkpoint.json` in the data directory (beside `pgdata` for the embedded database, beside
 * the uploads with PostgreSQL).
 */
export function checkpointPath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.AUDIT_CHECKPOINT_FILE?.trim();
  return configured ? resolve(configured) : join(dataDir, checkpointFileName);
}

export class CheckpointUnreadable extends Error {}

const hex64 = /^[0-9a-f]{64}$/;

/**
 * Reads a checkpoint from its file's text. Also accepts a pino log line that carries one (`{"auditCheckpoint": …}`),
 * so a checkpoint copied from the server's log can be checked with `audit:verify --checkpoint <file>`.
 */
export function parseCheckpoint(text: string): AuditCheckpoint {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = JSON.parse(text.trim().split("\n").at(-1) ?? ""); // the last line of a log excerpt
    } catch {
      throw new CheckpointUnreadable("not JSON");
    }
  }
  const candidate = (
    parsed && typeof parsed === "object" && "auditCheckpoint" in parsed
      ? (parsed as { auditCheckpoint: unknown }).auditCheckpoint
      : parsed
  ) as Partial<Record<keyof AuditCheckpoint, unknown>> | null;
  if (
    !candidate ||
    typeof candidate !== "object" ||
    !Number.isSafeInteger(candidate.seq) ||
    (candidate.seq as number) < 0 ||
    typeof candidate.mac !== "string" ||
    !hex64.test(candidate.mac) ||
    typeof candidate.at !== "string" ||
    Number.isNaN(Date.parse(candidate.at)) ||
    typeof candidate.sig !== "string" ||
    !hex64.test(candidate.sig)
  ) {
    throw new CheckpointUnreadable("not an audit checkpoint (seq, mac, at, sig)");
  }
  return { seq: candidate.seq as number, mac: candidate.mac, at: candidate.at, sig: candidate.sig };
}

/** The checkpoint at `path`, or null when there is none; CheckpointUnreadable when the file is not one. */
export async function readCheckpoint(path: string): Promise<AuditCheckpoint | null> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new CheckpointUnreadable((error as Error).message);
  }
  return parseCheckpoint(text);
}

/** Replaces the file at `path` in one step (write aside, then rename), readable and writable by the owner only. */
export async function writeCheckpoint(path: string, checkpoint: AuditCheckpoint): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  const content = { format: checkpointFormat, ...checkpoint };
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600); // `mode` applies only to a new file; a leftover one keeps its own
  await rename(temporary, path);
}
