import type { Readable } from "node:stream";

/**
 * Where stored bytes live, by storage key (`ab/ab…`, from the content's SHA-256): the local files directory
 * (local-store.ts) or an S3-compatible bucket (s3-store.ts). FileStore keeps the rules (checks, rows, locks); this
 * only moves bytes. Bytes a key does not hold are an error with code ENOENT, whichever the driver.
 */
export interface ByteStore {
  /** Moves a staged upload (on local disk, synced) into place under `key`; the staged file is gone afterwards. */
  putStaged(key: string, stagedPath: string): Promise<void>;
  putBuffer(key: string, content: Buffer): Promise<void>;
  read(key: string): Promise<Buffer>;
  /** The bytes as a stream, for downloads too large to hold whole; a failure (ENOENT too) comes as its error. */
  stream(key: string): Readable;
  /** Whether there were bytes to delete. */
  delete(key: string): Promise<boolean>;
}

/** The error for a key that holds no bytes: code ENOENT, as reading a missing local file gives. */
export function missingBytes(where: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOENT: no stored bytes at ${where}`), { code: "ENOENT" });
}
