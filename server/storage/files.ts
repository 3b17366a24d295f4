import { createHash, randomUUID } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import type { Clock } from "../clock";
import type { Config } from "../config/config";
import type { Database, Executor, Tx } from "../db/client";
import { files } from "../db/schema";
import { Refused, refused } from "../domain/refused";
import type { ByteStore } from "./byte-store";
import { LocalByteStore } from "./local-store";
import { S3ByteStore } from "./s3-store";
import { type FileContent, removeStagedFile } from "./staged-file";

export type FileKind = "pdf" | "docx" | "xlsx" | "png" | "jpeg";

const mediaTypes: Record<FileKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpeg: "image/jpeg",
};

/** The file's type judged by its content (magic bytes and, for OOXML, the zip's entry names), never by its name. */
export function sniffKind(content: Buffer): FileKind | null {
  if (content.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (content[0] === 0x89 && content.subarray(1, 4).toString("latin1") === "PNG") return "png";
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return "jpeg";
  if (content.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const head = content.subarray(0, Math.min(content.length, 64 * 1024)).toString("latin1");
    if (head.includes("word/")) return "docx";
    if (head.includes("xl/")) return "xlsx";
  }
  return null;
}

/** Keeps letters (including CJK), digits, dot, dash, underscore and brackets; no paths, no control characters. */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._\-()（）【】 ]/gu, "_")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 120);
  return cleaned || "file";
}

/**
 * Serialises writing a content's bytes (held until the upload's row commits) with deleting them (`discard`): a
 * transaction-scoped advisory lock on the storage key.
 */
async function lockContent(tx: Tx, storageKey: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${storageKey}))`);
}

export interface StoredFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/**
 * Where uploads are streamed before they are stored: inside the files root, so storing one locally is a rename.
 * With S3 the root holds only this staging directory.
 */
export const stagingDirectoryName = ".staging";

/**
 * Uploads checked, stored and recorded with their rows. Uploads are staged under `root` on local disk; the stored
 * bytes go to `bytes`: the same directory by default, or an S3-compatible bucket (`fileStoreFor`).
 */
export class FileStore {
  constructor(
    private readonly root: string,
    private readonly bytes: ByteStore = new LocalByteStore(root),
  ) {}

  /** A fresh path in the staging directory for one upload (server/storage/staged-file.ts `stageFile`). */
  stagingPath(): string {
    return join(this.root, stagingDirectoryName, randomUUID());
  }

  /**
   * Housekeeping: staging files older than `olderThanMs` — left by a node killed in the middle of an upload (a
   * failed or finished upload removes its own). Returns how many were removed.
   */
  async sweepStaging(now: Date, olderThanMs = 24 * 60 * 60 * 1000): Promise<number> {
    const directory = join(this.root, stagingDirectoryName);
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(directory, name);
      const modified = await stat(path).then(
        (found) => found.mtimeMs,
        () => null,
      );
      if (modified !== null && now.getTime() - modified > olderThanMs) {
        await removeStagedFile(path);
        removed += 1;
      }
    }
    return removed;
  }

  /**
   * Checks an upload (not empty, ≤ maxBytes, type by content) and stores it with its row. A staged upload is judged
   * by its size and first 64 KB, never read again: inside the transaction it is only moved into place.
   */
  async save(
    tx: Tx,
    clock: Clock,
    upload: { name: string; content: FileContent; uploadedBy: string | null },
    accept: readonly FileKind[],
    maxBytes = 50 * 1024 * 1024,
  ): Promise<StoredFile> {
    const { content } = upload;
    const size = Buffer.isBuffer(content) ? content.length : content.size;
    if (size === 0) {
      throw refused.invalidInput("empty-file", "上传的文件为空。", "The uploaded file is empty.", [
        { path: "file", messageZh: "文件为空", messageEn: "Empty file" },
      ]);
    }
    if (size > maxBytes) {
      throw new Refused("too-large", {
        code: "too-large",
        messageZh: `文件超过 ${maxBytes / 1024 / 1024} MB 上限。`,
        messageEn: `The file exceeds ${maxBytes / 1024 / 1024} MB.`,
      });
    }
    const kind = sniffKind(Buffer.isBuffer(content) ? content : content.head);
    if (!kind || !accept.includes(kind)) {
      const allowed = accept.map((k) => k.toUpperCase()).join("、");
      throw new Refused("unsupported-type", {
        code: "wrong-file-type",
        messageZh: `文件内容不是允许的类型（${allowed}）。`,
        messageEn: `The file's content is not one of: ${accept.join(", ")}.`,
        errors: [{ path: "file", messageZh: `仅接受 ${allowed}`, messageEn: `Only ${accept.join(", ")}` }],
      });
    }
    const sha256 = Buffer.isBuffer(content) ? createHash("sha256").update(content).digest("hex") : content.sha256;
    const id = randomUUID();
    const storageKey = join(sha256.slice(0, 2), `${sha256}`);
    await lockContent(tx, storageKey);
    if (Buffer.isBuffer(content)) await this.bytes.putBuffer(storageKey, content);
    else await this.bytes.putStaged(storageKey, content.path);
    const stored = { id, name: sanitizeFileName(upload.name), mediaType: mediaTypes[kind], size, sha256 };
    await tx.insert(files).values({ ...stored, storageKey, uploadedBy: upload.uploadedBy, createdAt: clock.now() });
    return stored;
  }

  /**
   * Deletes stored bytes once no files row holds them (one copy per content, shared by every row with the same
   * SHA-256). Under the content's lock, so an upload of the same content either committed its row before (the bytes
   * stay) or writes them again after. Returns whether the bytes were deleted.
   */
  async discard(database: Database, storageKey: string): Promise<boolean> {
    return database.transaction(async (tx) => {
      await lockContent(tx, storageKey);
      const [held] = await tx.select({ id: files.id }).from(files).where(eq(files.storageKey, storageKey)).limit(1);
      if (held) return false;
      return this.bytes.delete(storageKey);
    });
  }

  /** The stored bytes; a key that holds none rejects with code ENOENT. */
  read(storageKey: string): Promise<Buffer> {
    return this.bytes.read(storageKey);
  }

  /** The stored bytes as a stream, for downloads too large to hold whole (dossiers, server/dossier/zip.ts). */
  stream(storageKey: string): Readable {
    return this.bytes.stream(storageKey);
  }

  /** A stored file by id with its content, for a download the caller has already authorised; null if unknown. */
  async open(executor: Executor, id: string): Promise<{ name: string; mediaType: string; content: Buffer } | null> {
    const [file] = await executor.select().from(files).where(eq(files.id, id));
    if (!file) return null;
    return { name: file.name, mediaType: file.mediaType, content: await this.read(file.storageKey) };
  }
}

/** What decides where files go: the data directory (staging, local storage) and the S3 bucket if there is one. */
export type StorageSettings = Pick<Config, "dataDir" | "s3">;

/** The platform's file store: staged under DATA_DIR/files, stored there or, with S3_BUCKET set, in that bucket. */
export function fileStoreFor(config: StorageSettings): FileStore {
  const root = join(config.dataDir, "files");
  return new FileStore(root, config.s3 ? new S3ByteStore(config.s3) : new LocalByteStore(root));
}
